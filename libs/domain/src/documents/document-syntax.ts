/** The document formats an administrator uploads or a service reads from a file. */
export type DocumentFormat = 'YAML' | 'JSON';

/** What the YAML parser's error codes mean, said to the administrator who wrote the file. */
const YAML_PROBLEMS: Readonly<Record<string, string>> = {
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  DUPLICATE_KEY: '同一层级出现了重复的字段名',
  BLOCK_IN_FLOW: '方括号或花括号内不能再写换行的“- ”列表',
  BLOCK_AS_IMPLICIT_KEY: '同一行内不能嵌套“键: 值”，请换行缩进',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行',
  MISSING_CHAR: '缺少配对的引号或括号',
  UNEXPECTED_TOKEN: '出现了此处不应有的字符',
  BAD_SCALAR_START: '值的开头字符不合规，请加引号',
  BAD_DQ_ESCAPE: '双引号内的转义字符不合规',
  BAD_ALIAS: '引用（*别名）不合规',
  KEY_OVER_1024_CHARS: '字段名过长',
};

/**
 * Says in Chinese where and why a YAML or JSON text could not be read: the line and column and
 * what is wrong there, never the parser's English. `text` is what was parsed (a JSON error only
 * gives an offset into it).
 */
export function describeSyntaxError(error: unknown, format: DocumentFormat, text: string): string {
  const yaml = yamlErrorOf(error);
  if (yaml) {
    const where = yaml.linePos?.[0];
    const what = YAML_PROBLEMS[yaml.code] ?? '格式不合规';
    return where ? `文件无法解析为${format}：第${where.line}行第${where.col}列，${what}` : `文件无法解析为${format}：${what}`;
  }
  const message = error instanceof Error ? error.message : '';
  // yaml refuses a file whose aliases would expand without bound (a "billion laughs" file).
  if (/alias/i.test(message)) return `文件无法解析为${format}：引用（*别名）展开过多`;
  if (/Unexpected end of JSON input/.test(message) || text.trim() === '') return `文件无法解析为${format}：内容不完整（文件提前结束）`;
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return `文件无法解析为${format}：第${line}行第${column}列，格式不合规（请检查引号、逗号和括号）`;
  }
  return `文件无法解析为${format}：格式不合规（请检查引号、逗号和括号）`;
}

interface YamlErrorShape {
  code: string;
  linePos?: readonly { line: number; col: number }[];
}

/** The `yaml` package's YAMLParseError, recognised by shape so this library does not depend on it. */
function yamlErrorOf(error: unknown): YamlErrorShape | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  if (error.name !== 'YAMLParseError' && error.name !== 'YAMLWarning') return null;
  const linePos = 'linePos' in error && Array.isArray(error.linePos) ? (error.linePos as YamlErrorShape['linePos']) : undefined;
  return { code: error.code, linePos };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
