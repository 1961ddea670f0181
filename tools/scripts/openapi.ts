import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_FOLDER, renderOpenApiDocuments } from '../../apps/embedded/src/openapi/openapi-documents';

// `npm run openapi`: writes docs/openapi/<service>.json from each service's routes (the console's API contract).
void (async () => {
  mkdirSync(OPENAPI_FOLDER, { recursive: true });
  for (const [service, json] of await renderOpenApiDocuments()) {
    const target = join(OPENAPI_FOLDER, `${service}.json`);
    writeFileSync(target, json);
    process.stdout.write(`wrote ${target}\n`);
  }
})();
