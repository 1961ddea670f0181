import { join } from 'node:path';
import { buildOpenApiDocument, renderOpenApiJson } from '@onewindow/platform';
import { loadServiceDefinitions } from '../service-registry';

/** Where the committed documents live: `docs/openapi/<service>.json`, the console's API contract. */
export const OPENAPI_FOLDER = join(__dirname, '..', '..', '..', '..', 'docs', 'openapi');

/** Each service's OpenAPI document as committed, by service name. */
export async function renderOpenApiDocuments(): Promise<Map<string, string>> {
  const documents = new Map<string, string>();
  for (const definition of loadServiceDefinitions()) {
    documents.set(definition.name, renderOpenApiJson(await buildOpenApiDocument(definition)));
  }
  return documents;
}
