#!/usr/bin/env node
'use strict';
// Developer CLI: node tools/kafka/kafka.js fetch|start|stop|status [--port 29092] [--data .data/kafka]
const path = require('node:path');
const fs = require('node:fs');
const { Kafka, logLevel } = require('kafkajs');
const { ensureKafkaDistribution, startBroker, stopDetached, isAlive, KAFKA_VERSION } = require('./broker');

const ROOT = path.resolve(__dirname, '..', '..');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main() {
  const command = process.argv[2] || 'status';
  const port = Number(option('port', '29092'));
  const dataDir = path.resolve(ROOT, option('data', '.data/kafka'));
  switch (command) {
    case 'fetch':
      console.log(`Apache Kafka ${KAFKA_VERSION} jars in ${ensureKafkaDistribution()}`);
      return;
    case 'start': {
      const pidFile = path.join(dataDir, 'broker.pid');
      if (fs.existsSync(pidFile) && isAlive(Number(fs.readFileSync(pidFile, 'utf8')))) {
        console.log(`Kafka already runs (pid ${fs.readFileSync(pidFile, 'utf8')}); bootstrap 127.0.0.1:${port}`);
        return;
      }
      const broker = await startBroker({ port, controllerPort: port + 1, dataDir, detached: true });
      console.log(
        `Kafka ${KAFKA_VERSION} ready in ${broker.startedInMs} ms: KAFKA_BROKERS=${broker.brokers} (data ${dataDir}, log ${path.join(dataDir, 'broker.log')})`,
      );
      return;
    }
    case 'stop':
      console.log((await stopDetached(dataDir)) ? 'Kafka stopped' : 'Kafka was not running');
      return;
    case 'status': {
      const admin = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        console.log(`Kafka answers on 127.0.0.1:${port} (cluster ${cluster.clusterId})`);
      } catch {
        console.log(`Nothing answers on 127.0.0.1:${port}`);
        process.exitCode = 1;
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
      return;
    }
    default:
      console.error('usage: kafka.js fetch|start|stop|status [--port 29092] [--data .data/kafka]');
      process.exitCode = 64;
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
