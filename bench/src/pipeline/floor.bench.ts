import { randomUUID } from 'node:crypto';
import { ensureKafkaTopics } from '@onewindow/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Pool } from 'pg';
import { round } from '../measure';
import { Limiter } from './pipeline.bench';

export interface FloorResult {
  kafka: { messages: number; bytesPerMessage: number; messagesPerSecond: number; seconds: number };
  postgres: { rows: number; concurrency: number; commitsPerSecond: number; seconds: number };
}

/** A message the size of a real `intake.application.accepted.v1` envelope (about 1.5 kB of JSON). */
function anEnvelopeSizedMessage(index: number): string {
  return JSON.stringify({
    specversion: '1.0',
    id: randomUUID(),
    source: '/onewindow/intake',
    type: 'intake.application.accepted.v1',
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    traceparent: `00-${randomUUID().replace(/-/g, '')}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`,
    data: {
      applicationNumber: `DCF-20261123-${String(index).padStart(6, '0')}`,
      applicant: {
        kind: 'organisation',
        name: `聊城市东昌府区第${index}建筑工程有限公司`,
        identifier: '91371502MA3C8K2X10',
        phone: '13706351234',
      },
      parts: [
        {
          partId: randomUUID(),
          itemCode: 'DCF-ZJ-XK-011',
          itemName: '建筑工程施工许可证核发',
          department: { code: 'DCF-ZJJ', name: '东昌府区住房和城乡建设局' },
          materials: [
            '建筑工程用地批准手续',
            '建设工程规划许可证',
            '施工场地已经基本具备施工条件的证明',
            '中标通知书及施工合同',
            '施工图设计文件审查合格书',
          ].map((name) => ({ name, received: true })),
          promisedDeadline: '2026-12-04',
        },
      ],
      channel: 'window',
      level: 'district',
      acceptedAt: new Date().toISOString(),
    },
  });
}

/**
 * The floor under the pipeline, on the same broker and database in the same run: raw kafkajs
 * produce → consume of as many envelope-sized messages as the pipeline's applications, and
 * single-row insert-and-commit transactions with as many connections as the pipeline's concurrency.
 */
export async function benchFloor(options: {
  databaseUrl: string;
  kafkaBrokers: string;
  messages: number;
  concurrency: number;
}): Promise<FloorResult> {
  return { kafka: await kafkaFloor(options), postgres: await postgresFloor(options) };
}

async function kafkaFloor(options: { kafkaBrokers: string; messages: number }): Promise<FloorResult['kafka']> {
  const kafka = new Kafka({ clientId: 'bench-floor', brokers: options.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const topic = `bench-floor-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  // The services' own topic creation, which waits until every partition has a leader.
  await ensureKafkaTopics(options.kafkaBrokers.split(','), [topic], { partitions: 3 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `bench-floor-${randomUUID()}` });
  const messages = Array.from({ length: options.messages }, (_, i) => ({ key: randomUUID(), value: anEnvelopeSizedMessage(i) }));
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let received = 0;
    let resolveAll: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (resolveAll = resolve));
    await consumer.run({
      eachMessage: async () => {
        received += 1;
        if (received === options.messages) resolveAll();
      },
    });
    const started = performance.now();
    // Batches of 100, as an outbox relay publishes a backlog (the same producer settings as the services).
    const limiter = new Limiter(8);
    const batches = Array.from({ length: Math.ceil(messages.length / 100) }, (_, i) => messages.slice(i * 100, (i + 1) * 100));
    await Promise.all(batches.map((batch) => limiter.run(() => producer.send({ topic, acks: -1, messages: batch }))));
    await all;
    const seconds = (performance.now() - started) / 1000;
    return {
      messages: options.messages,
      bytesPerMessage: Math.round(messages.reduce((sum, m) => sum + Buffer.byteLength(m.value), 0) / messages.length),
      messagesPerSecond: round(options.messages / seconds, 0),
      seconds: round(seconds, 2),
    };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

async function postgresFloor(options: { databaseUrl: string; messages: number; concurrency: number }): Promise<FloorResult['postgres']> {
  const schema = `bench_floor_${randomUUID().slice(0, 8)}`;
  const setup = new Client({ connectionString: options.databaseUrl });
  await setup.connect();
  await setup.query(
    `CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".row (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const pool = new Pool({ connectionString: options.databaseUrl, max: Math.min(options.concurrency, 20) });
  try {
    const body = anEnvelopeSizedMessage(0);
    const limiter = new Limiter(options.concurrency);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.messages }, () =>
        limiter.run(async () => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(`INSERT INTO "${schema}".row (id, body) VALUES ($1, $2)`, [randomUUID(), body]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      rows: options.messages,
      concurrency: options.concurrency,
      commitsPerSecond: round(options.messages / seconds, 0),
      seconds: round(seconds, 2),
    };
  } finally {
    await pool.end();
    await setup.query(`DROP SCHEMA "${schema}" CASCADE`);
    await setup.end();
  }
}
