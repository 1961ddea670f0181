import { CONSTRUCTION_PERMIT_CONTEXT, aConstructionPermitForm } from '../testing/sample-forms';
import { checkFormDefinition } from './check-form-definition';
import type { FormDefinition } from './form-definition';

function withChanges(change: (form: FormDefinition) => void): FormDefinition {
  const form = aConstructionPermitForm();
  change(form);
  return form;
}

describe('checking a form definition', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(checkFormDefinition(aConstructionPermitForm(), CONSTRUCTION_PERMIT_CONTEXT)).toEqual([]);
  });

  it('lists every problem with its path inside the definition', () => {
    const form = withChanges((f) => {
      f.schema.properties['buildingArea'] = { type: 'number', title: '建筑面积' };
      f.schema.properties['projectType'] = { type: 'string', 'x-kind': 'code', title: '工程类别' };
      f.schema.properties['contactPhone'] = { 'x-element': 'DE-NOPE' };
      f.schema.properties['drawingReview'] = { type: 'string', 'x-kind': 'material', title: '审查合格书', 'x-material': 'M09' };
      f.layout.groups[2]?.fields.pop();
    });
    expect(checkFormDefinition(form, CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: 'schema.properties.contactPhone.x-element', message: '数据元 DE-NOPE 不在数据元目录中' },
    ]);
    form.schema.properties['contactPhone'] = { 'x-element': 'DE-LXDH' };
    expect(checkFormDefinition(form, CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: 'schema.properties.buildingArea.x-unit', message: '数字栏目必须注明单位（x-unit），如 平方米、人' },
      { path: 'schema.properties.buildingArea.x-precision', message: '数字栏目必须注明小数位数（x-precision）' },
      { path: 'schema.properties.projectType.x-codes', message: '代码栏目必须列出代码表（x-codes）' },
      { path: 'schema.properties.drawingReview.x-material', message: '申请材料 M09 不在本事项的材料清单中' },
      { path: 'layout.groups', message: '栏目 drawingReview 未在版式中列出' },
    ]);
  });

  it('refuses what is not JSON Schema 2020-12, and malformed extension keywords', () => {
    const form = withChanges((f) => {
      f.schema.properties['projectName'] = { type: 'string', title: '项目名称', minLength: -1 };
      f.schema.properties['projectType'] = { type: 'string', 'x-kind': 'code', title: '工程类别', 'x-codes': [{ code: '01' }] } as never;
    });
    const problems = checkFormDefinition(form, CONSTRUCTION_PERMIT_CONTEXT).map((problem) => problem.path);
    expect(problems).toEqual(
      expect.arrayContaining(['schema.properties.projectName.minLength', 'schema.properties.projectType.x-codes.0']),
    );
  });

  it('checks that an auto-fill source takes its key from a field of the right kind', () => {
    const form = withChanges((f) => {
      f.schema.properties['projectName'] = {
        'x-element': 'DE-XMMC',
        'x-prefill': { source: 'enterprise', from: 'projectCode', field: 'applicant.name' },
      };
      (f.schema.properties['builder']?.properties ?? {})['name'] = {
        type: 'string',
        title: '名称',
        'x-prefill': { source: 'enterprise', from: 'builder.nothing', field: 'applicant.name' },
      };
    });
    expect(checkFormDefinition(form, CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: 'schema.properties.projectName.x-prefill.from', message: '按法人库调取时，栏目 projectCode 应为统一社会信用代码' },
      {
        path: 'schema.properties.builder.properties.name.x-prefill.from',
        message: '调取依据栏目 builder.nothing 不在本申请表中（不能位于可重复的表格内）',
      },
    ]);
  });

  it('checks situation rules against the item’s questions and fields', () => {
    const form = withChanges((f) => {
      f.situations = [
        { when: { question: 'Q9', answers: ['BIG'] }, require: ['managers'] },
        { when: { question: 'Q1', answers: ['HUGE'] }, require: ['nowhere'] },
        { when: { question: 'Q1', answers: ['BIG'] }, fields: { projectName: { type: 'string', title: '重名' } } },
      ];
    });
    expect(checkFormDefinition(form, CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: 'situations[0].when.question', message: '办理情形问题 Q9 不是本事项的问题' },
      { path: 'situations[1].when.answers[0]', message: '选项 HUGE 不是该问题的选项' },
      { path: 'situations[1].require[0]', message: '栏目 nowhere 不在本申请表中' },
      { path: 'situations[2].fields.projectName', message: '栏目 projectName 已在申请表中，情形栏目不能与之重名' },
      { path: 'layout.groups[2].fields[3]', message: '栏目 safetyOfficer 不在本申请表中' },
    ]);
  });

  it('shows each field once in the layout', () => {
    const form = withChanges((f) => f.layout.groups.push({ title: '重复', fields: ['projectName', 'nowhere'] }));
    expect(checkFormDefinition(form, CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: 'layout.groups[3].fields[0]', message: '栏目 projectName 已在 layout.groups[0].fields[0] 中列出' },
      { path: 'layout.groups[3].fields[1]', message: '栏目 nowhere 不在本申请表中' },
    ]);
  });

  it('asks a data element once per form', () => {
    const form = withChanges((f) => {
      f.schema.properties['phone2'] = { 'x-element': 'DE-LXDH', title: '备用电话' };
      f.layout.groups[0]?.fields.push('phone2');
    });
    expect(checkFormDefinition(form, CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: 'schema.properties.phone2.x-element', message: '数据元 DE-LXDH 已由栏目 contactPhone 填写，同一申请表只能填写一次' },
    ]);
  });

  it('says what is missing from something that is not a form', () => {
    expect(checkFormDefinition('表', CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: '', message: '申请表必须是一个对象，包含 schema 和 layout' },
    ]);
    expect(checkFormDefinition({ schema: { type: 'object' } }, CONSTRUCTION_PERMIT_CONTEXT)).toEqual([
      { path: 'schema.$schema', message: '应为 https://json-schema.org/draft/2020-12/schema' },
      { path: 'schema.title', message: '必须填写申请表名称' },
      { path: 'schema.properties', message: '必须列出申请表的栏目（properties）' },
    ]);
  });
});
