import { defineCodeTable } from './define';

/**
 * GB/T 2261.1-2003 个人基本信息分类与代码 第1部分：人的性别代码. The standard names the values
 * 男性 / 女性 / 未知的性别 / 未说明的性别; department systems display the short forms used here.
 */
export const SEX_GB_T_2261_1 = defineCodeTable({
  name: 'GB/T 2261.1',
  version: '2003',
  title: '人的性别代码',
  entries: [
    { code: '0', label: '未知' },
    { code: '1', label: '男' },
    { code: '2', label: '女' },
    { code: '9', label: '未说明' },
  ],
});
