import { field } from '../definition/fields';
import { resolveForm } from '../definition/resolve-form';
import { aConstructionPermitForm } from '../testing/sample-forms';
import { addressFromText, diffFormData, displayText, fillStatistics, formLeaves, provenanceOf, valueFromPrefill } from './form-values';

const permit = resolveForm(aConstructionPermitForm()).schema;

describe('the answers of a filled form', () => {
  it('are listed leaf by leaf, labelled with their group or row, in the form’s order', () => {
    const leaves = formLeaves(permit, {
      builder: { name: '聊城市东昌府区教育和体育局', creditCode: '11371502004391234X' },
      projectName: '实验小学教学综合楼',
      managers: [{ name: '张建华' }, { name: '李明', role: '技术负责人' }],
      site: { division: '371502', detail: '古楼街道东关街88号' },
    });
    expect(leaves.map((leaf) => [leaf.path, leaf.label])).toEqual([
      ['projectName', '项目名称'],
      ['site', '建设地址'],
      ['builder.creditCode', '建设单位统一社会信用代码'],
      ['builder.name', '建设单位名称'],
      ['managers[0].name', '项目负责人第1行姓名'],
      ['managers[1].name', '项目负责人第2行姓名'],
      ['managers[1].role', '项目负责人第2行岗位'],
    ]);
  });

  it('read as a person reads them: code labels, units, 是/否, the division’s name', () => {
    expect(displayText(field.code('工程类别', [{ code: '01', label: '房屋建筑工程' }]), '01')).toBe('房屋建筑工程');
    expect(displayText(field.number('建筑面积', '平方米', 2), 12500.5)).toBe('12500.5平方米');
    expect(displayText(field.money('合同价格'), '38650000.00')).toBe('38650000.00元');
    expect(displayText(field.yesNo('是否绿色建筑'), false)).toBe('否');
    expect(displayText(field.address('建设地址'), { division: '371502', detail: '古楼街道东关街88号' })).toBe(
      '山东省聊城市东昌府区古楼街道东关街88号',
    );
    expect(
      displayText(
        field.codes('经营项目', [
          { code: '01', label: '预包装食品销售' },
          { code: '03', label: '热食类食品制售' },
        ]),
        ['01', '03'],
      ),
    ).toBe('预包装食品销售、热食类食品制售');
  });

  it('take values from shared data in the field’s shape, or leave the field to be typed', () => {
    expect(valueFromPrefill(field.address('经营场所'), '山东省聊城市东昌府区古楼街道东关街88号')).toEqual({
      division: '371502',
      detail: '古楼街道东关街88号',
    });
    expect(valueFromPrefill(field.address('经营场所'), '北京市朝阳区建国路1号')).toBeUndefined();
    expect(valueFromPrefill(field.money('注册资本'), 500000)).toBe('500000.00');
    expect(valueFromPrefill(field.money('注册资本'), '500000.00')).toBe('500000.00');
    expect(valueFromPrefill(field.number('从业人数', '人', 0), '12')).toBe(12);
    expect(valueFromPrefill(field.text('法定代表人'), '王建国')).toBe('王建国');
    expect(addressFromText('聊城市东昌府区柳园街道湖南路1号')).toEqual({ division: '371502', detail: '柳园街道湖南路1号' });
  });

  it('count answers filled from shared data and kept, changed, or typed', () => {
    const data = {
      projectName: '运河古城修缮项目',
      builder: { name: '聊城市运河文化旅游发展有限公司', legalRepresentative: '刘海波', creditCode: '91371502MA3D2L7Q5Y' },
    };
    const filled = [
      {
        path: 'builder.name',
        source: 'enterprise' as const,
        sourceName: '聊城市法人单位基础信息库',
        fetchedAt: '2026-03-05T01:58:12.000Z',
        value: '聊城市运河文化旅游发展有限公司',
      },
      {
        path: 'builder.legalRepresentative',
        source: 'enterprise' as const,
        sourceName: '聊城市法人单位基础信息库',
        fetchedAt: '2026-03-05T01:58:12.000Z',
        value: '刘海燕',
      },
    ];
    const provenance = provenanceOf(data, filled);
    expect(provenance.map((entry) => [entry.path, entry.changed])).toEqual([
      ['builder.name', false],
      ['builder.legalRepresentative', true],
    ]);
    expect(fillStatistics(permit, data, provenance)).toEqual({ automatic: 1, changed: 1, typed: 2 });
  });

  it('tell what a correction changed, added and removed', () => {
    const before = { projectName: '实验小学教学楼', buildingArea: 12500.5, greenBuilding: true };
    const after = { projectName: '实验小学教学综合楼', buildingArea: 12500.5, contractPrice: '38650000.00' };
    expect(diffFormData(permit, before, after)).toEqual([
      { path: 'projectName', label: '项目名称', before: '实验小学教学楼', after: '实验小学教学综合楼' },
      { path: 'contractPrice', label: '合同价格', after: '38650000.00元' },
      { path: 'greenBuilding', label: '是否绿色建筑', before: '是' },
    ]);
  });
});
