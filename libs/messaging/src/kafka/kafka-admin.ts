import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Creates missing topics up front: brokers run with auto-creation off, so names are never mistyped into existence. */
export async function ensureKafkaTopics(
  brokers: string[],
  topics: readonly string[],
  options: { partitions?: number; replicationFactor?: number; clientId?: string; leaderTimeoutMs?: number } = {},
): Promise<string[]> {
  return withAdmin(brokers, options.clientId ?? 'onewindow-admin', async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        // kafkajs's own wait gives up on the "unknown topic or partition" a busy broker answers
        // just after creating a topic; waitUntilLed below waits that out.
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: options.partitions ?? 3,
          replicationFactor: options.replicationFactor ?? 1,
        })),
      });
      await waitUntilLed(admin, missing, options.leaderTimeoutMs ?? 30_000);
    }
    return missing;
  });
}

/** Polls topic metadata until every partition of every topic has a leader, so the first produce or join succeeds. */
async function waitUntilLed(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no metadata yet';
  for (let delay = 50; Date.now() < deadline; delay = Math.min(delay * 2, 1_000)) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      const leaderless = described.filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0));
      if (described.length === topics.length && leaderless.length === 0) return;
      lastProblem = `no leader yet for ${leaderless.map((t) => t.name).join(', ') || 'some topics'}`;
    } catch (error) {
      // UNKNOWN_TOPIC_OR_PARTITION and LEADER_NOT_AVAILABLE are expected for a moment after creation.
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new Error(`Kafka topics ${topics.join(', ')} have no leader after ${timeoutMs} ms: ${lastProblem}`);
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

async function withAdmin<T>(brokers: string[], clientId: string, fn: (admin: Admin) => Promise<T>, timeoutMs = 10_000): Promise<T> {
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
