import { aCreditCode, aResidentId } from '@onewindow/domain';

/**
 * The demo shared data sources (共享数据): records as the city's 法人库, 人口库 and the
 * provincial investment project platform would return them. Fictitious but well-formed.
 */
export const DEMO_ENTERPRISES: Array<Record<string, string>> = [
  {
    TYSHXYDM: '91350100M000100Y43',
    QYMC: '聊城市东昌府区鲁西餐饮有限公司',
    QYLX: '有限责任公司（自然人投资或控股）',
    FDDBR: '王建国',
    ZCZB: '50',
    CLRQ: '2019年06月18日',
    ZS: '山东省聊城市东昌府区古楼街道东关街88号',
    JYFW: '餐饮服务；食品销售；外卖递送服务',
    DJJG: '聊城市东昌府区市场监督管理局',
    LXDH: '0635-8412345',
  },
  {
    TYSHXYDM: aCreditCode({ organisation: 'MA3D2L7Q5' }),
    QYMC: '聊城市运河文化旅游发展有限公司',
    QYLX: '有限责任公司（国有独资）',
    FDDBR: '刘海燕',
    ZCZB: '3000',
    CLRQ: '2021年03月09日',
    ZS: '山东省聊城市东昌府区柳园街道湖南路1号',
    JYFW: '旅游开发项目策划咨询；游览景区管理；会议及展览服务',
    DJJG: '聊城市东昌府区市场监督管理局',
    LXDH: '0635-8256789',
  },
];

export const DEMO_PERSONS: Array<Record<string, string>> = [
  {
    GMSFHM: aResidentId(),
    XM: '张秀英',
    XB: '2',
    CSRQ: '19900305',
    HJSZQH: '371502',
    HJDZ: '山东省聊城市东昌府区新区街道花园北路36号',
  },
  {
    GMSFHM: aResidentId({ birthDate: '1978-11-21', sequence: 13, sex: 'male' }),
    XM: '李德明',
    XB: '1',
    CSRQ: '19781121',
    HJSZQH: '371502',
    HJDZ: '山东省聊城市东昌府区道口铺街道李海务村',
  },
];

export const DEMO_PROJECTS: Array<Record<string, string>> = [
  {
    XMDM: '2026-371502-47-01-012345',
    XMMC: '聊城市东昌府区运河古城保护性修缮及配套设施建设项目',
    XMDW: '聊城市运河文化旅游发展有限公司',
    XMDWDM: aCreditCode({ organisation: 'MA3D2L7Q5' }),
    JSDD: '山东省聊城市东昌府区古楼街道',
    ZTZ: '12800',
    JSGMJNR: '修缮古建筑约2.3万平方米，新建游客服务中心及地下停车场约1.1万平方米',
    XMLX: '备案类',
  },
];
