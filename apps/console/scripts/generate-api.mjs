#!/usr/bin/env node
// `npm run api:generate`: the console's typed API client, generated from the services' OpenAPI
// documents (docs/openapi/<service>.json, written by `npm run openapi`) into
// apps/console/src/api/generated/<service>/ with @hey-api/openapi-ts. A staleness test
// (src/api/generated-client.spec.ts) fails when the committed client and the documents drift.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = join(consoleRoot, '..', '..');
export const OPENAPI_FOLDER = join(workspaceRoot, 'docs', 'openapi');
export const GENERATED_FOLDER = join(consoleRoot, 'src', 'api', 'generated');

/** Every service with a committed document; each client calls its service through the gateway. */
export function apiServices() {
  return readdirSync(OPENAPI_FOLDER)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

/** One generation job per service, written under `outputFolder/<service>`. */
export function generationJobs(outputFolder = GENERATED_FOLDER) {
  return apiServices().map((service) => ({
    input: join(OPENAPI_FOLDER, `${service}.json`),
    output: { path: join(outputFolder, service) },
    logs: { level: 'silent', file: false },
    plugins: [
      '@hey-api/typescript',
      '@hey-api/sdk',
      {
        name: '@hey-api/client-fetch',
        // The browser talks to one origin: the gateway strips /api/<service> and forwards the rest.
        baseUrl: `/api/${service}`,
        throwOnError: true,
        // Every client goes through the console's session-aware fetch (src/api/client-runtime.ts).
        runtimeConfigPath: '../../client-runtime',
      },
    ],
  }));
}

/**
 * The generator copies the same fetch runtime (`client/`, `core/`) next to every service's SDK.
 * One copy serves them all: it moves to `runtime/` and the services import it from there.
 */
function shareRuntime(outputFolder) {
  const runtime = join(outputFolder, 'runtime');
  mkdirSync(runtime, { recursive: true });
  for (const service of apiServices()) {
    const folder = join(outputFolder, service);
    for (const part of ['client', 'core']) {
      if (existsSync(join(runtime, part))) rmSync(join(folder, part), { recursive: true, force: true });
      else renameSync(join(folder, part), join(runtime, part));
    }
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const path = join(folder, file);
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll("from './client/index.js'", "from '../runtime/client/index.js'"));
    }
  }
}

export async function generateApiClients(outputFolder = GENERATED_FOLDER) {
  const { createClient } = await import('@hey-api/openapi-ts');
  rmSync(outputFolder, { recursive: true, force: true });
  await createClient(generationJobs(outputFolder));
  shareRuntime(outputFolder);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `--out <folder>`: generate elsewhere (the staleness test compares that with the committed client).
  const out = process.argv.indexOf('--out');
  const folder = out > 0 && process.argv[out + 1] ? process.argv[out + 1] : GENERATED_FOLDER;
  await generateApiClients(folder);
  console.log(`generated the console's API client for ${apiServices().join(', ')} in ${folder}`);
}
