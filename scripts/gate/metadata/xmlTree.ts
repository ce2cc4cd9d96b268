/**
 * A small XML reader that keeps line numbers, which the gate needs to point at a defect.
 * Metadata files are plain XML: a declaration, elements, attributes, text, comments and
 * occasionally CDATA. Anything malformed throws an XmlSyntaxError naming the line.
 */
export interface XmlElement {
  name: string;
  line: number;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message);
  }
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[entity]) return named[entity];
    return String.fromCodePoint(
      entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
    );
  });
}

export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  for (const match of source.matchAll(TOKEN)) {
    const [token, cdata, closing, opening, attributeText, selfClosing, text, stray] = match;
    const tokenLine = line;
    line += (token.match(/\n/g) ?? []).length;
    if (stray) throw new XmlSyntaxError('a "<" that starts no valid tag', tokenLine);
    if (text !== undefined || cdata !== undefined) {
      const value = cdata ?? decode(text);
      if (stack.length > 0) stack[stack.length - 1].text += value;
      else if (value.trim()) throw new XmlSyntaxError('text outside the root element', tokenLine);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`closing tag </${closing}> with no open element`, tokenLine);
      if (open.name !== closing) {
        throw new XmlSyntaxError(
          `closing tag </${closing}> does not match <${open.name}> opened on line ${open.line}`,
          tokenLine
        );
      }
      continue;
    }
    if (opening) {
      const attributes: Record<string, string> = {};
      for (const a of (attributeText ?? '').matchAll(ATTRIBUTE))
        attributes[a[1]] = decode(a[2] ?? a[3] ?? '');
      const element: XmlElement = { name: opening, line: tokenLine, attributes, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) throw new XmlSyntaxError(`a second root element <${opening}>`, tokenLine);
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0)
    throw new XmlSyntaxError(
      `<${stack[stack.length - 1].name}> is never closed`,
      stack[stack.length - 1].line
    );
  if (!root) throw new XmlSyntaxError('no root element', 1);
  return root;
}

/** The local name of an element (without a namespace prefix). */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => localName(c.name) === name);
}

export function childText(element: XmlElement, name: string): string | undefined {
  return child(element, name)?.text.trim();
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => localName(c.name) === name);
}
