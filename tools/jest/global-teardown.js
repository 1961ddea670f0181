'use strict';
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const broker = globalThis.__ONEWINDOW_KAFKA__;
  if (!broker) return;
  await broker.stop();
  fs.rmSync(broker.dataDir, { recursive: true, force: true });
};
