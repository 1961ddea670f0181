import fc from 'fast-check';
import { FormValidator, mergeForms } from '@onewindow/forms';
import { formDataArbitrary, withOneWrongAnswer } from '@onewindow/forms/testing';
import { validateCatalogueDocument } from './catalogue-document';
import { DEMO_CATALOGUE_DOCUMENT } from './demo-catalogue.data';

const validator = new FormValidator();
const items = DEMO_CATALOGUE_DOCUMENT.items;

describe('the demo catalogue’s forms', () => {
  it('pass the catalogue check, every item with a form', () => {
    expect(validateCatalogueDocument(DEMO_CATALOGUE_DOCUMENT)).toEqual([]);
    expect(items.every((item) => Object.keys(item.form.schema.properties).length >= 3)).toBe(true);
  });

  it('ask 施工许可 what its real form asks, with the companies filled from 法人库', () => {
    const permit = items.find((item) => item.code === 'DCF-ZJ-XK-012')?.form;
    expect(Object.keys(permit?.schema.properties ?? {})).toEqual(
      expect.arrayContaining([
        'projectName',
        'projectCode',
        'site',
        'buildingArea',
        'contractPrice',
        'projectType',
        'builder',
        'contractor',
        'supervisor',
        'plannedStart',
        'plannedCompletion',
      ]),
    );
    expect(permit?.schema.properties['contractor']?.properties?.['name']?.['x-prefill']).toEqual({
      source: 'enterprise',
      from: 'contractor.creditCode',
      field: 'applicant.name',
    });
  });

  it('ask the 开办餐饮店 bundle’s shared data elements once', () => {
    const bundle = DEMO_CATALOGUE_DOCUMENT.bundles.find((candidate) => candidate.code === 'DCF-YJS-KBCYD');
    const parts = (bundle?.itemCodes ?? []).map((code) => {
      const item = items.find((candidate) => candidate.code === code);
      return { itemCode: code, itemName: item?.name ?? code, form: item?.form ?? { schema: {}, layout: { groups: [] } } } as never;
    });
    const merged = mergeForms(parts, '开办餐饮店一表申请');
    const shared = merged.routes.filter((route) => route.items.length > 1);
    expect(shared.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        'organisationName',
        'businessAddress',
        'legalRepresentative',
        'contactPhone',
        'employeeCount',
        'premisesArea',
      ]),
    );
    expect(shared.find((route) => route.path === 'businessAddress')?.items).toHaveLength(4);
  });
});

describe.each(items.map((item) => [item.code, item.name, item] as const))('the demo form of %s %s', (code, _name, item) => {
  const form = validator.form(`${code}@demo`, item.form, { itemCode: code });
  const answers = { [code]: Object.fromEntries(item.questions.map((question) => [question.code, question.options[0]?.code ?? ''])) };
  const schema = form.schemaFor(answers);

  it('validates data generated from it, and names the path of an answer made wrong', () => {
    fc.assert(
      fc.property(formDataArbitrary(schema), fc.nat(), (data, leafIndex) => {
        const valid = form.validate(data, answers);
        if (!valid.ok) throw new Error(`${code}: ${JSON.stringify(valid.problems)}`);
        const mutated = withOneWrongAnswer(schema, data, leafIndex);
        if (!mutated) return;
        const result = form.validate(mutated.data, answers);
        expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toContain(mutated.path);
      }),
      { numRuns: 25 },
    );
  });
});
