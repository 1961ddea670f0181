/**
 * The Chinese name of a request field, for the messages a clerk reads. It has one source: the
 * `title` of the field's `@ApiProperty`, which the OpenAPI document (and so the console's forms)
 * shows too. A field without one is named by its property, which a test of the documents forbids.
 */
const SWAGGER_PROPERTY_METADATA = 'swagger/apiModelProperties';

export function fieldLabel(target: object | undefined, property: string): string {
  const prototype = typeof target === 'function' ? target.prototype : target ? Object.getPrototypeOf(target) : undefined;
  const metadata = prototype
    ? (Reflect.getMetadata(SWAGGER_PROPERTY_METADATA, prototype, property) as { title?: unknown } | undefined)
    : undefined;
  return typeof metadata?.title === 'string' && metadata.title.trim() !== '' ? metadata.title : property;
}

/** Whether the DTO lets the field be `null` (`@ApiProperty({ nullable: true })`); otherwise null means "not given". */
export function isNullableField(target: object, property: string): boolean {
  const metadata = Reflect.getMetadata(SWAGGER_PROPERTY_METADATA, Object.getPrototypeOf(target), property) as
    { nullable?: unknown } | undefined;
  return metadata?.nullable === true;
}
