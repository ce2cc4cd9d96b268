import { ApiSchemas } from '@jsforce/jsforce-node/lib/api/metadata/schema';
import { registry } from '@salesforce/source-deploy-retrieve';

/**
 * The Metadata API element model: for every metadata type, its elements in WSDL order with
 * their types and whether they are required, as generated from the Metadata WSDL (jsforce).
 */
export interface ElementRule {
  name: string;
  /** A schema type name, or a primitive: string, number, boolean, any. */
  type: string;
  repeated: boolean;
  required: boolean;
}

type PropSpec = string | string[] | Record<string, unknown>;
const schemas = ApiSchemas as unknown as Record<
  string,
  { props: Record<string, PropSpec>; extends?: string }
>;

const elementCache = new Map<string, ElementRule[]>();

export function isComplexType(type: string): boolean {
  return type in schemas;
}

/** The elements of a type, base type's first (XSD extension order). */
export function elementsOf(typeName: string): ElementRule[] {
  const cached = elementCache.get(typeName);
  if (cached) return cached;
  const schema = schemas[typeName];
  if (!schema) return [];
  const own = Object.entries(schema.props).map(([name, spec]): ElementRule => {
    if (Array.isArray(spec))
      return { name, type: String(spec[0]).replace(/^\?/, ''), repeated: true, required: false };
    const text = String(spec);
    return { name, type: text.replace(/^\?/, ''), repeated: false, required: !text.startsWith('?') };
  });
  const elements = [...(schema.extends ? elementsOf(schema.extends) : []), ...own];
  elementCache.set(typeName, elements);
  return elements;
}

/** Metadata type of a source file, from its `<name>.<suffix>-meta.xml` suffix. */
export function metadataTypeForFile(fileName: string): string | undefined {
  const match = /\.([A-Za-z0-9]+)-meta\.xml$/.exec(fileName);
  if (!match) return undefined;
  if (match[1] === 'js') return 'LightningComponentBundle';
  return suffixIndex().get(match[1]);
}

let suffixes: Map<string, string> | undefined;
function suffixIndex(): Map<string, string> {
  if (suffixes) return suffixes;
  suffixes = new Map();
  // Top-level types first: a child type sharing its parent's suffix (CustomLabel in a
  // .labels file) does not name the file's root element.
  const types = Object.values(registry.types);
  for (const type of types)
    if (type.suffix && !suffixes.has(type.suffix)) suffixes.set(type.suffix, type.name);
  for (const type of types) {
    for (const childType of Object.values(type.children?.types ?? {})) {
      if (childType.suffix && !suffixes.has(childType.suffix)) suffixes.set(childType.suffix, childType.name);
    }
  }
  return suffixes;
}
