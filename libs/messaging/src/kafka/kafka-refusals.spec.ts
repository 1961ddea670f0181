import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { refusalOf } from './kafka-event-publisher';

/** The protocol error kafkajs raises for a broker error code, as its retrier wraps it. */
function protocolError(type: string, retriable: boolean, message: string): KafkaJSProtocolError {
  return new KafkaJSProtocolError({ type, code: 10, retriable, message } as unknown as string);
}

describe('telling a broker refusal from an outage', () => {
  it('takes a record-level non-retriable error for a refusal, through the retrier wrapping', () => {
    const tooLarge = protocolError(
      'MESSAGE_TOO_LARGE',
      false,
      'The request included a message larger than the max message size the server will accept',
    );
    expect(refusalOf(tooLarge)).toBe(
      'MESSAGE_TOO_LARGE: The request included a message larger than the max message size the server will accept',
    );
    expect(refusalOf(retrierWrapped(tooLarge))).toMatch(/^MESSAGE_TOO_LARGE/);
    expect(refusalOf(retrierWrapped(protocolError('INVALID_RECORD', false, 'rejected')))).toBe('INVALID_RECORD: rejected');
  });

  it('never takes an unreachable broker for a refusal, even once the retries are exhausted', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    expect(refusalOf(refused)).toBeNull();
    expect(refusalOf(new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 2, retryTime: 800 }))).toBeNull();
    expect(refusalOf(protocolError('NOT_LEADER_FOR_PARTITION', true, 'not the leader'))).toBeNull();
    expect(refusalOf(new Error('socket hang up'))).toBeNull();
  });

  it('never takes a producer-state error for a refusal: a new producer sends the same records', () => {
    expect(refusalOf(retrierWrapped(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', false, 'out of order')))).toBeNull();
    expect(refusalOf(protocolError('INVALID_PRODUCER_EPOCH', false, 'fenced'))).toBeNull();
  });
});

/** What kafkajs's retrier throws for a non-retriable error (`retry/index.js`; its typings omit the cause). */
function retrierWrapped(error: KafkaJSProtocolError): KafkaJSNonRetriableError {
  const Wrapper = KafkaJSNonRetriableError as unknown as new (e: Error, options: { cause: Error }) => KafkaJSNonRetriableError;
  return new Wrapper(error, { cause: error });
}
