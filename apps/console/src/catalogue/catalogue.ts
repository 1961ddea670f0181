/**
 * 事项目录 as the administrator reads it: an item's key facts, its materials, the versions, the
 * exported file's name, and what an import did (the new versions) or why it was refused.
 */
import { formatFen } from '@/shared/money';
import { HANDLING_TYPE_LABELS, LEVEL_LABELS, MATERIAL_FORM_LABELS, labelOf } from '@/shared/labels';
import type { CatalogueFormat, ImportSummaryView, ServiceItemView } from './catalogue-api';

/** `事项目录-2026-12-07.json`: the day (China time) the file was taken. */
export function exportFileName(today: string, format: CatalogueFormat): string {
  return `事项目录-${today}.${format === 'yaml' ? 'yaml' : 'json'}`;
}

/** The format of an uploaded catalogue file, by its name (`.yaml`/`.yml`, else JSON). */
export function catalogueFormatOf(fileName: string): CatalogueFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

export interface ImportedVersion {
  kind: '事项' | '一件事';
  code: string;
  version: number;
}

/** The versions an import wrote (`DCF-ZJ-XK-012@3`), items first. */
export function importedVersions(summary: ImportSummaryView): ImportedVersion[] {
  const read = (kind: ImportedVersion['kind']) => (entry: string) => {
    const at = entry.lastIndexOf('@');
    return { kind, code: entry.slice(0, at), version: Number(entry.slice(at + 1)) };
  };
  return [...summary.itemsCreatedOrChanged.map(read('事项')), ...summary.bundlesCreatedOrChanged.map(read('一件事'))];
}

/** One line saying what an import did. */
export function importSummaryText(summary: ImportSummaryView): string {
  const written = summary.itemsCreatedOrChanged.length + summary.bundlesCreatedOrChanged.length;
  const unchanged = `${summary.unchanged.items}个事项、${summary.unchanged.bundles}个一件事未变`;
  return written === 0
    ? `导入完成：没有变化（${unchanged}）`
    : `导入完成：新增或修改${summary.itemsCreatedOrChanged.length}个事项、${summary.bundlesCreatedOrChanged.length}个一件事，各生成新版本；${unchanged}`;
}

/** The facts of an item version shown above its materials and form. */
export function itemFacts(item: ServiceItemView): Array<{ label: string; value: string }> {
  const fee = item.fee.charged
    ? `收费${item.fee.amountFen === undefined ? '' : `：${formatFen(item.fee.amountFen)}`}${item.fee.basis ? `（${item.fee.basis}）` : ''}`
    : '不收费';
  return [
    { label: '事项编码', value: item.code },
    { label: '实施部门', value: `${item.departmentName}（${item.departmentCode}）` },
    { label: '办件类型', value: labelOf(HANDLING_TYPE_LABELS, item.handlingType) },
    { label: '法定时限', value: `${item.legalWorkingDays}个工作日` },
    { label: '承诺时限', value: `${item.committedWorkingDays}个工作日` },
    { label: '受理层级', value: item.levels.map((level) => labelOf(LEVEL_LABELS, level)).join('、') },
    { label: '收费', value: fee },
    { label: '部门系统办理', value: item.handledInDepartmentSystem ? '是（经联通桥推送）' : '否' },
    { label: '设定依据', value: item.legalBasis.join('；') },
    { label: '监管部门', value: item.supervisingDepartments.map((department) => department.name).join('、') || '无' },
  ];
}

export interface MaterialRow {
  code: string;
  name: string;
  form: string;
  copies: number;
  when: string;
  options: string;
  requirement: string;
}

/** The material list: what, in which form, when a situation asks for it, and whether it may follow later (容缺) or be pledged (告知承诺). */
export function materialRows(item: ServiceItemView): MaterialRow[] {
  return item.materials.map((material) => {
    const question = material.when ? item.questions.find((candidate) => candidate.code === material.when!.question) : undefined;
    const answers = material.when
      ? material.when.answers.map((answer) => question?.options.find((option) => option.code === answer)?.label ?? answer)
      : [];
    return {
      code: material.code,
      name: material.name,
      form: labelOf(MATERIAL_FORM_LABELS, material.form),
      copies: material.copies,
      when: material.when ? `${question?.text ?? material.when.question}：${answers.join('或')}` : '必交',
      options: [material.mayFollowLater ? '可容缺' : '', material.pledgeAllowed ? '可告知承诺' : ''].filter(Boolean).join('、') || '—',
      requirement: material.requirement,
    };
  });
}
