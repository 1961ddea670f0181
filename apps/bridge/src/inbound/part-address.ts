import type { MappingSpec } from '@onewindow/mapping';
import type { DeadLetterProblem } from '../exchange-log/dead-letters.service';
import { sourceFieldOf } from './inbound-payloads';

/**
 * How a department's record names the part it is about (办件定位): the platform part id the
 * bridge sent, the application number with the item code (受理编号 + 事项编码), or the department's
 * own case number (部门办件编号) once its system has acknowledged the part.
 */
export type PartAddress =
  | { by: 'part-id'; partId: string; fields: string[] }
  | { by: 'application-and-item'; applicationNumber: string; itemCode: string; fields: string[] }
  | { by: 'department-case-number'; departmentCaseNumber: string; fields: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Every address a mapped record gives, each with the department fields it came from; several may
 * be given (the bridge then checks they name the same part). `caseNumberAddresses: false` for a
 * record that gives the case number rather than uses it (an acknowledgement).
 */
export function partAddresses(
  mapped: Record<string, unknown>,
  spec: MappingSpec,
  { caseNumberAddresses = true } = {},
): { ok: true; addresses: PartAddress[] } | { ok: false; problems: DeadLetterProblem[] } {
  const problems: DeadLetterProblem[] = [];
  const addresses: PartAddress[] = [];
  const field = (target: string) => sourceFieldOf(spec, target);
  const problem = (target: string, code: string, message: string) =>
    problems.push({ ...withoutLabel(field(target)), target, code, message });
  const text = (target: string): string | undefined => {
    const value = mapped[target];
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
  };

  const partId = text('partId');
  if (partId !== undefined) {
    if (UUID.test(partId)) addresses.push({ by: 'part-id', partId, fields: fieldsOf([field('partId')]) });
    else problem('partId', 'unknown_part', `${field('partId').label ?? '平台办件编号'}“${partId}”格式不正确，应为平台推送时给出的编号`);
  }
  const applicationNumber = text('applicationNumber');
  const itemCode = text('itemCode');
  if (applicationNumber !== undefined && itemCode !== undefined) {
    addresses.push({
      by: 'application-and-item',
      applicationNumber,
      itemCode,
      fields: fieldsOf([field('applicationNumber'), field('itemCode')]),
    });
  } else if (applicationNumber !== undefined || itemCode !== undefined) {
    const missing = applicationNumber === undefined ? 'applicationNumber' : 'itemCode';
    problem(
      missing,
      'incomplete_part_reference',
      applicationNumber === undefined
        ? '有事项编码而缺少受理编号：按受理编号定位办件须两者都有'
        : '有受理编号而缺少事项编码：一个受理编号下可有多个事项（一件事），须同时给出事项编码',
    );
  }
  const departmentCaseNumber = text('departmentCaseNumber');
  if (caseNumberAddresses && departmentCaseNumber !== undefined) {
    addresses.push({ by: 'department-case-number', departmentCaseNumber, fields: fieldsOf([field('departmentCaseNumber')]) });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (addresses.length === 0) {
    return {
      ok: false,
      problems: [
        {
          code: 'missing_part_reference',
          message: caseNumberAddresses
            ? '记录未指明办件：须有平台办件编号，或受理编号加事项编码，或本系统已回执的部门办件编号'
            : '回执未指明办件：须有平台办件编号，或受理编号加事项编码',
        },
      ],
    };
  }
  return { ok: true, addresses };
}

/** How the address reads in a message: 受理编号 YC… 事项 DCF-… */
export function describeAddress(address: PartAddress): string {
  switch (address.by) {
    case 'part-id':
      return `平台办件编号 ${address.partId}`;
    case 'application-and-item':
      return `受理编号 ${address.applicationNumber} 事项 ${address.itemCode}`;
    case 'department-case-number':
      return `部门办件编号 ${address.departmentCaseNumber}`;
  }
}

function fieldsOf(sources: ReadonlyArray<{ field?: string }>): string[] {
  return sources.flatMap((source) => (source.field ? [source.field] : []));
}

function withoutLabel(source: { field?: string; rule?: string; label?: string }): { field?: string; rule?: string } {
  return { ...(source.field ? { field: source.field } : {}), ...(source.rule ? { rule: source.rule } : {}) };
}
