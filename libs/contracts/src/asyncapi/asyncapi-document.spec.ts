import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { classToJsonSchema, type JsonSchema } from './class-to-json-schema';
import { generateAsyncApiDocument, renderAsyncApiYaml } from './asyncapi-document';

class Inner {
  @Length(1, 5)
  code!: string;
}

class Outer {
  @IsIn(['a', 'b'])
  kind!: string;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Inner)
  inners?: Inner[];
}

describe('the AsyncAPI document', () => {
  it('is committed as generated: docs/asyncapi.yaml is not stale', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml'), 'utf8');
    if (committed !== renderAsyncApiYaml()) {
      throw new Error('docs/asyncapi.yaml is stale: run `npm run asyncapi` and commit the result');
    }
  });

  it('documents every topic with its payload schema and message key', () => {
    const document = generateAsyncApiDocument() as {
      channels: Record<string, { address: string }>;
      components: { messages: Record<string, { bindings: unknown }> };
    };
    const addresses = Object.values(document.channels).map((channel) => channel.address);
    expect(addresses).toContain('intake.application.accepted.v1');
    expect(addresses).toContain('approval.dead-letter.recorded.v2');
    expect(document.components.messages['intake_application_accepted_v1']?.bindings).toEqual({
      kafka: { key: { type: 'string', description: 'data.applicationId' }, bindingVersion: '0.5.0' },
    });
  });

  it('marks a topic being retired as deprecated, with what to use instead', () => {
    const document = generateAsyncApiDocument() as {
      channels: Record<string, Record<string, unknown>>;
      components: { messages: Record<string, { payload: Record<string, unknown> }> };
    };
    expect(document.channels['approval_application_decided_v1']?.['x-deprecated']).toEqual(
      expect.stringContaining('approval.case.decided.v1'),
    );
    expect(document.components.messages['approval_application_decided_v1']?.payload['deprecated']).toBe(true);
    expect(document.channels['approval_case_decided_v1']).not.toHaveProperty('x-deprecated');
  });

  it('derives JSON Schema from the validation decorators, nested classes included', () => {
    const definitions = new Map<string, JsonSchema>();
    expect(classToJsonSchema(Outer, definitions)).toEqual({ $ref: '#/components/schemas/Outer' });
    expect(definitions.get('Outer')).toEqual({
      type: 'object',
      properties: { kind: { enum: ['a', 'b'] }, inners: { type: 'array', items: { $ref: '#/components/schemas/Inner' } } },
      required: ['kind'],
    });
    expect(definitions.get('Inner')).toEqual({
      type: 'object',
      properties: { code: { type: 'string', minLength: 1, maxLength: 5 } },
      required: ['code'],
    });
  });
});
