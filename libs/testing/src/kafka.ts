import { randomBytes } from 'node:crypto';

/** The broker the integration tier's global setup started (or an external one from the environment). */
export function testKafkaBrokers(): string[] {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) {
    throw new Error("KAFKA_BROKERS is not set: integration tests run under jest's integration project, whose global setup starts a broker");
  }
  return brokers.split(',').map((b) => b.trim());
}

/** A topic/consumer-group prefix no other suite uses, so suites share one broker without interfering. */
export function uniqueTopicPrefix(label: string): string {
  return `t${randomBytes(3).toString('hex')}-${label.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}.`;
}
