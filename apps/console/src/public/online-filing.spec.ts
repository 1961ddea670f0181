import { describe, expect, it } from 'vitest';
import { aMaterial, anItem } from '@/testing/builders';
import { afterSignIn } from './applicant-session';
import { fileableOnline, onlineFilingBody, onlineMaterials } from './online-filing';

describe('网上申报 as the applicant fills it', () => {
  const item = anItem({
    questions: [
      {
        code: 'Q1',
        text: '是否网络经营？',
        options: [
          { code: 'A', label: '是' },
          { code: 'B', label: '否' },
        ],
      },
    ],
    materials: [
      aMaterial('M01', { name: '食品经营许可申请书' }),
      aMaterial('M04', { name: '网络经营说明', when: { question: 'Q1', answers: ['A'] } }),
    ],
  });

  it('offers only the items the catalogue lets in online', () => {
    expect(fileableOnline([anItem(), anItem({ code: 'DCF-X', channels: ['window'] })]).map((i) => i.code)).toEqual(['DCF-SCJG-XK-001']);
  });

  it('lists the materials the 办理情形 answers ask for', () => {
    expect(onlineMaterials(item, {}).map((row) => row.material.code)).toEqual(['M01']);
    expect(onlineMaterials(item, { [item.code]: { Q1: 'A' } }).map((row) => row.material.code)).toEqual(['M01', 'M04']);
    expect(onlineMaterials(null, {})).toEqual([]);
  });

  it('submits the attached materials as provided, for the window’s pre-review, with the identifier as typed on a phone', () => {
    const answers = { [item.code]: { Q1: 'A' } };
    const rows = onlineMaterials(item, answers);
    const body = onlineFilingBody({
      item,
      answers,
      applicant: { kind: 'organisation', name: ' 聊城市东昌府区鲁西餐饮有限公司 ', identifier: '91350100m000100y43 ' },
      rows,
      attached: [rows[1]!.key],
      form: { seats: 60 },
    });
    expect(body).toEqual({
      itemCodes: ['DCF-SCJG-XK-001'],
      channel: 'online',
      level: 'district',
      applicant: { kind: 'organisation', name: '聊城市东昌府区鲁西餐饮有限公司', identifier: '91350100M000100Y43' },
      situations: { 'DCF-SCJG-XK-001': { Q1: 'A' } },
      materials: [{ itemCode: 'DCF-SCJG-XK-001', materialCode: 'M04', finding: 'provided' }],
      form: { seats: 60 },
      visitedInPerson: false,
    });
  });

  it('goes back after sign-in to the applicant’s own page only', () => {
    expect(afterSignIn('/public/online')).toBe('/public/online');
    expect(afterSignIn('https://evil.example/')).toBe('/public/mine');
    expect(afterSignIn('/window/desk')).toBe('/public/mine');
    expect(afterSignIn(undefined)).toBe('/public/mine');
  });
});
