import { escapeHtml } from './escape-html';

/** The A4 print style every printed page of the platform shares (receipts, notices, decision documents, licences). */
const PRINT_STYLE = `
  @page { size: A4; margin: 18mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; color: #000; max-width: 780px; margin: 24px auto; line-height: 1.7; }
  h1 { text-align: center; font-size: 22px; letter-spacing: 2px; }
  table { width: 100%; border-collapse: collapse; margin: 12px 0; font-size: 14px; }
  th, td { border: 1px solid #000; padding: 6px; vertical-align: top; text-align: left; }
  th { background: #f2f2f2; white-space: nowrap; }
  .number { font-family: monospace; font-size: 15px; }
  .stamp, .resolved { text-align: right; margin-top: 32px; }
  @media print { body { margin: 0; } }`;

/**
 * A complete printable Chinese page (A4, print stylesheet). The title is escaped here; the body
 * is the caller's markup, every value in it escaped with `escapeHtml`.
 */
export function printablePage(title: string, body: string, extraStyle = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${PRINT_STYLE}${extraStyle}
</style></head>
<body>
${body}
</body></html>
`;
}

/** `2026-03-05` → `2026年3月5日`, as an official document (公文) writes a date. */
export function documentDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
}
