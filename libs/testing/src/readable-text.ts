const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * The text a person reads on a printed HTML page: no markup, styles or scripts, entities decoded,
 * white space folded. Tests of receipts and documents assert on this, not on the markup.
 */
export function readableText(html: string): string {
  return (
    html
      .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|tr|li|h\d|table|section)>/gi, '\n')
      // Inline markup joins its text to what surrounds it; other tags separate words (table cells).
      .replace(/<\/?(span|strong|em|b|i|a|small|sup|sub)\b[^>]*>/gi, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] as string)
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n[\s]*/g, '\n')
      .trim()
  );
}
