import { jsonNestingDepth } from './body-limits';

const depthOf = (text: string, stopAbove?: number) => jsonNestingDepth(Buffer.from(text, 'utf8'), stopAbove);

describe('the nesting depth of a JSON body', () => {
  it('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(depthOf('{}')).toBe(1);
    expect(depthOf('{"applicant":{"name":"王小明"},"itemCodes":["A","B"]}')).toBe(2);
    expect(depthOf('{"comment":"{[{[{[ 括号 \\" {[{[ "}')).toBe(1);
    expect(depthOf('{"a":"\\\\","b":[[1]]}')).toBe(3);
    expect(depthOf('"text"')).toBe(0);
  });

  it('reads a body nested thousands deep without recursion, and stops counting past the limit', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(depthOf(deep)).toBe(100_000);
    expect(depthOf(deep, 32)).toBe(33);
  });
});
