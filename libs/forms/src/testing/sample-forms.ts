import { field, prefill } from '../definition/fields';
import { FORM_SCHEMA_DIALECT, type FormDefinition } from '../definition/form-definition';

/** Forms for the library's own tests, after real 申请表 of 聊城市东昌府区. */

export const PROJECT_TYPES = [
  { code: '01', label: '房屋建筑工程' },
  { code: '02', label: '市政基础设施工程' },
];

/** 建筑工程施工许可申请表 (abridged). */
export function aConstructionPermitForm(): FormDefinition {
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT,
      title: '建筑工程施工许可申请表',
      type: 'object',
      additionalProperties: false,
      required: [
        'projectName',
        'projectCode',
        'site',
        'buildingArea',
        'contractPrice',
        'projectType',
        'builder',
        'plannedStart',
        'plannedCompletion',
      ],
      properties: {
        projectName: field.element('DE-XMMC', prefill('project', 'projectCode', 'project.name')),
        projectCode: field.element('DE-XMDM'),
        site: field.element('DE-JSDZ'),
        buildingArea: field.element('DE-JZMJ'),
        contractPrice: field.element('DE-HTJG'),
        projectType: field.code('工程类别', PROJECT_TYPES),
        builder: field.group(
          '建设单位',
          {
            creditCode: field.creditCode('统一社会信用代码'),
            name: field.text('名称', 100, prefill('enterprise', 'builder.creditCode', 'applicant.name')),
            legalRepresentative: field.text(
              '法定代表人',
              50,
              prefill('enterprise', 'builder.creditCode', 'enterprise.legalRepresentative'),
            ),
          },
          ['creditCode', 'name'],
        ),
        plannedStart: field.date('计划开工日期'),
        plannedCompletion: field.date('计划竣工日期', { 'x-not-before': 'plannedStart' }),
        managers: field.repeat(
          '项目负责人',
          { name: field.text('姓名', 50), idNumber: field.residentId('身份证号码'), role: field.text('岗位', 20) },
          ['name', 'idNumber'],
          { min: 1, max: 5 },
        ),
        greenBuilding: field.yesNo('是否绿色建筑'),
        contactPhone: field.element('DE-LXDH'),
        drawingReview: field.material('施工图审查合格书', 'M05'),
      },
    },
    layout: {
      groups: [
        {
          title: '工程概况',
          fields: ['projectName', 'projectCode', 'site', 'buildingArea', 'contractPrice', 'projectType', 'greenBuilding'],
        },
        { title: '建设单位', fields: ['builder', 'contactPhone'] },
        { title: '工期与人员', fields: ['plannedStart', 'plannedCompletion', 'managers', 'safetyOfficer', 'drawingReview'] },
      ],
      controls: { projectName: { placeholder: '与立项文件一致' } },
    },
    situations: [
      { when: { question: 'Q1', answers: ['BIG'] }, require: ['managers', 'contactPhone'] },
      { when: { question: 'Q1', answers: ['BIG'] }, fields: { safetyOfficer: field.text('专职安全员', 50) }, require: ['safetyOfficer'] },
    ],
  };
}

export const CONSTRUCTION_PERMIT_CONTEXT = {
  materials: new Set(['M01', 'M05']),
  questions: new Map([['Q1', new Set(['BIG', 'SMALL'])]]),
};

/** A restaurant's food licence and its public-place hygiene licence: two forms sharing data elements. */
export function aFoodLicenceForm(): FormDefinition {
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT,
      title: '食品经营许可申请书',
      type: 'object',
      additionalProperties: false,
      required: ['creditCode', 'organisationName', 'businessAddress', 'seats'],
      properties: {
        creditCode: field.element('DE-TYSHXYDM'),
        organisationName: field.element('DE-DWMC', prefill('enterprise', 'creditCode', 'applicant.name')),
        businessAddress: field.element('DE-JYCS', { title: '经营场所（食品经营）' }),
        contactPhone: field.element('DE-LXDH'),
        seats: field.number('就餐座位数', '个', 0),
      },
    },
    layout: {
      groups: [
        { title: '经营者', fields: ['creditCode', 'organisationName', 'businessAddress', 'contactPhone'] },
        { title: '经营项目', fields: ['seats'] },
      ],
    },
  };
}

export function aHygieneLicenceForm(): FormDefinition {
  return {
    schema: {
      $schema: FORM_SCHEMA_DIALECT,
      title: '公共场所卫生许可申请表',
      type: 'object',
      additionalProperties: false,
      required: ['creditCode', 'premises', 'premisesArea', 'contactPhone'],
      properties: {
        creditCode: field.element('DE-TYSHXYDM'),
        premises: field.element('DE-JYCS'),
        businessAddress: field.text('通信地址', 200),
        premisesArea: field.element('DE-JYCSMJ'),
        contactPhone: field.element('DE-LXDH'),
      },
    },
    layout: { groups: [{ title: '单位', fields: ['creditCode', 'premises', 'businessAddress', 'premisesArea', 'contactPhone'] }] },
    situations: [
      { when: { question: 'Q1', answers: ['SWIM'] }, fields: { poolArea: field.number('游泳池面积', '平方米', 2) }, require: ['poolArea'] },
    ],
  };
}
