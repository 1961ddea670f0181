import { randomUUID } from 'node:crypto';
import type {
  AgentV1,
  ApplicationAcceptedV1,
  ApplicationPartV1,
  BundleRefV1,
  Channel,
  FormStatisticsV1,
  Level,
  PartFormV1,
  PartMaterialV1,
  PartyV1,
} from '@onewindow/contracts';
import type { ServiceItem } from '../catalogue/service-item.entity';
import type { AcceptedMaterial, Deficiency } from '../catalogue/materials-check';

export interface AcceptanceInput {
  applicationId: string;
  applicationNumber: string;
  acceptedAt: Date;
  /** Calendar date of acceptance in China; deadlines count from the next working day. */
  acceptedOn: string;
  channel: Channel;
  level: Level;
  applicant: PartyV1;
  agent?: AgentV1;
  bundle?: BundleRefV1;
  clerk: { id: string; name: string };
  /** The items with the part id each was given when the application was received, its share of the form and its materials. */
  parts: Array<{
    partId: string;
    item: ServiceItem;
    handedUpFrom?: Level | undefined;
    form?: PartFormV1 | undefined;
    materials?: PartMaterialV1[] | undefined;
  }>;
  deficiencies: Deficiency[];
  pledges: AcceptedMaterial[];
  /** How the form was filled (自动调取 vs typed), for the KPIs. */
  formStatistics?: FormStatisticsV1 | undefined;
}

/** Promised deadline: `days` working days after `start`, the start day not counted. */
export type DeadlineCalculator = (start: string, workingDays: number) => string;

/**
 * 受理: turns the clerk's acceptance into the event every department acts on. One part per
 * item, each with its own department, promised deadline and supervising departments, so that
 * approval and supervision never need to read intake's catalogue.
 */
export function buildAcceptedApplication(input: AcceptanceInput, deadline: DeadlineCalculator): ApplicationAcceptedV1 {
  if (input.parts.length === 0) throw new Error('An application needs at least one item');
  const parts: ApplicationPartV1[] = input.parts.map(({ partId, item, handedUpFrom, form, materials }) => ({
    partId,
    itemCode: item.code,
    itemVersion: item.version,
    itemName: item.name,
    department: { code: item.departmentCode, name: item.departmentName },
    handlingType: item.handlingType,
    committedWorkingDays: item.committedWorkingDays,
    legalWorkingDays: item.legalWorkingDays,
    promisedDeadline: deadline(input.acceptedOn, item.committedWorkingDays),
    supervisingDepartments: item.supervisingDepartments.map((d) => ({ code: d.code, name: d.name })),
    deficiencies: input.deficiencies
      .filter((deficiency) => deficiency.itemCode === item.code)
      .map(({ materialCode, materialName, dueDate }) => ({ materialCode, materialName, dueDate })),
    pledges: input.pledges
      .filter((pledge) => pledge.itemCode === item.code)
      .map(({ materialCode, materialName }) => ({ materialCode, materialName })),
    handledInDepartmentSystem: item.handledInDepartmentSystem,
    ...(handedUpFrom ? { handedUpFrom } : {}),
    ...(form ? { form } : {}),
    ...(materials ? { materials } : {}),
  }));
  return {
    applicationId: input.applicationId,
    applicationNumber: input.applicationNumber,
    acceptedAt: input.acceptedAt.toISOString(),
    channel: input.channel,
    level: input.level,
    applicant: input.applicant,
    ...(input.agent ? { agent: input.agent } : {}),
    ...(input.bundle ? { bundle: input.bundle } : {}),
    parts,
    acceptedBy: { kind: 'person', id: input.clerk.id, name: input.clerk.name },
    ...(input.formStatistics ? { formStatistics: input.formStatistics } : {}),
  };
}

export function newApplicationId(): string {
  return randomUUID();
}
