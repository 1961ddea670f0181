import { compileMapping, SHARED_CODE_TABLES } from '@onewindow/mapping';
import { aSocialInsurancePart } from '../testing/social-insurance-part';
import { RSJ_OUTBOUND, RSJ_RESULT } from './social-insurance-adapter';

const options = { codeTables: SHARED_CODE_TABLES };

describe('the 人社局社会保险经办系统 mapping specs', () => {
  it('maps every answer of the 社会保险参保登记表 to the fields the steps type, the insurance types to the system’s codes', () => {
    const mapped = compileMapping(RSJ_OUTBOUND, options).map(aSocialInsurancePart());
    expect(mapped).toEqual({
      ok: true,
      value: {
        DWXX: {
          PTBH: 'YC20261207000088',
          TYSHXYDM: '91371502MA3C4KQ212',
          DWMC: '聊城市东昌府区运河物流有限公司',
          FDDBR: '孙立国',
          ZSQH: '371502',
          ZSDZ: '新区街道东昌东路136号',
          JBR: '张晓燕',
          LXDH: '13906358214',
        },
        XZ: ['110', '310', '210', '410'],
        RYXX: [
          { XM: '刘海涛', SFZH: '371502199003152313', CBRQ: '2026-12-01', JFGZ: '5200.00' },
          { XM: '王静', SFZH: '371502199508214524', CBRQ: '2026-12-01', JFGZ: '4600.00' },
        ],
      },
    });
  });

  it('reads 已办结 from the query page as an approval with the 参保登记证号 and the system’s own decision time', () => {
    const mapped = compileMapping(RSJ_RESULT, options).map({
      caseNumber: 'RSCB37150200000001',
      ZT: '已办结',
      DJZH: '鲁社保字371502202600318号',
      YY: '',
      BJSJ: '2026-12-07 10:15:30',
    });
    expect(mapped).toEqual({
      ok: true,
      value: {
        resultId: 'RSCB37150200000001',
        departmentCaseNumber: 'RSCB37150200000001',
        outcome: 'approved',
        decidedAt: '2026-12-07T10:15:30+08:00',
        licence: { number: '鲁社保字371502202600318号' },
      },
    });
  });

  it('reads 不予受理 as a refusal with the system’s reason and the legal basis', () => {
    const mapped = compileMapping(RSJ_RESULT, options).map({
      caseNumber: 'RSCB37150200000002',
      ZT: '不予受理',
      DJZH: '',
      YY: '该单位已在聊城市社会保险事业中心办理参保登记，不得重复登记',
      BJSJ: '2026-12-07 11:00:00',
    });
    expect(mapped).toMatchObject({
      ok: true,
      value: {
        outcome: 'refused',
        reason: '该单位已在聊城市社会保险事业中心办理参保登记，不得重复登记',
        legalBasis: '《中华人民共和国社会保险法》第五十七条、第五十八条',
      },
    });
  });
});
