import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_FOLDER, renderOpenApiDocuments } from './openapi-documents';

describe('the OpenAPI documents (the console’s API contract)', () => {
  let documents: Map<string, string>;

  beforeAll(async () => {
    documents = await renderOpenApiDocuments();
  });

  it('are committed as generated: docs/openapi/<service>.json is not stale', () => {
    const stale = [...documents].filter(([service, json]) => readCommitted(service) !== json).map(([service]) => `docs/openapi/${service}.json`);
    if (stale.length > 0) throw new Error(`${stale.join(', ')} stale: run \`npm run openapi\` and commit the result`);
  });

  it('document every service the platform runs', () => {
    expect([...documents.keys()]).toEqual(expect.arrayContaining(['intake', 'approval', 'supervision', 'bridge']));
  });
});

function readCommitted(service: string): string | undefined {
  try {
    return readFileSync(join(OPENAPI_FOLDER, `${service}.json`), 'utf8');
  } catch {
    return undefined;
  }
}
