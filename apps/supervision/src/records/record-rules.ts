import type { PartyKind, SupervisionRecordKind } from '@onewindow/contracts';
import { isLocalDate, validateCreditCode, validateResidentId } from '@onewindow/domain';
import type { FieldError } from '@onewindow/platform';

export interface RecordInput {
  kind: SupervisionRecordKind;
  holder: { kind: PartyKind; name: string; identifier: string };
  title: string;
  documentNumber?: string;
  details?: string;
  decidedOn: string;
  validUntil?: string;
}

/**
 * What the field checks alone cannot see: the identifier against the holder's kind, real dates,
 * a decision not in the future, a document number for penalties and blacklist entries, an end
 * date (publicity or list) never on an inspection and not before the decision.
 */
export function checkRecordInput(input: RecordInput, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const check = input.holder.kind === 'person' ? validateResidentId(input.holder.identifier) : validateCreditCode(input.holder.identifier);
  if (!check.ok) problems.push({ path: 'holder.identifier', code: check.code, message: check.message });
  if (!isLocalDate(input.decidedOn)) {
    problems.push({ path: 'decidedOn', code: 'NOT_A_DATE', message: '决定日期不是有效日期' });
  } else if (input.decidedOn > today) {
    problems.push({ path: 'decidedOn', code: 'IN_THE_FUTURE', message: '决定日期不能晚于今天' });
  }
  if ((input.kind === 'penalty' || input.kind === 'blacklist') && !input.documentNumber?.trim()) {
    problems.push({ path: 'documentNumber', code: 'REQUIRED', message: '行政处罚和失信记录须填写决定书文号' });
  }
  if (input.validUntil !== undefined) {
    // A list entry ends on its date; a penalty's date ends its publicity (公示截止日期). An inspection has neither.
    if (input.kind === 'inspection') {
      problems.push({
        path: 'validUntil',
        code: 'NOT_APPLICABLE',
        message: '检查结果不填写有效期；行政处罚填写公示截止日期，失信、红名单填写有效期',
      });
    } else if (!isLocalDate(input.validUntil)) {
      problems.push({ path: 'validUntil', code: 'NOT_A_DATE', message: '有效期不是有效日期' });
    } else if (input.validUntil < input.decidedOn) {
      problems.push({ path: 'validUntil', code: 'BEFORE_DECISION', message: '有效期不能早于决定日期' });
    }
  }
  return problems;
}
