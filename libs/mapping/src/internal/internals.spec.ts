import fc from 'fast-check';
import { compileDateFormat, parseTimeZone, type DateCodec } from './dates';
import { decimalToNumber, decimalToString, inverseDecimal, multiply, parseDecimal, roundDecimal, type Decimal } from './decimal';
import { parsePath } from './paths';

function codec(format: string): DateCodec {
  const compiled = compileDateFormat(format);
  if (typeof compiled === 'string') throw new Error(compiled);
  return compiled;
}

describe('date formats', () => {
  it('read back every instant they write, at their precision, in any fixed offset', () => {
    const formats = ["yyyy-MM-dd'T'HH:mm:ss.SSS", 'iso8601', 'epoch-millis'].map(codec);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9998, 11, 31) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (epoch, offset) => {
          for (const format of formats) expect(format.parse(format.format(epoch, offset), offset)).toBe(epoch);
        },
      ),
    );
  });

  it('agree with the JavaScript Date on every instant from year 0 to 9999', () => {
    const iso = codec('iso8601');
    fc.assert(
      // -62167219200000 is 0000-01-01T00:00:00Z (Date.UTC would read year 0 as 1900).
      fc.property(fc.integer({ min: -62_167_219_200_000, max: Date.UTC(9999, 11, 31) }), (epoch) => {
        const expected = new Date(epoch).toISOString().replace(/\.000Z$/, 'Z');
        expect(iso.format(epoch, 0)).toBe(expected);
        expect(iso.parse(expected, 0)).toBe(epoch);
      }),
      { numRuns: 500 },
    );
  });

  it('read years before 100 literally', () => {
    const format = codec('yyyy-MM-dd');
    expect(format.format(format.parse('0099-03-01', 0) as number, 0)).toBe('0099-03-01');
  });

  it('refuse a year they cannot write', () => {
    expect(codec('yyyy-MM-dd').format(Date.UTC(10000, 0, 1), 0)).toBeUndefined();
  });

  it('know the fixed-offset zones and offsets', () => {
    expect([
      parseTimeZone('Asia/Shanghai'),
      parseTimeZone('+08:00'),
      parseTimeZone('-0530'),
      parseTimeZone('UTC'),
      parseTimeZone('+15:00'),
      parseTimeZone('America/New_York'),
    ]).toEqual([480, 480, -330, 0, undefined, undefined]);
  });
});

describe('decimals', () => {
  const decimal = (text: string) => parseDecimal(text) as Decimal;

  it('scale by powers of ten and back without error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: -8, max: 8 }),
        (units, places, shift) => {
          const value = units / 10 ** places;
          const factor: Decimal = { mantissa: 1n, exponent: shift };
          const there = multiply(parseDecimal(value) as Decimal, factor);
          const back = multiply(there, inverseDecimal(factor) as Decimal);
          expect(decimalToNumber(back)).toBe(value === 0 ? 0 : value);
        },
      ),
    );
  });

  it('write plain notation', () => {
    expect(decimalToString(decimal('1e21'))).toBe('1000000000000000000000');
    expect(decimalToString(decimal('-0.00012'), 6)).toBe('-0.000120');
    expect(decimalToString(decimal('12'), 2)).toBe('12.00');
  });

  it('round each way', () => {
    const round = (text: string, mode: Parameters<typeof roundDecimal>[2]) => {
      const rounded = roundDecimal(decimal(text), 0, mode);
      return rounded && decimalToString(rounded);
    };
    expect(['2.5', '-2.5', '3.5', '2.4'].map((text) => round(text, 'half-up'))).toEqual(['3', '-3', '4', '2']);
    expect(['2.5', '-2.5', '3.5', '2.6'].map((text) => round(text, 'half-even'))).toEqual(['2', '-2', '4', '3']);
    expect(['2.9', '-2.9'].map((text) => round(text, 'down'))).toEqual(['2', '-2']);
    expect(['2.1', '-2.1'].map((text) => round(text, 'up'))).toEqual(['3', '-3']);
    expect(round('2.1', 'exact')).toBeUndefined();
  });

  it('invert only factors whose inverse is a finite decimal', () => {
    expect(decimalToString(inverseDecimal(decimal('0.0008')) as Decimal)).toBe('1250');
    expect(inverseDecimal(decimal('3'))).toBeUndefined();
  });

  it('refuse text that is not a plain number', () => {
    for (const text of ['', '1,000', '0x10', 'Infinity', '1e99999', '.5', '5.']) expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('paths', () => {
  it('parse array levels and indices', () => {
    expect(parsePath('a.b[].c[0].d[]')).toEqual({
      text: 'a.b[].c[0].d[]',
      levels: [['a', 'b'], ['c', 0, 'd'], []],
      arrayPrefix: 'a.b[].c[0].d[]',
    });
    expect(parsePath('企业.名称')).toEqual({ text: '企业.名称', levels: [['企业', '名称']], arrayPrefix: '' });
  });

  it('refuse malformed paths', () => {
    for (const text of ['[]', 'a[]]', 'a.', '.a', 'a b', 'a[1x]', 'a[]b', 'constructor']) expect(typeof parsePath(text)).toBe('string');
  });
});
