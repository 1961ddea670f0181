import { describe, expect, it } from 'vitest';
import { aMaterial, anItem } from '@/testing/builders';
import { catalogueFormatOf, exportFileName, importedVersions, importSummaryText, itemFacts, materialRows } from './catalogue';

describe('the catalogue file', () => {
  it('is named by the day it was exported and read back by its extension', () => {
    expect(exportFileName('2026-12-07', 'json')).toBe('事项目录-2026-12-07.json');
    expect(exportFileName('2026-12-07', 'yaml')).toBe('事项目录-2026-12-07.yaml');
    expect(catalogueFormatOf('目录.YML')).toBe('yaml');
    expect(catalogueFormatOf('catalogue.json')).toBe('json');
  });

  it('says which versions an import wrote, items first', () => {
    const summary = {
      itemsCreatedOrChanged: ['DCF-ZJ-XK-012@3'],
      bundlesCreatedOrChanged: ['KY-CY@2'],
      unchanged: { items: 40, bundles: 3 },
    };
    expect(importedVersions(summary)).toEqual([
      { kind: '事项', code: 'DCF-ZJ-XK-012', version: 3 },
      { kind: '一件事', code: 'KY-CY', version: 2 },
    ]);
    expect(importSummaryText(summary)).toBe('导入完成：新增或修改1个事项、1个一件事，各生成新版本；40个事项、3个一件事未变');
    expect(importSummaryText({ itemsCreatedOrChanged: [], bundlesCreatedOrChanged: [], unchanged: { items: 2, bundles: 0 } })).toBe(
      '导入完成：没有变化（2个事项、0个一件事未变）',
    );
  });
});

describe('an item as the administrator reads it', () => {
  it('shows its deadlines, fee and department in Chinese', () => {
    const facts = Object.fromEntries(
      itemFacts(anItem({ fee: { charged: true, amountFen: 5000, basis: '鲁价费发〔2019〕1号' } })).map((fact) => [fact.label, fact.value]),
    );
    expect(facts).toMatchObject({
      承诺时限: '5个工作日',
      法定时限: '20个工作日',
      办件类型: '承诺件',
      收费: '收费：¥50.00（鲁价费发〔2019〕1号）',
      实施部门: '东昌府区市场监督管理局（DCF-SCJGJ）',
    });
  });

  it('lists each material with the situation that asks for it and whether it may follow or be pledged', () => {
    const item = anItem({
      questions: [
        {
          code: 'Q1',
          text: '是否委托代理人办理',
          options: [
            { code: 'A', label: '是' },
            { code: 'B', label: '否' },
          ],
        },
      ],
      materials: [
        aMaterial('M01', { name: '申请书' }),
        aMaterial('M02', {
          name: '授权委托书',
          form: 'copy',
          mayFollowLater: true,
          pledgeAllowed: true,
          when: { question: 'Q1', answers: ['A'] },
        }),
      ],
    });
    expect(materialRows(item)).toEqual([
      { code: 'M01', name: '申请书', form: '原件', copies: 1, when: '必交', options: '—', requirement: '' },
      {
        code: 'M02',
        name: '授权委托书',
        form: '复印件',
        copies: 1,
        when: '是否委托代理人办理：是',
        options: '可容缺、可告知承诺',
        requirement: '',
      },
    ]);
  });
});
