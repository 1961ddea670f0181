import type { DepartmentRequestedMaterialV1 } from '@onewindow/contracts';
import type { MappingSpec } from '@onewindow/mapping';
import type { DeadLetterProblem } from '../exchange-log/dead-letters.service';
import { sourceFieldOf } from './inbound-payloads';

/** A department clock may run a little ahead of ours; more than this is a wrong time, not skew. */
export const DECISION_CLOCK_TOLERANCE_MS = 10 * 60_000;

/**
 * The department's own decision time becomes the case's decision time, so it must be one: not
 * after the bridge received it (beyond clock skew), not before the part was accepted.
 */
export function checkDecisionTime(
  decidedAt: unknown,
  known: { receivedAt: Date; acceptedAt: string | undefined },
  source: { field?: string; rule?: string; label?: string },
): DeadLetterProblem[] {
  const at = typeof decidedAt === 'string' ? Date.parse(decidedAt) : Number.NaN;
  // A missing or malformed time is the contract check's to name.
  if (Number.isNaN(at)) return [];
  const where = { ...(source.field ? { field: source.field } : {}), ...(source.rule ? { rule: source.rule } : {}), target: 'decidedAt' };
  const label = source.label ?? '办结时间';
  if (at > known.receivedAt.getTime() + DECISION_CLOCK_TOLERANCE_MS) {
    return [
      {
        ...where,
        code: 'decision_time_in_future',
        message: `${label}${String(decidedAt)}晚于平台收到结果的时间 ${known.receivedAt.toISOString()}，请核对部门系统时钟`,
      },
    ];
  }
  const accepted = known.acceptedAt ? Date.parse(known.acceptedAt) : Number.NaN;
  if (!Number.isNaN(accepted) && at < accepted) {
    return [{ ...where, code: 'decision_before_acceptance', message: `${label}${String(decidedAt)}早于办件受理时间 ${known.acceptedAt}` }];
  }
  return [];
}

interface PartPayload {
  itemCode?: string;
  /** The full materials list of the part (absent from parts accepted before forms). */
  materials?: Array<{ materialCode: string; materialName: string }>;
  deficiencies?: Array<{ materialCode: string; materialName: string }>;
  pledges?: Array<{ materialCode: string; materialName: string }>;
}

/**
 * The materials a department's 退回补正 asks for, in platform codes (its own mapped through the
 * spec's code table), named as the part's materials list names them; each with its problem, or
 * the request's reason where the department gives none.
 */
export function supplementMaterials(
  mapped: Record<string, unknown>,
  part: object,
  spec: MappingSpec,
): { ok: true; materials: DepartmentRequestedMaterialV1[] } | { ok: false; problems: DeadLetterProblem[] } {
  const payload = part as PartPayload;
  const requested = mapped['materials'];
  const codeField = sourceFieldOf(spec, 'materials[].materialCode');
  if (!Array.isArray(requested) || requested.length === 0) {
    const listField = codeField.field?.replace(/\[\]\..*$/, '');
    return {
      ok: false,
      problems: [
        {
          ...(listField ? { field: listField } : {}),
          target: 'materials',
          code: 'missing_supplement_materials',
          message: '退回补正须列出要补正的材料（申请表有误时列出申请表本身）',
        },
      ],
    };
  }
  const known = new Map<string, string>();
  for (const material of [...(payload.materials ?? []), ...(payload.deficiencies ?? []), ...(payload.pledges ?? [])])
    known.set(material.materialCode, material.materialName);
  const checkCodes = payload.materials !== undefined;
  const reason = typeof mapped['reason'] === 'string' ? mapped['reason'] : '';
  const problems: DeadLetterProblem[] = [];
  const materials = requested.map((entry: unknown, index): DepartmentRequestedMaterialV1 => {
    const material = (entry ?? {}) as { materialCode?: unknown; materialName?: unknown; problem?: unknown };
    const code = String(material.materialCode ?? '');
    const name =
      known.get(code) ?? (typeof material.materialName === 'string' && material.materialName !== '' ? material.materialName : code);
    if (checkCodes && !known.has(code)) {
      problems.push({
        ...(codeField.field ? { field: codeField.field.replace('[]', `[${index}]`) } : {}),
        target: `materials[${index}].materialCode`,
        code: 'unknown_material',
        message: `材料编码“${code}”不是事项 ${payload.itemCode ?? ''} 的材料`,
      });
    }
    const problem =
      typeof material.problem === 'string' && material.problem.trim() !== '' ? material.problem.trim() : reason.trim().slice(0, 500);
    return { materialCode: code, materialName: name, problem };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, materials };
}
