import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface OpenApiOperation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface Schema {
  $ref?: string;
  type?: string;
  title?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

/** One operation of one service, as the fuzzer drives it. */
export interface Operation {
  method: string;
  /** The OpenAPI path template, e.g. `/applications/{id}`. */
  template: string;
  pathParameters: string[];
  queryParameters: Array<{ name: string; schema: Schema }>;
  bodySchema: Schema | undefined;
}

/** One generated request: the path with its parameters filled in, the query string and the body text. */
export interface FuzzRequest {
  path: string;
  body?: string;
  /** What the request attacks, for the report of a failure. */
  attack: string;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pathParameters: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParameters: (operation.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        bodySchema: operation.requestBody?.content?.['application/json']?.schema,
      })),
  );
}

export function resolve(schema: Schema, document: OpenApiDocument): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name] ?? {};
}

/**
 * Every property a request can carry, with its path (`FileApplicationDto.applicant.name`): the
 * body schemas reachable from the operations and their query parameters.
 */
export function requestFields(document: OpenApiDocument): Array<{ path: string; title: string | undefined }> {
  const fields: Array<{ path: string; title: string | undefined }> = [];
  const seen = new Set<string>();
  const walk = (schema: Schema, path: string) => {
    if (schema.$ref) {
      if (seen.has(schema.$ref)) return;
      seen.add(schema.$ref);
      walk(resolve(schema, document), schema.$ref.replace('#/components/schemas/', ''));
      return;
    }
    if (schema.items) walk(schema.items, `${path}[]`);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      fields.push({ path: `${path}.${name}`, title: property.title ?? resolve(property, document).title });
      walk(property, `${path}.${name}`);
    }
  };
  for (const operation of operationsOf(document)) {
    if (operation.bodySchema) walk(operation.bodySchema, `${operation.method} ${operation.template}`);
    for (const query of operation.queryParameters)
      fields.push({ path: `${operation.method} ${operation.template}?${query.name}`, title: query.schema.title });
  }
  return fields;
}

/**
 * A plausible value for a path parameter, by its name and route, so that the request reaches the
 * route's checks: the demo adapters (one with a signed webhook) for the bridge, UUIDs for records.
 */
export function plausibleParameter(name: string, template = ''): string {
  if (name === 'adapterId') return 'dcf-scjgj-qydj';
  if (name === 'id' && template.startsWith('/adapters/')) return 'dcf-wjw-wsxk';
  if (name === 'id' || name.endsWith('Id')) return randomUUID();
  const known: Record<string, string> = {
    code: 'DCF-SCJG-XK-001',
    itemCode: 'DCF-SCJG-XK-001',
    materialCode: 'M01',
    number: 'YY20261214001',
    month: '2026-11',
    identifier: '91350100M000100Y43',
    kind: 'result',
  };
  return known[name] ?? 'x';
}

/** What the fuzz found 500s with, and their neighbours: as values of any field or parameter. */
export const HOSTILE_VALUES: unknown[] = [
  null,
  '\u0000',
  '审批\u0000意见',
  '2026-02-30',
  '2031-13-01',
  99999999999999999999,
  -99999999999999999999,
  1e308,
  1.5,
  -1,
  0,
  '99999999999999999999',
  '',
  '   ',
  'x'.repeat(5000),
  true,
  [],
  [null],
  {},
  { '\u0000': 1 },
  nested(40),
];

export const HOSTILE_PARAMETERS: string[] = [
  '99999999999999999999',
  '-1',
  '0',
  '1.5',
  'abc',
  '',
  '   ',
  '\u0000',
  '2026-02-30',
  '2026-13',
  'x'.repeat(2000),
  'true',
];

/** A body nested `depth` deep. */
export function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

/** Raw bodies no JSON value can produce: stack-deep nesting, not JSON, the wrong kind of JSON. */
export const HOSTILE_BODIES: Array<{ text: string; attack: string }> = [
  { text: `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, attack: 'object nested 3000 deep' },
  { text: `${'['.repeat(3000)}${']'.repeat(3000)}`, attack: 'array nested 3000 deep' },
  { text: '{"itemCodes": [', attack: 'malformed JSON' },
  { text: '[1, 2]', attack: 'an array body' },
  { text: '"text"', attack: 'a bare string body' },
  { text: 'null', attack: 'a null body' },
  { text: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', attack: 'prototype keys' },
];

/** An arbitrary value that fits a schema, roughly: enough to get past the first checks of a route. */
export function valueOf(schema: Schema, document: OpenApiDocument, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
  if (depth > 4) return fc.constant(null);
  switch (resolved.type) {
    case 'string':
      return resolved.example !== undefined
        ? fc.oneof(fc.constant(resolved.example), fc.string({ maxLength: 30 }))
        : fc.string({ maxLength: 30 });
    case 'integer':
      return fc.integer({ min: resolved.minimum ?? -10, max: resolved.maximum ?? 1000 });
    case 'number':
      return fc.double({ noNaN: true, min: resolved.minimum ?? -1000, max: resolved.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueOf(resolved.items ?? {}, document, depth + 1), { maxLength: 3 });
    default: {
      const properties = Object.entries(resolved.properties ?? {});
      if (properties.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 });
      return fc.record(Object.fromEntries(properties.map(([name, property]) => [name, valueOf(property, document, depth + 1)])), {
        requiredKeys: resolved.required ?? [],
      });
    }
  }
}

/** Every place in a JSON value a hostile value can be put: `[]` is the root. */
export function placesIn(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const places = [path];
  if (Array.isArray(value)) value.forEach((item, index) => places.push(...placesIn(item, [...path, index])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...path, key]));
  return places;
}

export function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/**
 * The generated requests of one operation: a body that fits its schema with one hostile value put
 * in one place, or one hostile path or query parameter, or one hostile raw body.
 */
export function requestsOf(operation: Operation, document: OpenApiDocument, options: { runs: number; seed: number }): FuzzRequest[] {
  const fill = (overrides: Record<string, string> = {}) =>
    operation.template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(overrides[name] ?? plausibleParameter(name, operation.template)),
    );
  const requests: FuzzRequest[] = [];
  const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  const body = operation.bodySchema ? valueOf(operation.bodySchema, document) : fc.constant({});

  const generated = fc.sample(
    fc.oneof(
      fc.record({ kind: fc.constant('body' as const), value: body, hostile: fc.constantFrom(...HOSTILE_VALUES), place: fc.nat() }),
      fc.record({
        kind: fc.constant('query' as const),
        name: fc.constantFrom('', ...operation.queryParameters.map((q) => q.name)),
        hostile: fc.constantFrom(...HOSTILE_PARAMETERS),
      }),
      fc.record({
        kind: fc.constant('path' as const),
        name: fc.constantFrom('', ...operation.pathParameters),
        hostile: fc.constantFrom(...HOSTILE_PARAMETERS),
      }),
    ),
    { numRuns: options.runs, seed: options.seed },
  );
  for (const sample of generated) {
    if (sample.kind === 'body') {
      const places = placesIn(sample.value);
      const place = places[sample.place % places.length] ?? [];
      const mutated = replaceAt(sample.value, place, sample.hostile);
      requests.push({
        path: fill(),
        ...(hasBody ? { body: JSON.stringify(mutated) } : {}),
        attack: `body ${place.join('.') || '(root)'} = ${describe(sample.hostile)}`,
      });
    } else if (sample.kind === 'query') {
      const name = sample.name || 'page';
      requests.push({
        path: `${fill()}?${encodeURIComponent(name)}=${encodeURIComponent(sample.hostile)}`,
        ...(hasBody ? { body: '{}' } : {}),
        attack: `query ${name} = ${describe(sample.hostile)}`,
      });
    } else {
      const name = sample.name || operation.pathParameters[0];
      if (!name) continue;
      requests.push({
        path: fill({ [name]: sample.hostile }),
        ...(hasBody ? { body: '{}' } : {}),
        attack: `path ${name} = ${describe(sample.hostile)}`,
      });
    }
  }
  // The classes of the issue on every operation, whatever the sampling chose.
  for (const hostile of ['\u0000', '99999999999999999999', '2026-02-30']) {
    for (const query of operation.queryParameters) {
      requests.push({
        path: `${fill()}?${query.name}=${encodeURIComponent(hostile)}`,
        ...(hasBody ? { body: '{}' } : {}),
        attack: `query ${query.name} = ${describe(hostile)}`,
      });
    }
    for (const name of operation.pathParameters)
      requests.push({ path: fill({ [name]: hostile }), ...(hasBody ? { body: '{}' } : {}), attack: `path ${name} = ${describe(hostile)}` });
  }
  requests.push({ path: `${fill()}?page=1&page=2`, ...(hasBody ? { body: '{}' } : {}), attack: 'a repeated query parameter' });
  if (hasBody) {
    for (const hostile of HOSTILE_BODIES) requests.push({ path: fill(), body: hostile.text, attack: hostile.attack });
    requests.push({ path: fill(), attack: 'no body' });
  }
  return requests;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;
}

/** Every role a token can carry, in the order the fuzzer tries them after an anonymous call. */
export const FUZZ_ROLES = ['clerk', 'approver', 'supervisor', 'supervisor-head', 'integrator', 'admin', 'manager', 'applicant'] as const;

export interface FuzzCaller {
  role: string | null;
  token: string | null;
}

/** The first caller the operation does not refuse outright (401/403) with a plain request. */
export async function callerLetIn(
  baseUrl: string,
  operation: Operation,
  callers: readonly FuzzCaller[],
): Promise<{ caller: FuzzCaller; status: number } | undefined> {
  const path = operation.template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(plausibleParameter(name, operation.template)),
  );
  const hasBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  for (const caller of callers) {
    // A deliberately incomplete body: it shows the role is let in, and is refused before it changes anything.
    const response = await fetch(`${baseUrl}${path}`, {
      method: operation.method,
      headers: {
        ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      ...(hasBody ? { body: JSON.stringify({ probe: true }) } : {}),
    });
    await response.arrayBuffer();
    if (response.status !== 401 && response.status !== 403) return { caller, status: response.status };
  }
  return undefined;
}
