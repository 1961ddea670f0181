import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponse } from '../http/error-response';

const DESCRIPTION =
  'Errors share one shape: `{ error: { code, message, fields: [{ path, code, message }], requestId } }`; messages are Chinese for the person at the window. Lists take `page` and `pageSize` and return `{ items, page, pageSize, total }`.';

/** The refusals every route may answer, each in the one error shape: status → shared response. */
const ERROR_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'Bad input: `fields` names every field at fault (`VALIDATION_FAILED`)' },
  '401': { name: 'Unauthenticated', description: 'No valid sign-in: `UNAUTHENTICATED`, `TOKEN_EXPIRED`, …' },
  '403': { name: 'Forbidden', description: 'The caller’s role may not do this (`FORBIDDEN`)' },
  '404': { name: 'NotFound', description: 'Not found, or another department’s' },
  '409': { name: 'Conflict', description: 'In conflict with the current state' },
  '422': { name: 'Refused', description: 'Refused by a business rule (`code` says which)' },
};

/** The OpenAPI document of a Nest application: what `/docs` serves and `docs/openapi/<service>.json` holds. */
export function createOpenApiDocument(app: INestApplication, options: { title: string; version?: string }): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`OneWindow ${options.title}`)
      .setDescription(DESCRIPTION)
      .setVersion(options.version ?? '0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorResponse] },
  );
  return withErrorResponses(document);
}

/**
 * The one error shape declared once: a shared response per status in the components, referenced
 * by every operation for each status it does not describe itself.
 */
function withErrorResponses(document: OpenAPIObject): OpenAPIObject {
  const schema = { $ref: '#/components/schemas/ErrorResponse' };
  document.components = {
    ...document.components,
    responses: {
      ...document.components?.responses,
      ...Object.fromEntries(
        Object.values(ERROR_RESPONSES).map(({ name, description }) => [name, { description, content: { 'application/json': { schema } } }]),
      ),
    },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (!operation) continue;
      for (const [status, { name }] of Object.entries(ERROR_RESPONSES)) {
        operation.responses[status] ??= { $ref: `#/components/responses/${name}` };
      }
    }
  }
  return document;
}

/** The document as committed: two-space JSON with a final newline, so diffs stay readable. */
export function renderOpenApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
