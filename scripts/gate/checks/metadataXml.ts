import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { count, type CheckResult, type Finding } from '../finding';
import {
  elementsOf,
  enumValues,
  isComplexType,
  metadataTypeForFile,
  type ElementRule
} from '../metadata/metadataSchema';
import { localName, parseXml, XmlSyntaxError, type XmlElement } from '../metadata/xmlTree';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * Every metadata file is well-formed and uses only the elements the Metadata API defines for
 * its type, in the order the API requires, with required elements present and booleans and
 * numbers well typed: the defects that otherwise surface only when a deploy is refused.
 */
const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
// Elements the WSDL types as a string but that hold markup of their own.
const OPAQUE_ELEMENTS = new Set(['LightningComponentBundle.targetConfigs']);

export function checkMetadataXml(projectDir: string): CheckResult {
  const files = listFiles(projectDir, ['-meta.xml']).filter((f) => !f.includes('node_modules'));
  const findings: Finding[] = [];
  let elements = 0;
  for (const file of files) {
    const where = displayPath(projectDir, file);
    const type = metadataTypeForFile(basename(file));
    if (!type) {
      findings.push({
        file: where,
        line: 1,
        message: `no metadata type has the suffix of "${basename(file)}"`
      });
      continue;
    }
    let root: XmlElement;
    try {
      root = parseXml(readFileSync(file, 'utf8'));
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      findings.push({ file: where, line: error.line, message: `malformed XML: ${error.message}` });
      continue;
    }
    if (localName(root.name) !== type) {
      findings.push({
        file: where,
        line: root.line,
        message: `root element <${root.name}> should be <${type}> for this file type`
      });
      continue;
    }
    if (root.attributes.xmlns !== METADATA_NAMESPACE) {
      findings.push({
        file: where,
        line: root.line,
        message: `root element must declare xmlns="${METADATA_NAMESPACE}"`
      });
    }
    elements += validate(root, type, where, findings);
  }
  return {
    summary: `${count(files.length, 'metadata file')}, ${count(elements, 'element')} checked against the Metadata API schema`,
    findings
  };
}

function validate(element: XmlElement, type: string, file: string, findings: Finding[]): number {
  const rules = elementsOf(type);
  const byName = new Map(rules.map((rule, index) => [rule.name, { rule, index }]));
  let checked = 1;
  let lastIndex = -1;
  let lastName = '';
  const seen = new Set<string>();
  for (const child of element.children) {
    const name = localName(child.name);
    const known = byName.get(name);
    if (!known) {
      findings.push({
        file,
        line: child.line,
        message: `<${name}> is not an element of ${type}${suggest(name, rules)}`
      });
      continue;
    }
    if (known.index < lastIndex) {
      findings.push({
        file,
        line: child.line,
        message: `<${name}> must come before <${lastName}> in ${type}`
      });
    }
    if (seen.has(name) && !known.rule.repeated) {
      findings.push({ file, line: child.line, message: `<${name}> may appear only once in ${type}` });
    }
    seen.add(name);
    lastIndex = Math.max(lastIndex, known.index);
    if (known.index === lastIndex) lastName = name;
    checked += validateValue(child, known.rule, type, file, findings);
  }
  for (const rule of rules) {
    if (rule.required && !seen.has(rule.name) && rule.name !== 'fullName') {
      findings.push({ file, line: element.line, message: `${type} requires <${rule.name}>` });
    }
  }
  return checked;
}

function validateValue(
  element: XmlElement,
  rule: ElementRule,
  parentType: string,
  file: string,
  findings: Finding[]
): number {
  if (isComplexType(rule.type)) return validate(element, rule.type, file, findings);
  if (rule.type === 'any' || OPAQUE_ELEMENTS.has(`${parentType}.${rule.name}`)) return 1;
  if (element.children.length > 0) {
    findings.push({
      file,
      line: element.line,
      message: `<${rule.name}> holds a ${rule.type} value, not elements`
    });
    return 1;
  }
  const value = element.text.trim();
  if (rule.type === 'boolean' && value !== 'true' && value !== 'false') {
    findings.push({
      file,
      line: element.line,
      message: `<${rule.name}> must be true or false, not "${value}"`
    });
  } else if (rule.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) {
    findings.push({ file, line: element.line, message: `<${rule.name}> must be a number, not "${value}"` });
  } else if (enumValues(rule.type) && !enumValues(rule.type)?.has(value)) {
    findings.push({
      file,
      line: element.line,
      message: `<${rule.name}> must be one of the ${rule.type} values, not "${value}"`
    });
  }
  return 1;
}

/** " (did you mean <label>?)" for a near miss, so a typo's fix is obvious. */
function suggest(name: string, rules: ElementRule[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const rule of rules) {
    const distance = editDistance(name.toLowerCase(), rule.name.toLowerCase());
    if (distance < bestDistance) {
      best = rule.name;
      bestDistance = distance;
    }
  }
  return best ? ` (did you mean <${best}>?)` : '';
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
