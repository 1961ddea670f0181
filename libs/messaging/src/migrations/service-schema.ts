import type { QueryRunner } from 'typeorm';

/** The schema of the running service: the messaging tables live in whichever schema it owns. */
export function serviceSchemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('Messaging tables live in the service schema: set `schema` on the data source');
  return schema;
}
