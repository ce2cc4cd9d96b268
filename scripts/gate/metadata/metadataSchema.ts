import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { registry } from '@salesforce/source-deploy-retrieve';

/**
 * The Metadata API element model: for every metadata type, its elements in WSDL order with
 * their types, whether they repeat or are required, and the allowed values of enumerations.
 * It is read from `@salesforce/types`, whose `metadata.d.ts` is generated from a current
 * Metadata WSDL (jsforce's bundled schema predates API 47 and lacks, for example, FlexiPage
 * `itemInstances`).
 */
export interface ElementRule {
  name: string;
  /** A complex type's name, or a primitive: string, number, boolean, any. */
  type: string;
  repeated: boolean;
  required: boolean;
}

interface TypeModel {
  bases: string[];
  elements: ElementRule[];
}

let model: { types: Map<string, TypeModel>; enums: Map<string, Set<string>> } | undefined;

function load(): NonNullable<typeof model> {
  if (model) return model;
  // The package exports only its JavaScript entry points; the declarations sit beside them.
  const file = require.resolve('@salesforce/types/metadata').replace(/\.js$/, '.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const types = new Map<string, TypeModel>();
  const enums = new Map<string, Set<string>>();
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const name = statement.name.text;
    const body = statement.type;
    if (
      ts.isUnionTypeNode(body) &&
      body.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))
    ) {
      enums.set(
        name,
        new Set(body.types.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text))
      );
      continue;
    }
    const parts = ts.isIntersectionTypeNode(body) ? [...body.types] : [body];
    const typeModel: TypeModel = { bases: [], elements: [] };
    for (const part of parts) {
      if (ts.isTypeReferenceNode(part)) typeModel.bases.push(part.typeName.getText(source));
      if (!ts.isTypeLiteralNode(part)) continue;
      for (const member of part.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const repeated = ts.isArrayTypeNode(member.type);
        const elementType = repeated ? (member.type as ts.ArrayTypeNode).elementType : member.type;
        typeModel.elements.push({
          name: member.name.getText(source),
          type: elementType.getText(source),
          repeated,
          // The generator types every list as required; a list may be empty, so it never is.
          required: !member.questionToken && !repeated
        });
      }
    }
    types.set(name, typeModel);
  }
  model = { types, enums };
  return model;
}

export function isComplexType(type: string): boolean {
  return load().types.has(type);
}

/** The allowed values of an enumeration type, or undefined for any other type. */
export function enumValues(type: string): Set<string> | undefined {
  return load().enums.get(type);
}

const elementCache = new Map<string, ElementRule[]>();

/** The elements of a type, base types' first (XSD extension order). */
export function elementsOf(typeName: string): ElementRule[] {
  const cached = elementCache.get(typeName);
  if (cached) return cached;
  const type = load().types.get(typeName);
  if (!type) return [];
  const elements = [...type.bases.flatMap((base) => elementsOf(base)), ...type.elements];
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
