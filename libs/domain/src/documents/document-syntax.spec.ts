import { parse as parseYaml } from 'yaml';
import { describeSyntaxError } from './document-syntax';

function yamlProblem(text: string): string {
  try {
    parseYaml(text);
  } catch (error) {
    return describeSyntaxError(error, 'YAML', text);
  }
  throw new Error('the text parsed');
}

function jsonProblem(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeSyntaxError(error, 'JSON', text);
  }
  throw new Error('the text parsed');
}

describe('a file that cannot be read', () => {
  it('is explained in Chinese with the line and column of a YAML mistake', () => {
    expect(yamlProblem('departments: [\n  - code: DCF-SCJGJ')).toBe(
      '文件无法解析为YAML：第2行第3列，方括号或花括号内不能再写换行的“- ”列表',
    );
    expect(yamlProblem('code: A\ncode: B')).toBe('文件无法解析为YAML：第2行第1列，同一层级出现了重复的字段名');
    expect(yamlProblem('items:\n\t- code: A')).toBe('文件无法解析为YAML：第2行第1列，不能用 Tab 缩进，请改用空格');
    expect(yamlProblem('name: "食品经营许可')).toBe('文件无法解析为YAML：第1行第14列，缺少配对的引号或括号');
  });

  it('is explained in Chinese with the line and column of a JSON mistake, counted from the offset', () => {
    expect(jsonProblem('{\n  "code": "A",\n}')).toBe('文件无法解析为JSON：第3行第1列，格式不合规（请检查引号、逗号和括号）');
    expect(jsonProblem('{"items": [')).toBe('文件无法解析为JSON：内容不完整（文件提前结束）');
  });

  it('refuses a file whose aliases would expand without bound, in Chinese', () => {
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 6 }, (_, i) => `${'bcdefg'[i]}: &${'bcdefg'[i]} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`),
    ].join('\n');
    let problem = '';
    try {
      parseYaml(laughs, { maxAliasCount: 100 });
    } catch (error) {
      problem = describeSyntaxError(error, 'YAML', laughs);
    }
    expect(problem).toBe('文件无法解析为YAML：引用（*别名）展开过多');
  });

  it('never passes the parser’s English on', () => {
    for (const text of ['a: [b', 'a: b: c', '- a\nb: c']) expect(yamlProblem(text).replace('YAML', '')).not.toMatch(/[A-Za-z]{3,}/);
    for (const text of ['{', '{"a" 1}', 'nope']) expect(jsonProblem(text).replace('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
