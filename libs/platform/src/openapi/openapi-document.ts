import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

const DESCRIPTION =
  'Errors share one shape: `{ error: { code, message, fields: [{ path, code, message }], requestId } }`; messages are Chinese for the person at the window. Lists take `page` and `pageSize` and return `{ items, page, pageSize, total }`.';

/** The OpenAPI document of a Nest application: what `/docs` serves and `docs/openapi/<service>.json` holds. */
export function createOpenApiDocument(app: INestApplication, options: { title: string; version?: string }): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`OneWindow ${options.title}`)
      .setDescription(DESCRIPTION)
      .setVersion(options.version ?? '0.1.0')
      .addBearerAuth()
      .build(),
  );
}

/** The document as committed: two-space JSON with a final newline, so diffs stay readable. */
export function renderOpenApiJson(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
