import { stringify } from 'yaml';
import { ENVELOPE_CONTENT_TYPE } from '../envelope/event-envelope';
import { allTopics } from '../topics/topics';
import { classToJsonSchema, type JsonSchema } from './class-to-json-schema';

const ENVELOPE_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'CloudEvents 1.0, structured mode, with correlation/causation ids and W3C trace context as extension attributes.',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'correlationid', 'data'],
  properties: {
    specversion: { type: 'string', enum: ['1.0'] },
    id: { type: 'string', description: 'Unique per event; consumers de-duplicate on it.' },
    source: { type: 'string', description: 'Producing service, e.g. /onewindow/intake.' },
    type: { type: 'string', description: 'The topic name, e.g. intake.application.accepted.v1.' },
    subject: { type: 'string', description: 'The aggregate id; equals the Kafka message key.' },
    time: { type: 'string', format: 'date-time' },
    datacontenttype: { type: 'string', enum: ['application/json'] },
    correlationid: { type: 'string' },
    causationid: { type: 'string' },
    traceparent: { type: 'string', pattern: '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    tracestate: { type: 'string' },
    data: { type: 'object' },
  },
};

/** The AsyncAPI 3 document of every topic, generated from the contracts lib. */
export function generateAsyncApiDocument(): Record<string, unknown> {
  const definitions = new Map<string, JsonSchema>();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of allTopics().sort((a, b) => a.name.localeCompare(b.name))) {
    const id = topic.name.replace(/[^a-zA-Z0-9]+/g, '_');
    const payloadRef = classToJsonSchema(topic.payload, definitions);
    // AsyncAPI 3 marks deprecation on schemas; the channel and the operation carry it as an extension with the note.
    const deprecation = topic.deprecated ? { 'x-deprecated': topic.deprecated } : {};
    messages[id] = {
      name: topic.payload.name,
      title: topic.summary,
      ...deprecation,
      contentType: ENVELOPE_CONTENT_TYPE,
      payload: {
        allOf: [{ $ref: '#/components/schemas/EventEnvelope' }, { type: 'object', properties: { data: payloadRef } }],
        ...(topic.deprecated ? { deprecated: true } : {}),
      },
      bindings: { kafka: { key: { type: 'string', description: `data.${topic.keyField}` }, bindingVersion: '0.5.0' } },
    };
    channels[id] = {
      address: topic.name,
      description: topic.description,
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      ...deprecation,
    };
    operations[`${topic.producer}_sends_${id}`] = {
      action: 'send',
      summary: `${topic.producer} publishes ${topic.name}${topic.deprecated ? ' (deprecated)' : ''}`,
      ...deprecation,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
  }
  const schemas = Object.fromEntries([
    ['EventEnvelope', ENVELOPE_SCHEMA],
    ...[...definitions.entries()].sort(([a], [b]) => a.localeCompare(b)),
  ]);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'OneWindow events',
      version: '1.0.0',
      description: [
        'Events between the OneWindow services and department systems.',
        '',
        '- Every message is a CloudEvents 1.0 envelope (structured mode, JSON) whose `data` is the payload below.',
        '- Topics are named `<domain>.<entity>.<event>.v<N>` and never change once published; a breaking change is a new version.',
        "- Messages are keyed by the aggregate (usually the application id): one application's events stay in order.",
        '- Delivery is at least once: consumers de-duplicate by the envelope `id`.',
        '- A message a consumer cannot handle goes to `<service>.dead-letter.recorded.v2` with the reason, its original topic, partition, offset, key, size and SHA-256, and a bounded excerpt (never the whole value).',
      ].join('\n'),
    },
    defaultContentType: ENVELOPE_CONTENT_TYPE,
    servers: { kafka: { host: 'localhost:29092', protocol: 'kafka', description: 'The development broker (npm run kafka -- start)' } },
    channels,
    operations,
    components: { messages, schemas },
  };
}

export function renderAsyncApiYaml(): string {
  return `# Generated from libs/contracts by \`npm run asyncapi\`; do not edit by hand.\n${stringify(generateAsyncApiDocument(), { lineWidth: 0 })}`;
}
