import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The small XML dialect department systems exchange: elements with text, nested elements, the
 * same name repeated for a list. Attributes, comments and processing instructions are read past;
 * mixed content is refused. Values are strings, as in the files. Parsing, validating and writing
 * are fast-xml-parser's; this module fixes the dialect's options and its Chinese errors.
 */
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue;
}

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/** Holds an element's text when it also has children, so mixed content can be told and refused. */
const TEXT = '#text';

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  textNodeName: TEXT,
  // The five XML entities and character references; a DOCTYPE's own entities are not expanded.
  processEntities: true,
  // Also decodes character references (&#20013;); named HTML entities are refused before parsing.
  htmlEntities: true,
});

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  ignoreAttributes: true,
  processEntities: false,
});

/** An entity reference other than the five XML ones and character references. */
const UNKNOWN_ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)[^\s<]*/;

/** Parses a document; returns the root element's name and content. */
export function parseXml(text: string): { root: string; value: XmlValue } {
  const source = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(source);
  if (valid !== true)
    throw new XmlSyntaxError(`${chineseProblem(valid.err.code, valid.err.msg)}（第 ${valid.err.line} 行第 ${valid.err.col} 列）`);
  const unknown = UNKNOWN_ENTITY.exec(withoutMarkup(source));
  if (unknown) throw new XmlSyntaxError(`未知实体 ${unknown[0].slice(0, 20)}`);
  const document = parser.parse(source) as Record<string, unknown>;
  const roots = Object.keys(document);
  if (roots.length !== 1 || Array.isArray(document[roots[0] as string])) throw new XmlSyntaxError('文档应只有一个根元素');
  const root = roots[0] as string;
  return { root, value: dialectValue(root, document[root]) };
}

/** Writes `value` under `root`, indented by two spaces, with the declaration naming the encoding. */
export function writeXml(root: string, value: XmlValue, encoding: string): string {
  const body = builder.build({ [root]: escaped(value) }) as string;
  return `<?xml version="1.0" encoding="${encoding.toUpperCase()}"?>\n${body.replace(/^\n+/, '').replace(/\n*$/, '\n')}`;
}

/** The dialect's shape: text as strings (empty elements ''), children as objects, repeated names as arrays. */
function dialectValue(name: string, node: unknown): XmlValue {
  if (node === undefined || node === null || node === '') return '';
  if (Array.isArray(node)) return node.map((element) => dialectValue(name, element));
  if (typeof node !== 'object') return String(node);
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.some(([key]) => key === TEXT)) throw new XmlSyntaxError(`元素 <${name}> 同时含有文本和子元素`);
  const value: XmlObject = {};
  for (const [child, childNode] of entries) value[child] = dialectValue(child, childNode);
  return value;
}

/** Values escaped as the dialect writes them (&, <, >, "), so the builder's output is the files' bytes. */
function escaped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(escaped);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, escaped(child)]));
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The text outside comments, CDATA sections and the DOCTYPE, where entity references are expanded. */
function withoutMarkup(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<!DOCTYPE[^>]*>/g, '');
}

/** fast-xml-parser's validation problems in Chinese; what is not listed keeps its own words. */
function chineseProblem(code: string, message: string): string {
  const names = [...message.matchAll(/'([^']+)'/g)].map((match) => match[1] as string);
  if (/^Unclosed tag/.test(message)) return `元素 <${names[0]}> 缺少结束标记 </${names[0]}>`;
  if (/^Expected closing tag/.test(message)) return `结束标记 </${names[1]}> 与开始标记 <${names[0]}> 不匹配`;
  if (/has not been opened/.test(message)) return `结束标记 </${names[0]}> 没有对应的开始标记`;
  if (/is an invalid name/.test(message)) return `元素名 ${names[0]} 不合规`;
  if (/^Extra text at the end/.test(message)) return '根元素之后还有内容';
  if (/^Start tag expected/.test(message)) return '此处应为元素开始标记';
  if (code === 'InvalidChar') return `此处不应出现该字符（${message}）`;
  if (code === 'InvalidAttr') return `属性写法不正确（${message}）`;
  return `XML 不合规（${message}）`;
}

/** Makes the named element paths arrays even when they occur once (`GDXX` with one shareholder). */
export function forceArrays(value: XmlValue, paths: readonly string[]): XmlValue {
  for (const path of paths) {
    const steps = path.split('.');
    const visit = (node: XmlValue, index: number): void => {
      if (Array.isArray(node)) return node.forEach((element) => visit(element, index));
      if (typeof node !== 'object') return;
      const key = steps[index] as string;
      const child = node[key];
      if (child === undefined) return;
      if (index === steps.length - 1) {
        if (!Array.isArray(child)) node[key] = [child];
        return;
      }
      visit(child, index + 1);
    };
    visit(value, 0);
  }
  return value;
}
