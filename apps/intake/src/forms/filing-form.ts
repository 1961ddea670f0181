import type { FormFieldSourceV1, PartFormV1 } from '@onewindow/contracts';
import {
  diffFormData,
  displayText,
  fillStatistics,
  formLeaves,
  itemPathsOf,
  keywordOf,
  kindOf,
  parsePath,
  projectFormData,
  provenanceOf,
  schemaAt,
  valueAt,
  type CompiledForm,
  type FieldProvenance,
  type FilledField,
  type FillStatistics,
  type FormChange,
  type MergedForm,
  type SituationAnswers,
} from '@onewindow/forms';

/** The form of one filing: the merged form of its items (one item's own form alone), compiled, and each item's own. */
export interface FilingForm {
  merged: MergedForm;
  compiled: CompiledForm;
  items: Array<{ itemCode: string; form: CompiledForm }>;
}

/** Form answers as stored (JSON; typed shallowly, which TypeORM's entity typings can follow). */
export type FormAnswers = PartFormV1['data'];

/** The application's form as filed: the (merged) answers, where the auto-filled ones came from, and how it was filled. */
export interface FiledForm {
  data: FormAnswers;
  provenance: FieldProvenance[];
  statistics: FillStatistics;
}

/** What the clerk (or applicant) sends: the answers and the auto-filled fields with their sources. */
export interface FormInput {
  data?: Record<string, unknown> | undefined;
  sources?: FilledField[] | undefined;
}

/** A part's share of the form as stored with it and sent in the event. */
export type PartForm = PartFormV1;

export interface FormProblem {
  field: string;
  message: string;
}

export type FormCheck = { ok: true; filed: FiledForm } | { ok: false; problems: FormProblem[] };

/**
 * Checks the filed form completely: the answers against the items' (merged) form for the 办理情形
 * answers, and each reported auto-fill against a field of the form. Problems are paths of the
 * request (`form.buildingArea`, `formSources[2].path`).
 */
export function checkFilingForm(form: FilingForm, input: FormInput, answers: SituationAnswers): FormCheck {
  const validation = form.compiled.validate(input.data ?? {}, answers);
  const problems: FormProblem[] = validation.ok
    ? []
    : validation.problems.map((problem) => ({ field: problem.path ? `form.${problem.path}` : 'form', message: problem.message }));
  const schema = form.compiled.schemaFor(answers);
  const seen = new Set<string>();
  (input.sources ?? []).forEach((source, index) => {
    const fieldSchema = schemaAt(schema, parsePath(source.path));
    if (!fieldSchema || ['group', 'repeat'].includes(kindOf(fieldSchema))) {
      problems.push({ field: `formSources[${index}].path`, message: `“${source.path}”不是申请表中的栏目，无法记录其数据来源` });
    } else if (seen.has(source.path)) {
      problems.push({ field: `formSources[${index}].path`, message: `栏目“${source.path}”的数据来源重复` });
    }
    seen.add(source.path);
  });
  if (!validation.ok || problems.length > 0) return { ok: false, problems };
  const provenance = provenanceOf(validation.data, input.sources ?? []);
  return {
    ok: true,
    filed: { data: validation.data as FormAnswers, provenance, statistics: fillStatistics(schema, validation.data, provenance) },
  };
}

/**
 * 补正 of the form: the corrected answers replace the filed ones. An auto-filled answer stays
 * attributed to its source, marked changed once a person changed it; a field filled again from a
 * source takes the new source. Returns what changed, answer by answer.
 */
export function correctFilingForm(
  form: FilingForm,
  previous: FiledForm,
  input: FormInput,
  answers: SituationAnswers,
): { ok: true; filed: FiledForm; changes: FormChange[] } | { ok: false; problems: FormProblem[] } {
  const checked = checkFilingForm(form, input, answers);
  if (!checked.ok) return checked;
  const { data } = checked.filed;
  const refilled = new Set(checked.filed.provenance.map((entry) => entry.path));
  const kept = previous.provenance
    .filter((entry) => !refilled.has(entry.path))
    .map((entry) => ({
      ...entry,
      changed:
        entry.changed ||
        JSON.stringify(valueAt(data, parsePath(entry.path))) !== JSON.stringify(valueAt(previous.data, parsePath(entry.path))),
    }));
  const provenance = [...kept, ...checked.filed.provenance];
  const schema = form.compiled.schemaFor(answers);
  return {
    ok: true,
    filed: { data, provenance, statistics: fillStatistics(schema, data, provenance) },
    changes: diffFormData(schema, previous.data, data),
  };
}

/** One part's share of the form, as its department receives it: its own field names, every answer as read, and its sources. */
export function partForm(form: FilingForm, filed: FiledForm, itemCode: string, answers: SituationAnswers): PartForm {
  const data = projectFormData(form.merged, filed.data, itemCode) as FormAnswers;
  const own = form.items.find((item) => item.itemCode === itemCode);
  const schema = own ? own.form.schemaFor(answers) : form.compiled.schemaFor(answers);
  const sources = new Map<string, FormFieldSourceV1>();
  for (const entry of filed.provenance) {
    for (const target of itemPathsOf(form.merged, entry.path).filter((candidate) => candidate.itemCode === itemCode)) {
      sources.set(target.path, { source: entry.source, sourceName: entry.sourceName, fetchedAt: entry.fetchedAt, changed: entry.changed });
    }
  }
  return {
    data,
    fields: formLeaves(schema, data).map((leaf) => {
      const element = keywordOf(leaf.schema, 'x-element');
      const source = sources.get(leaf.path);
      return {
        path: leaf.path,
        label: leaf.label,
        text: displayText(leaf.schema, leaf.value),
        ...(element ? { element } : {}),
        ...(source ? { source } : {}),
      };
    }),
  };
}

/** What a correction changed in one part's share: the changes of the merged form that land in it, by its own paths. */
export function partChanges(form: FilingForm, changes: FormChange[], itemCode: string): FormChange[] {
  return changes.flatMap((change) =>
    itemPathsOf(form.merged, change.path)
      .filter((target) => target.itemCode === itemCode)
      .map((target) => ({ ...change, path: target.path })),
  );
}
