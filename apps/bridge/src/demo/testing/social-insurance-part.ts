/**
 * Builder of a delivery payload for 职工参保登记 (DCF-RS-DJ-002) as the bridge receives it: the
 * accepted part with its 社会保险参保登记表, for the demo 人社局 system's tests.
 */
export function socialInsuranceForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    creditCode: '91371502MA3C4KQ212',
    organisationName: '聊城市东昌府区运河物流有限公司',
    legalRepresentative: '孙立国',
    domicile: { division: '371502', detail: '新区街道东昌东路136号' },
    insuranceTypes: ['01', '02', '03', '04'],
    employees: [
      { name: '刘海涛', idNumber: '371502199003152313', startDate: '2026-12-01', wage: '5200.00' },
      { name: '王静', idNumber: '371502199508214524', startDate: '2026-12-01', wage: '4600.00' },
    ],
    contactName: '张晓燕',
    contactPhone: '13906358214',
    ...overrides,
  };
}

export function aSocialInsurancePart(formOverrides: Record<string, unknown> = {}): Record<string, unknown> & { applicationNumber: string } {
  const data = socialInsuranceForm(formOverrides);
  return {
    partId: '7d3e9b10-4c2a-4f61-8e57-2a9c0d1b6e48',
    applicationId: '1a4f8c2e-6b3d-4e79-9d10-5c7b2e8f0a31',
    applicationNumber: 'YC20261207000088',
    acceptedAt: '2026-12-07T01:20:00.000Z',
    channel: 'window',
    itemCode: 'DCF-RS-DJ-002',
    itemVersion: 1,
    itemName: '职工参保登记',
    department: { code: 'DCF-RSJ', name: '东昌府区人力资源和社会保障局' },
    promisedDeadline: '2026-12-07',
    deficiencies: [],
    pledges: [],
    handledInDepartmentSystem: true,
    applicant: { kind: 'organisation', name: data['organisationName'], identifier: data['creditCode'], phone: data['contactPhone'] },
    materials: [
      { materialCode: 'M01', materialName: '社会保险参保登记表', status: 'received' },
      { materialCode: 'M02', materialName: '营业执照', status: 'received' },
    ],
    form: { data, fields: [] },
  };
}
