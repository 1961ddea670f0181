import { ApplicationDecidedV1, CaseDecidedV1, CaseOpenedV1, LicenceIssuedV1 } from '../events/approval.events';
import { DeadLetterRecordedV1 } from '../events/dead-letter.events';
import { ApplicationAcceptedV1 } from '../events/intake.events';
import { SupervisionNoticeCreatedV1 } from '../events/supervision.events';
import { defineTopic, type ServiceName, type TopicDefinition } from './topic-definition';

/**
 * The catalogue of every published topic. Names never change once published; a breaking
 * payload change is a new entry with the next version, and both live until consumers move.
 */
export const Topics = {
  ApplicationAccepted: defineTopic({
    name: 'intake.application.accepted.v1',
    producer: 'intake',
    summary: '受理: the window accepted an application (one part per department)',
    description:
      'Published when a window clerk (or an online pre-review) accepts an application, including acceptance with deficiencies (容缺) or pledges (告知承诺). Each part is one department\'s item; approval opens a case per part; the bridge pushes parts handled in a department\'s own system.',
    payload: ApplicationAcceptedV1,
    keyField: 'applicationId',
  }),
  CaseOpened: defineTopic({
    name: 'approval.case.opened.v1',
    producer: 'approval',
    summary: 'A department queue took an application part',
    description: 'Published when approval opens a case for one part of an accepted application.',
    payload: CaseOpenedV1,
    keyField: 'applicationId',
  }),
  CaseDecided: defineTopic({
    name: 'approval.case.decided.v1',
    producer: 'approval',
    summary: 'A department decided its part (approve or refuse)',
    description:
      'Published for every department decision. A refusal carries the legal reason; an approval carries the licence reference.',
    payload: CaseDecidedV1,
    keyField: 'applicationId',
  }),
  ApplicationDecided: defineTopic({
    name: 'approval.application.decided.v1',
    producer: 'approval',
    summary: 'Every part of an application is decided (announced once)',
    description:
      'Published exactly once per application, when its last part is decided; intake then prepares unified issuance (统一出件).',
    payload: ApplicationDecidedV1,
    keyField: 'applicationId',
  }),
  LicenceIssued: defineTopic({
    name: 'approval.licence.issued.v1',
    producer: 'approval',
    summary: 'A licence (电子证照) was issued to a holder',
    description:
      'Published when an approval issues a licence. Supervision creates a notice for every supervising department (审管互动) and a verification task for every pledge.',
    payload: LicenceIssuedV1,
    keyField: 'applicationId',
  }),
  SupervisionNoticeCreated: defineTopic({
    name: 'supervision.notice.created.v1',
    producer: 'supervision',
    summary: 'A supervising department was told of a new licence holder',
    description: 'Published when supervision records a new-holder notice for a supervising department.',
    payload: SupervisionNoticeCreatedV1,
    keyField: 'applicationId',
  }),
} as const;

export type TopicKey = keyof typeof Topics;

/** Each service's dead-letter topic: messages its consumers could not handle, with the reason. */
export function deadLetterTopic(service: ServiceName): TopicDefinition<DeadLetterRecordedV1> {
  return defineTopic({
    name: `${service}.dead-letter.recorded.v1`,
    producer: service,
    summary: `Messages the ${service} service could not handle`,
    description:
      'Each record keeps the original message verbatim with its topic, partition and offset and the reason it failed, so it can be replayed after a fix.',
    payload: DeadLetterRecordedV1,
    keyField: 'deadLetterId',
  });
}

export const SERVICES: readonly ServiceName[] = ['intake', 'approval', 'supervision', 'bridge'];

/** Every topic in the catalogue, dead-letter topics included. */
export function allTopics(): TopicDefinition[] {
  return [...Object.values(Topics), ...SERVICES.map(deadLetterTopic)] as TopicDefinition[];
}

export function findTopic(name: string): TopicDefinition | undefined {
  return allTopics().find((topic) => topic.name === name);
}
