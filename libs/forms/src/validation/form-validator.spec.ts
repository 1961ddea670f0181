import Ajv2020 from 'ajv/dist/2020';
import { aCreditCode, aResidentId } from '@onewindow/domain/testing';
import { aConstructionPermitForm } from '../testing/sample-forms';
import { FormValidator } from './form-validator';

const validator = new FormValidator({ today: () => new Date('2026-03-05T02:00:00Z') });
const permit = validator.form('DCF-ZJ-XK-012@1', aConstructionPermitForm());

/** A construction permit filled in as the window would, with `changes` applied. */
function aPermitFiling(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectName: '聊城市东昌府区实验小学教学综合楼',
    projectCode: '2026-371502-47-01-012345',
    site: { division: '371502', detail: '古楼街道东关街88号' },
    buildingArea: 12500.5,
    contractPrice: '38650000.00',
    projectType: '01',
    builder: { creditCode: aCreditCode(), name: '聊城市东昌府区教育和体育局' },
    plannedStart: '2026-04-01',
    plannedCompletion: '2027-08-31',
    managers: [{ name: '张建华', idNumber: aResidentId({ birthDate: '1980-06-12', sex: 'male' }), role: '项目经理' }],
    ...changes,
  };
}

function problemsOf(data: unknown, answers = {}) {
  const result = permit.validate(data, answers);
  return result.ok ? [] : result.problems;
}

describe('form validation', () => {
  it('accepts a complete application form', () => {
    expect(problemsOf(aPermitFiling())).toEqual([]);
  });

  it('names the field with its label and unit when a number is out of range', () => {
    expect(problemsOf(aPermitFiling({ buildingArea: 0 }))).toEqual([
      { path: 'buildingArea', message: '建筑面积：应为大于0的数字，单位平方米' },
    ]);
  });

  it('names a field inside a group with its group, by its path', () => {
    expect(problemsOf(aPermitFiling({ builder: { creditCode: '91350100M000100Y44', name: '聊城市东昌府区教育和体育局' } }))).toEqual([
      { path: 'builder.creditCode', message: '建设单位统一社会信用代码：统一社会信用代码校验位错误，请核对后重新输入' },
    ]);
  });

  it('lists every missing required answer at once', () => {
    const { projectName: _name, contractPrice: _price, builder: _builder, ...rest } = aPermitFiling();
    expect(
      problemsOf(rest)
        .map((problem) => problem.path)
        .sort(),
    ).toEqual(['builder', 'contractPrice', 'projectName']);
    expect(problemsOf(rest)).toContainEqual({ path: 'projectName', message: '项目名称：必须填写' });
  });

  it('requires an answer only in the situation that needs it', () => {
    const form = validator.form('DCF-ZJ-XK-012@1/item', aConstructionPermitForm(), { itemCode: 'DCF-ZJ-XK-012' });
    const { managers: _managers, ...withoutManagers } = aPermitFiling({ contactPhone: '13906351234', safetyOfficer: '李安全' });
    const { safetyOfficer: _officer, ...small } = withoutManagers;
    expect(form.validate(small, { 'DCF-ZJ-XK-012': { Q1: 'SMALL' } })).toMatchObject({ ok: true });
    expect(form.validate(withoutManagers, { 'DCF-ZJ-XK-012': { Q1: 'BIG' } })).toEqual({
      ok: false,
      problems: [{ path: 'managers', message: '项目负责人：必须填写' }],
    });
  });

  it('asks a situation’s extra field only in that situation', () => {
    const big = validator.form('DCF-ZJ-XK-012@1/big', aConstructionPermitForm(), { itemCode: 'DCF-ZJ-XK-012' });
    const answers = { 'DCF-ZJ-XK-012': { Q1: 'BIG' } };
    const missing = big.validate(aPermitFiling(), answers);
    expect(missing.ok ? [] : missing.problems).toEqual([
      { path: 'contactPhone', message: '联系电话：必须填写' },
      { path: 'safetyOfficer', message: '专职安全员：必须填写' },
    ]);
    expect(big.validate(aPermitFiling({ contactPhone: '0635-8412345', safetyOfficer: '李安全' }), answers)).toMatchObject({ ok: true });
    const notAsked = big.validate(aPermitFiling({ safetyOfficer: '李安全' }), { 'DCF-ZJ-XK-012': { Q1: 'SMALL' } });
    expect(notAsked.ok ? [] : notAsked.problems).toEqual([
      { path: 'safetyOfficer', message: '“safetyOfficer”不是本申请表的栏目，或在所选办理情形下无需填写' },
    ]);
  });

  it('refuses a code outside the code list and names the choices', () => {
    expect(problemsOf(aPermitFiling({ projectType: '09' }))).toEqual([
      { path: 'projectType', message: '工程类别：应为以下之一：房屋建筑工程（01）、市政基础设施工程（02）' },
    ]);
  });

  it('checks dates as calendar dates and a completion date not before the start', () => {
    expect(problemsOf(aPermitFiling({ plannedStart: '2026-02-30' }))).toEqual([
      { path: 'plannedStart', message: '计划开工日期：应为有效的日期，格式为YYYY-MM-DD，如 2026-03-05' },
    ]);
    expect(problemsOf(aPermitFiling({ plannedCompletion: '2026-03-31' }))).toEqual([
      { path: 'plannedCompletion', message: '计划竣工日期：不能早于计划开工日期' },
    ]);
  });

  it('checks each row of a repeatable group and the number of rows', () => {
    const rows = problemsOf(aPermitFiling({ managers: [{ name: '张建华', idNumber: aResidentId() }, { idNumber: '371502199003050027' }] }));
    expect(rows).toEqual([
      { path: 'managers[1].name', message: '项目负责人第2行姓名：必须填写' },
      { path: 'managers[1].idNumber', message: '项目负责人第2行身份证号码：居民身份证号码校验位错误，请核对后重新输入' },
    ]);
    expect(problemsOf(aPermitFiling({ managers: [] }))).toEqual([{ path: 'managers', message: '项目负责人：至少填写1行' }]);
  });

  it('keeps amounts exact: a decimal string with at most two places, never a float', () => {
    expect(problemsOf(aPermitFiling({ contractPrice: '38650000.005' }))).toEqual([
      { path: 'contractPrice', message: '合同价格：应为以元为单位的金额，最多2位小数，如 12500.00' },
    ]);
    expect(problemsOf(aPermitFiling({ contractPrice: 38650000 }))).toEqual([
      { path: 'contractPrice', message: '合同价格：应为以元为单位的金额，写成文字，如 "12500.00"' },
    ]);
    expect(problemsOf(aPermitFiling({ contractPrice: '0.00' }))).toEqual([{ path: 'contractPrice', message: '合同价格：不能少于0.01元' }]);
  });

  it('checks the division of an address and the precision of a number', () => {
    expect(problemsOf(aPermitFiling({ site: { division: '991502', detail: '古楼街道东关街88号' }, buildingArea: 12500.555 }))).toEqual([
      { path: 'site.division', message: '建设地址所在区划：应为6位行政区划代码' },
      { path: 'buildingArea', message: '建筑面积：最多保留2位小数，单位平方米' },
    ]);
    expect(problemsOf(aPermitFiling({ site: { division: '381502', detail: '古楼街道东关街88号' } }))).toEqual([
      { path: 'site.division', message: '建设地址所在区划：不是有效的行政区划代码' },
    ]);
  });

  it('refuses answers the form does not ask', () => {
    expect(problemsOf(aPermitFiling({ remark: '加急' }))).toEqual([
      { path: 'remark', message: '“remark”不是本申请表的栏目，或在所选办理情形下无需填写' },
    ]);
  });

  it('treats blank answers as not given and returns the data without them', () => {
    const result = permit.validate(aPermitFiling({ greenBuilding: null, contactPhone: '  ', drawingReview: '' }), {});
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && Object.keys(result.data)).not.toContain('contactPhone');
  });

  it('compiles a form once per key and each situation once, never per validation', () => {
    const fresh = new FormValidator();
    const form = fresh.form('DCF-ZJ-XK-012@2', aConstructionPermitForm(), { itemCode: 'DCF-ZJ-XK-012' });
    form.validate(aPermitFiling(), {});
    form.validate(aPermitFiling(), { 'DCF-ZJ-XK-012': { Q1: 'BIG' } });
    const compile = jest.spyOn(Ajv2020.prototype, 'compile');
    try {
      for (let i = 0; i < 5; i += 1) {
        fresh.form('DCF-ZJ-XK-012@2', aConstructionPermitForm()).validate(aPermitFiling(), {});
        form.validate(aPermitFiling(), { 'DCF-ZJ-XK-012': { Q1: 'BIG' } });
      }
      expect(compile).not.toHaveBeenCalled();
      expect(fresh.form('DCF-ZJ-XK-012@2', aConstructionPermitForm())).toBe(form);
    } finally {
      compile.mockRestore();
    }
  });
});
