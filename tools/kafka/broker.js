'use strict';
// A real Apache Kafka broker (KRaft, single combined node) for tests and development, run from
// the official org.apache.kafka artifacts on Maven Central. No Docker needed: Java 17 and Maven.
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');

const KAFKA_VERSION = '3.9.2';
const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.cache', 'kafka', KAFKA_VERSION);
const LIBS = path.join(CACHE, 'libs');
const MARKER = path.join(CACHE, '.complete');

/** Fetches the broker's jars once (about 50 MB); later calls return at once. */
function ensureKafkaDistribution() {
  if (fs.existsSync(MARKER)) return LIBS;
  fs.mkdirSync(LIBS, { recursive: true });
  try {
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        path.join(__dirname, 'pom.xml'),
        `-Dkafka.version=${KAFKA_VERSION}`,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${LIBS}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    const output = `${error.stdout || ''}${error.stderr || ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`Could not fetch Apache Kafka ${KAFKA_VERSION} from Maven Central:\n${output}`);
  }
  fs.writeFileSync(MARKER, new Date().toISOString());
  return LIBS;
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A KRaft cluster id: 16 random bytes in base64url. The storage tool's argument parser takes an id
 * that starts with '-' for an option (about one start in 32), so the id is passed as `--cluster-id=…`.
 */
function clusterId() {
  return randomBytes(16).toString('base64url');
}

function serverProperties({ port, controllerPort, dataDir, partitions }) {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${path.join(dataDir, 'logs')}`,
    `num.partitions=${partitions}`,
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=3',
    // Without this, every first consumer join waits 3 s for more members.
    'group.initial.rebalance.delay.ms=0',
    // Every topic is created on purpose by the services; a typo must not create one.
    'auto.create.topics.enable=false',
    'delete.topic.enable=true',
    'num.network.threads=2',
    'num.io.threads=4',
    'log.segment.bytes=16777216',
    'log.retention.hours=24',
    'log.cleaner.enable=false',
    '',
  ].join('\n');
}

async function waitUntilReady(brokers, processExited, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const kafka = new Kafka({
    clientId: 'broker-readiness',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1000,
  });
  let lastError;
  while (Date.now() < deadline) {
    if (processExited()) throw new Error(`Kafka exited during start-up:\n${tail(logFile)}`);
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      // Metadata answers before the controller can create topics; only a real create proves readiness.
      const probe = `readiness-probe-${randomBytes(4).toString('hex')}`;
      await admin.createTopics({ topics: [{ topic: probe, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
      await admin.deleteTopics({ topics: [probe] });
      await admin.disconnect();
      return;
    } catch (error) {
      lastError = error;
      await admin.disconnect().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`Kafka did not become ready within ${timeoutMs} ms (${lastError && lastError.message}):\n${tail(logFile)}`);
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no broker log)';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills a broker left behind by a crashed run that used the same data directory. */
function killStale(pidFile) {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (pid && isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  fs.rmSync(pidFile, { force: true });
}

/**
 * Starts a broker and resolves once it really accepts requests (a topic can be created).
 * Restarting with the same dataDir and ports brings back the same broker with its data.
 * `detached` lets it outlive this process (the developer CLI); otherwise it dies with it.
 */
async function startBroker(options = {}) {
  const libs = ensureKafkaDistribution();
  const port = options.port || (await findFreePort());
  const controllerPort = options.controllerPort || (await findFreePort());
  const dataDir = options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-kafka-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const propertiesFile = path.join(dataDir, 'server.properties');
  const logFile = options.logFile || path.join(dataDir, 'broker.log');
  const pidFile = path.join(dataDir, 'broker.pid');
  killStale(pidFile);
  fs.writeFileSync(propertiesFile, serverProperties({ port, controllerPort, dataDir, partitions: options.partitions || 3 }));
  const idFile = path.join(dataDir, 'cluster.id');
  if (!fs.existsSync(idFile)) fs.writeFileSync(idFile, clusterId());
  const classpath = `${libs}/*`;
  const jvm = [
    `-Xmx${options.heapMb || 512}m`,
    '-Xms128m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Xshare:auto',
    '-Djava.awt.headless=true',
  ];
  execFileSync(
    'java',
    [
      ...jvm,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      `--cluster-id=${fs.readFileSync(idFile, 'utf8').trim()}`,
      '-c',
      propertiesFile,
      '--ignore-formatted',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = fs.openSync(logFile, 'a');
  const started = Date.now();
  const child = spawn(
    'java',
    [...jvm, `-Dkafka.logs.dir=${path.join(dataDir, 'server-logs')}`, '-cp', classpath, 'kafka.Kafka', propertiesFile],
    {
      stdio: ['ignore', log, log],
      detached: Boolean(options.detached),
    },
  );
  fs.closeSync(log);
  fs.writeFileSync(pidFile, String(child.pid));
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const killOnExit = () => {
    if (!exited) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  if (!options.detached) process.on('exit', killOnExit);
  else child.unref();
  const brokers = `127.0.0.1:${port}`;
  try {
    await waitUntilReady(brokers, () => exited, logFile, options.readyTimeoutMs || 90_000);
  } catch (error) {
    killOnExit();
    throw error;
  }
  return {
    brokers,
    port,
    controllerPort,
    dataDir,
    pid: child.pid,
    startedInMs: Date.now() - started,
    isRunning() {
      return !exited;
    },
    /** Controlled shutdown (SIGTERM), SIGKILL after `timeoutMs`. */
    async stop(timeoutMs = 20_000) {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await gone;
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      fs.rmSync(pidFile, { force: true });
    },
    /** The way a crash looks to clients: no controlled shutdown. */
    async kill() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
      process.removeListener('exit', killOnExit);
      fs.rmSync(pidFile, { force: true });
    },
  };
}

/** Stops a detached broker by its pid file (the developer CLI). */
async function stopDetached(dataDir, timeoutMs = 20_000) {
  const pidFile = path.join(dataDir, 'broker.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (!pid || !isAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile, { force: true });
  return true;
}

module.exports = { KAFKA_VERSION, ensureKafkaDistribution, findFreePort, startBroker, stopDetached, isAlive };
