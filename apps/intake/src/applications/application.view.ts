import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPLICATION_OUTCOMES, CHANNELS, LEVELS, type Channel, type Level } from '@onewindow/contracts';
import { DepartmentRefView, PartFormView, PartyView } from '@onewindow/platform';
import { FORM_SOURCES, type FormSource } from '@onewindow/contracts';
import { resultDocuments } from '../issuance/result-documents';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from './application.entity';

/** 帮办代办 / village agent acting for the applicant. */
export class AgentView {
  @ApiProperty({ enum: ['helper', 'village-agent', 'proxy'] })
  kind!: 'helper' | 'village-agent' | 'proxy';

  @ApiProperty()
  name!: string;

  @ApiProperty()
  identifier!: string;
}

/** 一件事 the application was filed as. */
export class BundleRefView {
  @ApiProperty({ example: 'DCF-YJS-KBCYD' })
  code!: string;

  @ApiProperty({ example: '开办餐饮店' })
  name!: string;

  @ApiProperty({ description: '牵头部门' })
  leadDepartmentCode!: string;
}

/** 统一收费: the payment recorded at the window. */
export class PaymentView {
  @ApiProperty({ description: '金额（分）', example: 20000 })
  amountFen!: number;

  @ApiProperty({ enum: ['cash', 'card', 'online', 'transfer'] })
  method!: 'cash' | 'card' | 'online' | 'transfer';

  @ApiProperty({ description: '非税收入票据号' })
  receiptNumber!: string;

  @ApiProperty({ format: 'date-time' })
  paidAt!: string;

  @ApiProperty()
  recordedBy!: string;
}

/** 统一出件: how the results left the centre. */
export class IssuanceView {
  @ApiProperty({ enum: ['window', 'post'] })
  method!: 'window' | 'post';

  @ApiProperty({ type: String, nullable: true, description: 'EMS tracking number when posted' })
  trackingNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  address!: string | null;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty()
  issuedBy!: string;
}

/** 乡呼县应: taken in at a town or village window, handed up to the district department. */
export class HandOffView {
  @ApiProperty({ enum: LEVELS })
  fromLevel!: string;

  @ApiProperty({ enum: LEVELS })
  toLevel!: string;

  @ApiProperty()
  reason!: string;
}

export class AcceptedMaterialView {
  @ApiProperty()
  itemCode!: string;

  @ApiProperty()
  materialCode!: string;

  @ApiProperty()
  materialName!: string;
}

/** 容缺: a material to follow by its due date. */
export class DeficiencyView {
  @ApiProperty()
  materialCode!: string;

  @ApiProperty()
  materialName!: string;

  @ApiProperty({ format: 'date', description: 'YYYY-MM-DD' })
  dueDate!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  receivedAt!: string | null;
}

export class RequestedMaterialView {
  @ApiProperty()
  materialCode!: string;

  @ApiProperty()
  materialName!: string;

  @ApiProperty({ description: '缺什么、哪里不对' })
  problem!: string;
}

/** 退回补正: what a department asked for during review. */
export class SupplementRequestView {
  @ApiProperty({ description: '一次性告知书编号' })
  noticeNumber!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: [RequestedMaterialView] })
  materials!: RequestedMaterialView[];

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;
}

/** Where an auto-filled answer of the filed form came from, and whether a person changed it. */
export class FieldProvenanceView {
  @ApiProperty({ example: 'applicant.name' })
  path!: string;

  @ApiProperty({ enum: FORM_SOURCES })
  source!: FormSource;

  @ApiProperty({ example: '聊城市法人单位基础信息库' })
  sourceName!: string;

  @ApiProperty({ format: 'date-time' })
  fetchedAt!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The bridge’s look-up' })
  prefillId?: string;

  @ApiProperty()
  changed!: boolean;
}

/** 自动调取率: answers kept as filled, filled then changed, typed. */
export class FillStatisticsView {
  @ApiProperty()
  automatic!: number;

  @ApiProperty()
  changed!: number;

  @ApiProperty()
  typed!: number;
}

/** 申请表 as filed (merged for a bundle: 一表申请), with the sources of auto-filled answers and the fill counts. */
export class FiledFormView {
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  @ApiProperty({ type: [FieldProvenanceView] })
  provenance!: FieldProvenanceView[];

  @ApiProperty({ type: FillStatisticsView })
  statistics!: FillStatisticsView;
}

/** One department's share of an application. */
export class ApplicationPartView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'DCF-SCJG-XK-001' })
  itemCode!: string;

  @ApiProperty()
  itemVersion!: number;

  @ApiProperty({ example: '食品经营许可' })
  itemName!: string;

  @ApiProperty({ type: DepartmentRefView })
  department!: DepartmentRefView;

  @ApiProperty()
  committedWorkingDays!: number;

  @ApiProperty({ description: '收费（分）' })
  feeFen!: number;

  @ApiProperty({ type: HandOffView, nullable: true })
  handOff!: HandOffView | null;

  @ApiProperty({ type: PartFormView, nullable: true, description: 'The part’s share of the form, as its department receives it' })
  form!: PartFormView | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: '承诺办结日期 YYYY-MM-DD, set at acceptance' })
  promisedDeadline!: string | null;

  @ApiProperty({ enum: ['pending', 'approved', 'refused'] })
  status!: 'pending' | 'approved' | 'refused';

  @ApiProperty({ type: [AcceptedMaterialView] })
  received!: AcceptedMaterialView[];

  @ApiProperty({ type: [DeficiencyView] })
  deficiencies!: DeficiencyView[];

  @ApiProperty({ type: [AcceptedMaterialView], description: '告知承诺: materials replaced by a pledge' })
  pledges!: AcceptedMaterialView[];

  @ApiProperty({ type: String, nullable: true })
  licenceNumber!: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason!: string | null;

  @ApiProperty({
    type: SupplementRequestView,
    nullable: true,
    description: '退回补正: what the department asked for; null once it has arrived at the window',
  })
  supplementRequest!: SupplementRequestView | null;
}

/** A decision document or licence the window hands out with the result (统一出件). */
export class ResultDocumentView {
  @ApiProperty({ enum: ['decision', 'licence'] })
  kind!: 'decision' | 'licence';

  @ApiProperty({ example: '准予行政许可决定书' })
  title!: string;

  @ApiProperty({ description: '文书字号 or licence number', example: '东市监许准〔2026〕15号' })
  number!: string;

  @ApiProperty()
  itemName!: string;

  @ApiProperty({ description: 'The department that decided' })
  department!: string;

  @ApiProperty({ enum: ['approval'], description: 'The service that prints it' })
  service!: 'approval';

  @ApiProperty({ description: 'Its printable page on that service', example: '/cases/…/decision-document.html' })
  path!: string;
}

/** An application as the window and the applicant see it. */
export class ApplicationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '申请编号', example: 'YC20260305000123' })
  number!: string;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  status!: ApplicationStatus;

  @ApiProperty({ type: String, nullable: true, enum: APPLICATION_OUTCOMES, description: 'Once every part is decided' })
  outcome!: string | null;

  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;

  @ApiProperty({ enum: LEVELS })
  level!: Level;

  @ApiProperty({ type: PartyView })
  applicant!: PartyView;

  @ApiProperty({ type: AgentView, nullable: true })
  agent!: AgentView | null;

  @ApiProperty({ type: BundleRefView, nullable: true })
  bundle!: BundleRefView | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
    description: '办理情形 answers per item code',
  })
  situations!: Record<string, Record<string, string>>;

  @ApiProperty({
    type: FiledFormView,
    nullable: true,
    description: '申请表 as filed, the sources of auto-filled answers and the fill counts',
  })
  form!: FiledFormView | null;

  @ApiProperty({ description: 'Visits the applicant made in person (最多跑一次)' })
  visits!: number;

  @ApiProperty({ enum: ['window', 'online'] })
  receivedVia!: 'window' | 'online';

  @ApiProperty({ type: PaymentView, nullable: true })
  payment!: PaymentView | null;

  @ApiProperty({ type: IssuanceView, nullable: true })
  issuance!: IssuanceView | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone!: string | null;

  @ApiProperty({
    type: [ResultDocumentView],
    description: 'The decision documents and licences the window hands out with the result (统一出件)',
  })
  documents!: ResultDocumentView[];

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  acceptedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  decidedAt!: string | null;

  @ApiProperty({ type: [ApplicationPartView] })
  parts!: ApplicationPartView[];
}

export function toApplicationView(application: Application): ApplicationView {
  return {
    id: application.id,
    number: application.number,
    status: application.status,
    outcome: application.outcome,
    channel: application.channel,
    level: application.level,
    applicant: application.applicant,
    agent: application.agent,
    bundle: application.bundle,
    situations: application.situations,
    form: application.form ?? null,
    visits: application.visits,
    receivedVia: application.receivedVia,
    payment: application.payment,
    issuance: application.issuance,
    contactPhone: application.contactPhone,
    documents: resultDocuments(application),
    receivedAt: application.receivedAt.toISOString(),
    acceptedAt: application.acceptedAt ? application.acceptedAt.toISOString() : null,
    decidedAt: application.decidedAt ? application.decidedAt.toISOString() : null,
    parts: [...(application.parts ?? [])]
      .sort((a, b) => a.itemCode.localeCompare(b.itemCode))
      .map((part) => ({
        id: part.id,
        itemCode: part.itemCode,
        itemVersion: part.itemVersion,
        itemName: part.itemName,
        department: { code: part.departmentCode, name: part.departmentName },
        committedWorkingDays: part.committedWorkingDays,
        feeFen: part.feeFen,
        handOff: part.handOff,
        form: part.form ?? null,
        promisedDeadline: part.promisedDeadline,
        status: part.status,
        received: part.received,
        deficiencies: part.deficiencies.map(({ materialCode, materialName, dueDate, receivedAt }) => ({
          materialCode,
          materialName,
          dueDate,
          receivedAt,
        })),
        pledges: part.pledges,
        licenceNumber: part.licenceNumber,
        decisionReason: part.decisionReason,
        supplementRequest: part.supplementRequest
          ? {
              noticeNumber: part.supplementRequest.noticeNumber,
              reason: part.supplementRequest.reason,
              materials: part.supplementRequest.materials,
              requestedAt: part.supplementRequest.requestedAt,
            }
          : null,
      })),
  };
}
