/** A class whose instances are validated by class-validator decorators. */
export type PayloadClass<T extends object = object> = new () => T;

/**
 * One published topic. The name follows `<domain>.<entity>.<event>.v<N>` and never changes
 * once published: a breaking change to the payload is a new topic with the next version.
 */
export interface TopicDefinition<T extends object = object> {
  readonly name: string;
  /** The service that owns (alone publishes) this topic. */
  readonly producer: ServiceName;
  readonly summary: string;
  readonly description: string;
  readonly payload: PayloadClass<T>;
  /** The payload field that is the message key (and the envelope subject). */
  readonly keyField: string;
  /**
   * Set on a topic being retired: still published for one release so that consumers outside the
   * platform keep working, then no longer. Says what to use instead.
   */
  readonly deprecated?: string;
  keyOf(data: T): string;
}

export type ServiceName = 'intake' | 'approval' | 'supervision' | 'bridge';

export const TOPIC_NAME_PATTERN = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\.v[1-9][0-9]*$/;

export function defineTopic<T extends object>(definition: {
  name: string;
  producer: ServiceName;
  summary: string;
  description: string;
  payload: PayloadClass<T>;
  keyField: keyof T & string;
  deprecated?: string;
}): TopicDefinition<T> {
  if (!TOPIC_NAME_PATTERN.test(definition.name)) {
    throw new Error(`Topic name "${definition.name}" does not follow <domain>.<entity>.<event>.v<N>`);
  }
  if (!definition.name.startsWith(`${definition.producer}.`)) {
    throw new Error(`Topic "${definition.name}" must start with its producing service "${definition.producer}."`);
  }
  const keyField = definition.keyField;
  return Object.freeze({
    ...definition,
    keyOf(data: T): string {
      const key = data[keyField];
      if (typeof key !== 'string' || key.length === 0) {
        throw new Error(`Event for ${definition.name} has no ${keyField} to key it by`);
      }
      return key;
    },
  });
}
