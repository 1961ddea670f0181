import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Creates missing topics up front: brokers run with auto-creation off, so names are never mistyped into existence. */
export async function ensureKafkaTopics(
  brokers: string[],
  topics: readonly string[],
  options: { partitions?: number; replicationFactor?: number; clientId?: string } = {},
): Promise<string[]> {
  return withAdmin(brokers, options.clientId ?? 'onewindow-admin', async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: options.partitions ?? 3,
          replicationFactor: options.replicationFactor ?? 1,
        })),
      });
    }
    return missing;
  });
}

/** Ready check: the broker answers a metadata request. */
export async function checkKafkaReachable(brokers: string[], timeoutMs = 3_000): Promise<void> {
  await withAdmin(
    brokers,
    'onewindow-health',
    async (admin) => {
      await admin.describeCluster();
    },
    timeoutMs,
  );
}

/** Committed offset vs. end offset per partition for a consumer group. */
export async function fetchConsumerLag(
  brokers: string[],
  groupId: string,
  topics: readonly string[],
): Promise<Array<{ topic: string; partition: number; lag: number }>> {
  return withAdmin(brokers, 'onewindow-lag', async (admin) => {
    const result: Array<{ topic: string; partition: number; lag: number }> = [];
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const mine = partitions.find((p) => p.partition === end.partition);
        const committedOffset = mine && Number(mine.offset) >= 0 ? Number(mine.offset) : Number(end.low);
        result.push({ topic, partition: end.partition, lag: Math.max(0, Number(end.high) - committedOffset) });
      }
    }
    return result;
  });
}

async function withAdmin<T>(
  brokers: string[],
  clientId: string,
  fn: (admin: Admin) => Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const kafka = new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3_000),
    requestTimeout: timeoutMs,
    retry: { retries: 1, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
