// Reads Metadata API source files (`*-meta.xml`) into plain objects. Every element value stays a
// string (parseTagValue off) so that `0012` or `1,5,9` are never turned into numbers by accident;
// callers convert with the helpers below, which say how a missing element reads.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/** An element: text, nested elements, or both (text under `#text`, attributes under `@_name`). */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true
});

/** The root element of a metadata file (e.g. the `CustomField` node), without the XML declaration. */
export function readMetadataFile(file: string, rootName: string): XmlNode {
  const parsed = parser.parse(readFileSync(file, 'utf8')) as XmlNode;
  const root = parsed[rootName];
  if (root === undefined) throw new Error(`${file}: expected root element <${rootName}>`);
  // An empty root (<CustomObject/>) parses to ''.
  return typeof root === 'object' && !Array.isArray(root) ? root : {};
}

/** All children with this name, as a list whether the file had zero, one or many. */
export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) =>
    typeof item === 'object' && !Array.isArray(item) ? item : { '#text': item as string }
  );
}

/** The text of a child element, or undefined when absent or nil. */
export function text(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  if (value === undefined || Array.isArray(value)) return undefined;
  if (typeof value === 'string') return value;
  if (value['@_xsi:nil'] === 'true') return undefined;
  const inner = value['#text'];
  return typeof inner === 'string' ? inner : '';
}

/** All texts of a repeated simple element (e.g. `<columns>`). */
export function texts(node: XmlNode, name: string): string[] {
  return children(node, name).map((child) => text(child, '#text') ?? '');
}

/** A boolean element; absent reads as `false`, which is the Metadata API default for the flags used here. */
export function flag(node: XmlNode, name: string): boolean {
  return text(node, name) === 'true';
}

/** A numeric element, or undefined when absent. */
export function num(node: XmlNode, name: string): number | undefined {
  const value = text(node, name);
  return value === undefined || value === '' ? undefined : Number(value);
}
