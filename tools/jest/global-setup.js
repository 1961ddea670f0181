'use strict';
// Integration tier: one real Kafka broker for the whole run (suites isolate themselves with
// unique topic prefixes and consumer groups), and the PostgreSQL of DATABASE_URL.
const { startBroker } = require('../kafka/broker');

module.exports = async function globalSetup() {
  process.env.DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (process.env.KAFKA_BROKERS) {
    process.stdout.write(`\nintegration tests use the Kafka broker at ${process.env.KAFKA_BROKERS}\n`);
    return;
  }
  const broker = await startBroker({ partitions: 3 });
  globalThis.__ONEWINDOW_KAFKA__ = broker;
  process.env.KAFKA_BROKERS = broker.brokers;
  process.env.ONEWINDOW_TEST_KAFKA_STARTED = '1';
  process.stdout.write(`\nstarted Kafka for the integration tests at ${broker.brokers} in ${broker.startedInMs} ms\n`);
};
