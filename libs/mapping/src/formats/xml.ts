/**
 * The small XML dialect department systems exchange: elements with text, nested elements, the
 * same name repeated for a list. Attributes, comments and processing instructions are read past;
 * mixed content is refused. Values are strings, as in the files.
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

const NAME = /^[A-Za-z_\u4e00-\u9fa5][\w.\-\u4e00-\u9fa5]*/;

/** Parses a document; returns the root element's name and content. */
export function parseXml(text: string): { root: string; value: XmlValue } {
  const parser = new Parser(text.replace(/^\uFEFF/, ''));
  parser.skipMisc();
  const element = parser.element();
  parser.skipMisc();
  if (!parser.atEnd()) throw new XmlSyntaxError(`根元素 <${element.name}> 之后还有内容（位置 ${parser.position}）`);
  return { root: element.name, value: element.value };
}

/** Writes `value` under `root`, indented by two spaces, with the declaration naming the encoding. */
export function writeXml(root: string, value: XmlValue, encoding: string): string {
  const lines = [`<?xml version="1.0" encoding="${encoding.toUpperCase()}"?>`];
  writeElement(lines, root, value, '');
  return `${lines.join('\n')}\n`;
}

function writeElement(lines: string[], name: string, value: unknown, indent: string): void {
  if (Array.isArray(value)) {
    for (const element of value) writeElement(lines, name, element, indent);
    return;
  }
  if (value !== null && typeof value === 'object') {
    lines.push(`${indent}<${name}>`);
    for (const [child, childValue] of Object.entries(value)) writeElement(lines, child, childValue, `${indent}  `);
    lines.push(`${indent}</${name}>`);
    return;
  }
  const text = value === null || value === undefined ? '' : String(value);
  lines.push(text === '' ? `${indent}<${name}/>` : `${indent}<${name}>${escapeXml(text)}</${name}>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string, at: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const replaced = ENTITIES[entity];
    if (replaced === undefined) throw new XmlSyntaxError(`未知实体 ${whole}（位置 ${at}）`);
    return replaced;
  });
}

class Parser {
  position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** Whitespace, the declaration, comments and processing instructions. */
  skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('<?', this.position)) this.skipPast('?>');
      else if (this.text.startsWith('<!--', this.position)) this.skipPast('-->');
      else if (this.text.startsWith('<!DOCTYPE', this.position)) this.skipPast('>');
      else return;
    }
  }

  element(): { name: string; value: XmlValue } {
    if (this.text[this.position] !== '<') throw new XmlSyntaxError(`此处应为元素开始标记（位置 ${this.position}）`);
    this.position += 1;
    const name = this.name();
    // Attributes are read past: the dialect carries data in elements.
    const close = this.text.indexOf('>', this.position);
    if (close < 0) throw new XmlSyntaxError(`元素 <${name}> 的开始标记未结束`);
    const selfClosing = this.text[close - 1] === '/';
    this.position = close + 1;
    if (selfClosing) return { name, value: '' };
    const children: Array<{ name: string; value: XmlValue }> = [];
    let text = '';
    for (;;) {
      if (this.atEnd()) throw new XmlSyntaxError(`元素 <${name}> 缺少结束标记 </${name}>`);
      if (this.text.startsWith('</', this.position)) {
        this.position += 2;
        const end = this.name();
        if (end !== name) throw new XmlSyntaxError(`结束标记 </${end}> 与开始标记 <${name}> 不匹配（位置 ${this.position}）`);
        this.skipSpace();
        if (this.text[this.position] !== '>') throw new XmlSyntaxError(`结束标记 </${end}> 未结束`);
        this.position += 1;
        break;
      }
      if (this.text.startsWith('<!--', this.position)) this.skipPast('-->');
      else if (this.text.startsWith('<![CDATA[', this.position)) {
        const end = this.text.indexOf(']]>', this.position);
        if (end < 0) throw new XmlSyntaxError('CDATA 段未结束');
        text += this.text.slice(this.position + 9, end);
        this.position = end + 3;
      } else if (this.text[this.position] === '<') children.push(this.element());
      else {
        const next = this.text.indexOf('<', this.position);
        const end = next < 0 ? this.text.length : next;
        text += unescapeXml(this.text.slice(this.position, end), this.position);
        this.position = end;
      }
    }
    if (children.length === 0) return { name, value: text.trim() };
    if (text.trim() !== '') throw new XmlSyntaxError(`元素 <${name}> 同时含有文本和子元素`);
    const value: XmlObject = {};
    for (const child of children) {
      const existing = value[child.name];
      // An element's own value is never an array, so an array here is a repeated name.
      if (existing === undefined) value[child.name] = child.value;
      else if (Array.isArray(existing)) existing.push(child.value);
      else value[child.name] = [existing, child.value];
    }
    return { name, value };
  }

  private name(): string {
    const match = NAME.exec(this.text.slice(this.position, this.position + 200));
    if (!match) throw new XmlSyntaxError(`此处应为元素名（位置 ${this.position}）`);
    this.position += match[0].length;
    return match[0];
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position] as string)) this.position += 1;
  }

  private skipPast(end: string): void {
    const at = this.text.indexOf(end, this.position);
    if (at < 0) throw new XmlSyntaxError(`"${end}" 缺失（位置 ${this.position}）`);
    this.position = at + end.length;
  }
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
