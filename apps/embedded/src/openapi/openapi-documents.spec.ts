import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_FOLDER, renderOpenApiDocuments } from './openapi-documents';

describe('the OpenAPI documents (the console’s API contract)', () => {
  let documents: Map<string, string>;

  beforeAll(async () => {
    documents = await renderOpenApiDocuments();
  });

  it('are committed as generated: docs/openapi/<service>.json is not stale', () => {
    const stale = [...documents]
      .filter(([service, json]) => readCommitted(service) !== json)
      .map(([service]) => `docs/openapi/${service}.json`);
    if (stale.length > 0) throw new Error(`${stale.join(', ')} stale: run \`npm run openapi\` and commit the result`);
  });

  it('document every service the platform runs', () => {
    expect([...documents.keys()]).toEqual(['intake', 'approval', 'supervision', 'bridge', 'identity']);
  });

  it('declare what every route answers: a response schema (or no content), and the one error shape', () => {
    const undeclared: string[] = [];
    for (const [service, json] of documents) {
      const document = JSON.parse(json) as {
        paths: Record<string, Record<string, { responses: Record<string, { content?: object; $ref?: string }> }>>;
      };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, { responses }] of Object.entries(operations)) {
          const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
          const declared = success.some(([status, response]) => response.content !== undefined || status === '204');
          const errors = ['400', '401', '403', '404', '409', '422'].every((status) =>
            responses[status]?.$ref?.startsWith('#/components/responses/'),
          );
          if (!declared || !errors) undeclared.push(`${service} ${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('share one page shape: every page schema is items, page, pageSize and total', () => {
    for (const json of documents.values()) {
      const schemas = (JSON.parse(json) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }).components
        .schemas;
      for (const [name, schema] of Object.entries(schemas).filter(([name]) => name.endsWith('Page'))) {
        expect([name, Object.keys(schema.properties ?? {})]).toEqual([name, ['items', 'page', 'pageSize', 'total']]);
      }
    }
  });
});

function readCommitted(service: string): string | undefined {
  try {
    return readFileSync(join(OPENAPI_FOLDER, `${service}.json`), 'utf8');
  } catch {
    return undefined;
  }
}
