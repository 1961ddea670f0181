import type { PartFormV1 } from '@onewindow/contracts';
import { licenceDetailsOf } from './licence-from-form';

function aFoodLicencePart(fields: PartFormV1['fields']): PartFormV1 {
  return { data: {}, fields };
}

describe('a licence from the application form', () => {
  it('takes the business address and scope by their data elements', () => {
    const form = aFoodLicencePart([
      { path: 'domicile', label: '住所', text: '山东省聊城市东昌府区柳园街道湖南路1号', element: 'DE-ZS' },
      { path: 'businessAddress', label: '经营场所', text: '山东省聊城市东昌府区古楼街道东关街88号', element: 'DE-JYCS' },
      { path: 'businessScope', label: '经营范围', text: '餐饮服务；食品销售', element: 'DE-JYFW' },
    ]);
    expect(licenceDetailsOf(form)).toEqual({ holderAddress: '山东省聊城市东昌府区古楼街道东关街88号', scope: '餐饮服务；食品销售' });
  });

  it('falls back to the domicile, and ignores another party’s address inside a group', () => {
    const form = aFoodLicencePart([
      { path: 'builder.address', label: '建设单位地址', text: '山东省聊城市东昌府区新区街道', element: 'DE-JYCS' },
      { path: 'domicile', label: '住所', text: '山东省聊城市东昌府区柳园街道湖南路1号', element: 'DE-ZS' },
    ]);
    expect(licenceDetailsOf(form)).toEqual({ holderAddress: '山东省聊城市东昌府区柳园街道湖南路1号' });
  });

  it('says nothing for an application filed before forms', () => {
    expect(licenceDetailsOf(null)).toEqual({});
  });
});
