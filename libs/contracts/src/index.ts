export type { EventEnvelope } from './envelope/event-envelope';
export { ENVELOPE_CONTENT_TYPE, ENVELOPE_SPEC_VERSION } from './envelope/event-envelope';
export { createEnvelope, type EnvelopeOrigin } from './envelope/create-envelope';
export { parseEvent, flatten as flattenValidationErrors, type FieldProblem, type ParsedEvent } from './envelope/parse-event';
export { defineTopic, TOPIC_NAME_PATTERN, type PayloadClass, type ServiceName, type TopicDefinition } from './topics/topic-definition';
export {
  Topics,
  allTopics,
  deadLetterTopic,
  findTopic,
  SERVICES,
  PLATFORM_SERVICES,
  type PlatformServiceName,
  type TopicKey,
} from './topics/topics';
export * from './events/shared';
export * from './events/intake.events';
export * from './events/approval.events';
export * from './events/supervision.events';
export * from './events/bridge.events';
export * from './events/dead-letter.events';
export { generateAsyncApiDocument, renderAsyncApiYaml } from './asyncapi/asyncapi-document';
