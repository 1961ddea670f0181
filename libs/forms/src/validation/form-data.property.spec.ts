import fc from 'fast-check';
import { mergeForms } from '../bundles/merge-forms';
import type { FormDefinition } from '../definition/form-definition';
import { formDataArbitrary, withOneWrongAnswer } from '../testing';
import { aConstructionPermitForm, aFoodLicenceForm, aHygieneLicenceForm } from '../testing/sample-forms';
import { FormValidator } from './form-validator';

const validator = new FormValidator();

const FORMS: Array<[string, FormDefinition]> = [
  ['施工许可', aConstructionPermitForm()],
  ['食品经营许可', aFoodLicenceForm()],
  [
    '开办餐饮店一表申请',
    mergeForms(
      [
        { itemCode: 'DCF-SCJG-XK-001', itemName: '食品经营许可（新办）', form: aFoodLicenceForm() },
        { itemCode: 'DCF-WJW-XK-003', itemName: '公共场所卫生许可（新办）', form: aHygieneLicenceForm() },
      ],
      '开办餐饮店一表申请',
    ).form,
  ],
];

describe.each(FORMS)('the form %s, for any data generated from it', (name, definition) => {
  const form = validator.form(name, definition);
  const schema = form.schemaFor({});

  it('validates the generated data', () => {
    fc.assert(
      fc.property(formDataArbitrary(schema), (data) => {
        const result = form.validate(data, {});
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
      }),
      { numRuns: 200 },
    );
  });

  it('names the path of an answer made wrong', () => {
    fc.assert(
      fc.property(formDataArbitrary(schema), fc.nat(), (data, leafIndex) => {
        const mutated = withOneWrongAnswer(schema, data, leafIndex);
        fc.pre(mutated !== undefined);
        const result = form.validate(mutated?.data, {});
        expect(result.ok).toBe(false);
        const paths = result.ok ? [] : result.problems.map((problem) => problem.path);
        expect(paths).toContain(mutated?.path);
      }),
      { numRuns: 200 },
    );
  });
});
