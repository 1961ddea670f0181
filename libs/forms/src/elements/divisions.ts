/**
 * 行政区划 (GB/T 2260) as forms show them: the county-level divisions of 聊城市 with their full
 * names, as published by 民政部 for 2023. An address field stores the code; other codes of a valid
 * province are accepted and shown as their code until a fuller table is loaded here.
 */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export const DIVISIONS: ReadonlyArray<{ code: string; name: string }> = [
  { code: '371502', name: '山东省聊城市东昌府区' },
  { code: '371503', name: '山东省聊城市茌平区' },
  { code: '371521', name: '山东省聊城市阳谷县' },
  { code: '371522', name: '山东省聊城市莘县' },
  { code: '371524', name: '山东省聊城市东阿县' },
  { code: '371525', name: '山东省聊城市冠县' },
  { code: '371526', name: '山东省聊城市高唐县' },
  { code: '371581', name: '山东省聊城市临清市' },
];

const NAMES = new Map(DIVISIONS.map((division) => [division.code, division.name]));

export function divisionName(code: string): string | undefined {
  return NAMES.get(code);
}

/** A six-digit code of a real province; the county part is checked against the table where it is known. */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2)) && code.slice(4) !== '00';
}
