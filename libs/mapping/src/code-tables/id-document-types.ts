import { defineCodeTable } from './define';

/**
 * 证件类型: the commonly used identity document codes of the public-security standard for
 * document codes (公安部 常用证件代码), a subset. Departments' interface documents usually cite
 * these codes; check each department's own list before relying on a code outside this subset.
 */
export const ID_DOCUMENT_TYPES = defineCodeTable({
  name: '证件类型',
  version: '2024',
  title: '常用证件代码（子集）',
  entries: [
    { code: '111', label: '居民身份证' },
    { code: '112', label: '临时居民身份证' },
    { code: '113', label: '户口簿' },
    { code: '114', label: '中国人民解放军军官证' },
    { code: '414', label: '普通护照' },
    { code: '511', label: '台湾居民来往大陆通行证' },
    { code: '516', label: '港澳居民来往内地通行证' },
    { code: '553', label: '外国人永久居留身份证' },
    { code: '990', label: '其他证件' },
  ],
});
