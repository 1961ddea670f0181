/** Fees are kept in 分 (fen, 1/100 元) as integers; shown in 元 with two decimals. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  if (fen === 0) return '免费';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('zh-CN');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * 元 typed by a clerk (`12.5`, `1,200.00`) → fen, or null when it is not an amount with at most
 * two decimals. Parsed from the digits, never through floating point.
 */
export function parseYuanToFen(text: string): number | null {
  const cleaned = text.replace(/[,，\s]/g, '').replace(/^¥/, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
