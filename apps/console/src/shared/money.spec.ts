import { describe, expect, it } from 'vitest';
import { formatFen, parseYuanToFen } from './money';

describe('money', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('免费');
    expect(formatFen(null)).toBe('—');
  });

  it('reads an amount typed in yuan into exact fen', () => {
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen('¥1,200.00')).toBe(120000);
    expect(parseYuanToFen('0.07')).toBe(7);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('十元')).toBeNull();
    expect(parseYuanToFen('')).toBeNull();
  });
});
