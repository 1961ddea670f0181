import {
  ApplicationDecidedV1,
  CaseColourChangedV1,
  CaseDecidedV1,
  CaseDeadlineChangedV1,
  CaseOpenedV1,
  CaseSupplementRequestedV1,
  CaseSupplementWithdrawnV1,
  LicenceIssuedV1,
  LicenceRevokedV1,
} from '../events/approval.events';
import { DepartmentResultReceivedV1, DepartmentSupplementRequestReceivedV1, SupervisionRecordReceivedV1 } from '../events/bridge.events';
import { DeadLetterRecordedV2 } from '../events/dead-letter.events';
import {
  ApplicationAcceptedV1,
  ApplicationIssuedV1,
  ApplicationNoticeIssuedV1,
  ApplicationReceivedV1,
  DeficiencyReceivedV1,
  FeePaidV1,
  PartSupplementedV1,
  RatingSubmittedV1,
  RectificationAnsweredV1,
} from '../events/intake.events';
import {
  RevocationRequestedV1,
  SupervisionNoticeAcknowledgedV1,
  SupervisionNoticeCreatedV1,
  SupervisionNoticeEscalatedV1,
  SupervisionRecordPublishedV1,
} from '../events/supervision.events';
import { defineTopic, type ServiceName, type TopicDefinition } from './topic-definition';

/**
 * The catalogue of every published topic. Names never change once published; a breaking
 * payload change is a new entry with the next version, and both live until consumers move.
 */
export const Topics = {
  ApplicationReceived: defineTopic({
    name: 'intake.application.received.v1',
    producer: 'intake',
    summary: '收件: an application came in at a window, as a draft, or online',
    description:
      'Published when an application is received, before or with its materials check. Online submissions wait for pre-review (网上预审); the monitoring read model counts channels and levels from it.',
    payload: ApplicationReceivedV1,
    keyField: 'applicationId',
  }),
  ApplicationAccepted: defineTopic({
    name: 'intake.application.accepted.v1',
    producer: 'intake',
    summary: '受理: the window accepted an application (one part per department)',
    description:
      "Published when a window clerk (or an online pre-review) accepts an application, including acceptance with deficiencies (容缺) or pledges (告知承诺). Each part is one department's item; approval opens a case per part; the bridge pushes parts handled in a department's own system.",
    payload: ApplicationAcceptedV1,
    keyField: 'applicationId',
  }),
  ApplicationNoticeIssued: defineTopic({
    name: 'intake.application.notice-issued.v1',
    producer: 'intake',
    summary: '一次性告知: the window told the applicant every missing or faulty material at once',
    description:
      'Published when the materials check finds the file incomplete. The application waits for a supplement (补正); nothing goes to the departments yet. Progress notifications and the monitoring read model use it.',
    payload: ApplicationNoticeIssuedV1,
    keyField: 'applicationId',
  }),
  ApplicationIssued: defineTopic({
    name: 'intake.application.issued.v1',
    producer: 'intake',
    summary: '统一出件: the results of an application were handed out or posted',
    description:
      'Published once per application when the window issues its results (every decision in, every 容缺 material received, fees paid). The applicant may rate the service from here on.',
    payload: ApplicationIssuedV1,
    keyField: 'applicationId',
  }),
  DeficiencyReceived: defineTopic({
    name: 'intake.deficiency.received.v1',
    producer: 'intake',
    summary: '容缺补交: a material accepted as missing arrived',
    description:
      'Published when a material accepted with a due date (容缺受理) is handed in; the result is withheld until every one has arrived.',
    payload: DeficiencyReceivedV1,
    keyField: 'applicationId',
  }),
  FeePaid: defineTopic({
    name: 'intake.fee.paid.v1',
    producer: 'intake',
    summary: '统一收费: the fee of an application was paid',
    description: 'Published when the window records the payment of the fee due for the approved parts, before issuance.',
    payload: FeePaidV1,
    keyField: 'applicationId',
  }),
  RatingSubmitted: defineTopic({
    name: 'intake.rating.submitted.v1',
    producer: 'intake',
    summary: '好差评: an applicant rated the service',
    description:
      "Published for every rating (5 非常满意 … 1 非常不满意). A rating of 2 or 1 opens a rectification for the department; the applicant's follow-up rating closes it. The monitoring read model computes 满意率 and 差评整改率 from these.",
    payload: RatingSubmittedV1,
    keyField: 'applicationId',
  }),
  RectificationAnswered: defineTopic({
    name: 'intake.rectification.answered.v1',
    producer: 'intake',
    summary: '差评整改: a department answered an unfavourable rating',
    description: 'Published when the department answers; the applicant is then asked to rate again.',
    payload: RectificationAnsweredV1,
    keyField: 'applicationId',
  }),
  PartSupplemented: defineTopic({
    name: 'intake.part.supplemented.v1',
    producer: 'intake',
    summary: '补正材料已补齐: the applicant handed in what a department asked for',
    description:
      'Published when the window records the materials a department requested during review (补正). Approval ends the supplement suspension and the clock runs again.',
    payload: PartSupplementedV1,
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
    description: 'Published for every department decision. A refusal carries the legal reason; an approval carries the licence reference.',
    payload: CaseDecidedV1,
    keyField: 'applicationId',
  }),
  ApplicationDecided: defineTopic({
    name: 'approval.application.decided.v1',
    producer: 'approval',
    summary: 'Every part of an application is decided (announced once) — deprecated',
    description:
      'Published exactly once per application, when its last part is decided. Deprecated: intake owns the application and concludes it (办结) itself when the last approval.case.decided.v1 of the application arrives; no service of the platform consumes this topic any more.',
    payload: ApplicationDecidedV1,
    keyField: 'applicationId',
    deprecated:
      'Conclude from approval.case.decided.v1 (every part of the application decided) or read the application at intake. Still published in this release; no longer published from the next.',
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
  CaseSupplementRequested: defineTopic({
    name: 'approval.case.supplement-requested.v1',
    producer: 'approval',
    summary: '退回补正: a department asks the applicant for more materials during review',
    description:
      "Published when an approver returns a case for supplement. The case's clock stops; intake issues a one-time notice (一次性告知) for the listed materials and tells the applicant.",
    payload: CaseSupplementRequestedV1,
    keyField: 'applicationId',
  }),
  CaseSupplementWithdrawn: defineTopic({
    name: 'approval.case.supplement-withdrawn.v1',
    producer: 'approval',
    summary: '撤回补正要求: a department withdraws its request for more materials',
    description:
      "Published when an approver withdraws an outstanding supplement request, with the reason. The case's clock runs again; intake withdraws the one-time notice and tells the applicant nothing more is needed.",
    payload: CaseSupplementWithdrawnV1,
    keyField: 'applicationId',
  }),
  CaseDeadlineChanged: defineTopic({
    name: 'approval.case.deadline-changed.v1',
    producer: 'approval',
    summary: "A case's deadline moved: special procedure, extension or green channel",
    description:
      'Published whenever the deadline ledger changes the deadline: a special procedure (听证, 现场勘察, 检测, 专家评审, 补正) stops or restarts the clock, an extension (延期) is approved, or the case joins the green channel. Carries the reason the applicant is told.',
    payload: CaseDeadlineChangedV1,
    keyField: 'applicationId',
  }),
  CaseColourChanged: defineTopic({
    name: 'approval.case.colour-changed.v1',
    producer: 'approval',
    summary: '红绿灯: an open case changed deadline colour',
    description:
      'Published when an open case turns yellow (little time left) or red (overdue), or back to green after a suspension or extension; the assignee is reminded.',
    payload: CaseColourChangedV1,
    keyField: 'applicationId',
  }),
  LicenceRevoked: defineTopic({
    name: 'approval.licence.revoked.v1',
    producer: 'approval',
    summary: '撤销许可: a licence was revoked',
    description:
      'Published when the issuing department revokes a licence, on its own or at the request of supervision (e.g. a false pledge). Intake withholds the result at the window and tells the applicant; supervision closes the open new-holder notices of the licence.',
    payload: LicenceRevokedV1,
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
  SupervisionNoticeAcknowledged: defineTopic({
    name: 'supervision.notice.acknowledged.v1',
    producer: 'supervision',
    summary: '认领: a supervising department acknowledged a new licence holder',
    description:
      'Published when a supervisor (or the department head after an escalation) acknowledges a new-holder notice, with whether it was in time. The monitoring read model counts 审管互动 acknowledgements from it.',
    payload: SupervisionNoticeAcknowledgedV1,
    keyField: 'applicationId',
  }),
  SupervisionNoticeEscalated: defineTopic({
    name: 'supervision.notice.escalated.v1',
    producer: 'supervision',
    summary: '督办: a new-holder notice was not acknowledged in time and went to the department head',
    description:
      'Published once per notice when its acknowledgement deadline passes unacknowledged; the department head sees it in the escalation inbox.',
    payload: SupervisionNoticeEscalatedV1,
    keyField: 'applicationId',
  }),
  SupervisionRecordPublished: defineTopic({
    name: 'supervision.record.published.v1',
    producer: 'supervision',
    summary: 'A penalty, credit record or inspection result about a holder',
    description:
      "Published for every 行政处罚, 失信 (blacklist) or 红名单 (redlist) entry and inspection result, and again when one is withdrawn. Approval's credit gate reads them before approving.",
    payload: SupervisionRecordPublishedV1,
    keyField: 'recordId',
  }),
  RevocationRequested: defineTopic({
    name: 'supervision.revocation.requested.v1',
    producer: 'supervision',
    summary: 'Supervision asks for a licence to be revoked',
    description:
      'Published when pledge verification finds a false pledge (告知承诺不实) or an inspection requires revocation; approval revokes the licence.',
    payload: RevocationRequestedV1,
    keyField: 'applicationId',
  }),
  DepartmentResultReceived: defineTopic({
    name: 'bridge.department-result.received.v1',
    producer: 'bridge',
    summary: "A department's own system decided an application part",
    description:
      "Published by the bridge when a department system (HTTP webhook, file drop or table) delivers a result, mapped to the platform's terms; the system may name the part by the platform part id, by application number and item code, or by its own case number. Approval decides the case with the system as the actor, keeping the department's decision time and the time the bridge received it.",
    payload: DepartmentResultReceivedV1,
    keyField: 'applicationId',
  }),
  DepartmentSupplementRequestReceived: defineTopic({
    name: 'bridge.department-supplement-request.received.v1',
    producer: 'bridge',
    summary: "退回补正: a department's own system asks the applicant for more materials or corrections",
    description:
      "Published by the bridge when a department system's result returns a part for supplement (materials and reason in its own codes, mapped to the platform's). Approval suspends the case as for an approver's request (approval.case.supplement-requested.v1 follows, and intake issues the one-time notice); the supplement recorded at the window goes back to that system.",
    payload: DepartmentSupplementRequestReceivedV1,
    keyField: 'applicationId',
  }),
  SupervisionRecordReceived: defineTopic({
    name: 'bridge.supervision-record.received.v1',
    producer: 'bridge',
    summary: "A department's own system published a supervision record",
    description:
      "Published by the bridge when a department system delivers a 行政处罚, 失信/红名单 entry or inspection result (webhook, file drop or table), mapped to the platform's terms. The payload is that of supervision.record.published.v1 plus the department's own record id; supervision consumes it.",
    payload: SupervisionRecordReceivedV1,
    keyField: 'recordId',
  }),
} as const;

export type TopicKey = keyof typeof Topics;

/** Each service's dead-letter topic: messages its consumers could not handle, with the reason. */
export function deadLetterTopic(service: ServiceName): TopicDefinition<DeadLetterRecordedV2> {
  return defineTopic({
    name: `${service}.dead-letter.recorded.v2`,
    producer: service,
    summary: `Messages the ${service} service could not handle`,
    description:
      'Each record names the original message (topic, partition, offset, key, size and SHA-256 of its bytes) with a bounded, readable excerpt and the reason it failed; the bytes stay in the service, which replays them after a fix. Superseded v1 carried the whole value and is no longer published.',
    payload: DeadLetterRecordedV2,
    keyField: 'deadLetterId',
  });
}

/** The services with events, in the order the platform starts them: the one list of them (see PLATFORM_SERVICES). */
export const SERVICES = ['intake', 'approval', 'supervision', 'bridge'] as const satisfies readonly ServiceName[];

/** Every service of the platform: those with events, then identity, which answers HTTP only. */
export const PLATFORM_SERVICES = [...SERVICES, 'identity'] as const;
export type PlatformServiceName = (typeof PLATFORM_SERVICES)[number];

/** Every topic in the catalogue, dead-letter topics included. */
export function allTopics(): TopicDefinition[] {
  return [...Object.values(Topics), ...SERVICES.map(deadLetterTopic)] as TopicDefinition[];
}

export function findTopic(name: string): TopicDefinition | undefined {
  return allTopics().find((topic) => topic.name === name);
}
