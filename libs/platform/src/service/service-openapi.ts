import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig, type BaseServiceConfig } from '../config';
import { createOpenApiDocument } from '../openapi/openapi-document';
import type { ServiceDefinition } from './service-definition';
import { serviceRootModule } from './start-service';

/**
 * A service's OpenAPI document without running it: the same module graph as `startService`, in
 * Nest's preview mode (no provider is instantiated, so no database or broker is needed), on the
 * default configuration so the document does not depend on the environment it is built in.
 */
export async function buildOpenApiDocument<C extends BaseServiceConfig>(definition: ServiceDefinition<C>): Promise<OpenAPIObject> {
  const config = loadConfig(definition.configClass, { env: {}, defaults: { HTTP_PORT: String(definition.defaultPort) } });
  const app = await NestFactory.create(serviceRootModule(definition, { config }), { preview: true, logger: false, abortOnError: false });
  try {
    return createOpenApiDocument(app, { title: definition.title });
  } finally {
    await app.close();
  }
}
