import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builder of a delivery payload for 职工参保登记 (DCF-RS-DJ-002) as the bridge receives it: the
 * accepted part with its 社会保险参保登记表 (`rsj.delivery.json`, also what the browser bench
 * sends), for the demo 人社局 system's tests.
 */
const FIXTURE = join(__dirname, 'rsj.delivery.json');

type Part = Record<string, unknown> & { applicationNumber: string; form: { data: Record<string, unknown>; fields: unknown[] } };

function fixture(): Part {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Part;
}

/** The form's answers, with some changed. */
export function socialInsuranceForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...fixture().form.data, ...overrides };
}

export function aSocialInsurancePart(formOverrides: Record<string, unknown> = {}): Part {
  const part = fixture();
  const data = { ...part.form.data, ...formOverrides };
  return {
    ...part,
    applicant: { kind: 'organisation', name: data['organisationName'], identifier: data['creditCode'], phone: data['contactPhone'] },
    form: { data, fields: [] },
  };
}
