import { defineCodeTable } from './define';

/**
 * GB/T 2260 中华人民共和国行政区划代码, the 聊城市 part only, as published by 民政部 for 2023
 * (茌平县 371523 became 茌平区 371503 in 2019). Load a full table as another CodeTable with the
 * same name and a newer version when a spec needs more.
 */
export const DIVISIONS_GB_T_2260_LIAOCHENG = defineCodeTable({
  name: 'GB/T 2260',
  version: '2023',
  title: '行政区划代码（聊城市）',
  entries: [
    { code: '371500', label: '聊城市' },
    { code: '371502', label: '东昌府区' },
    { code: '371503', label: '茌平区' },
    { code: '371521', label: '阳谷县' },
    { code: '371522', label: '莘县' },
    { code: '371524', label: '东阿县' },
    { code: '371525', label: '冠县' },
    { code: '371526', label: '高唐县' },
    { code: '371581', label: '临清市' },
  ],
});
