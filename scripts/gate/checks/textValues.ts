import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, type CheckResult, type Finding } from '../finding';
import { localName, parseXml, type XmlElement } from '../metadata/xmlTree';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * The text people read in the org — labels, messages, descriptions, help text, custom label and
 * custom metadata values — is exactly what its author wrote: no whitespace around it, no line
 * breaks with indentation inside it, no entities a formatter padded (`&lt; =`, `FY &lt; year &gt;`).
 * Such damage deploys fine and shows up on every screen, or changes a setting's value.
 */
const SINGLE_LINE = new Set([
  'label',
  'pluralLabel',
  'masterLabel',
  'shortDescription',
  'relationshipLabel',
  'errorMessage'
]);
const MULTI_LINE = new Set(['description', 'inlineHelpText', 'helpText']);
/** `<value>` is user text only in custom labels and as a custom metadata string. */
const isTextValue = (root: XmlElement, element: XmlElement): boolean =>
  localName(element.name) === 'value' &&
  (localName(root.name) === 'CustomLabels' ||
    (localName(root.name) === 'CustomMetadata' && element.attributes['xsi:type'] === 'xsd:string'));

const DAMAGE: readonly { pattern: RegExp; reason: (match: string) => string }[] = [
  {
    pattern: /[<>!=] +[=>]/,
    reason: (m) => `"${m}" is an operator split by a space; write "${m.replace(/ +/g, '')}"`
  },
  {
    pattern: /< +[^<>\s]+ +>/,
    reason: (m) => `"${m}" is a placeholder padded by a formatter; write "${m.replace(/ +/g, '')}"`
  },
  {
    pattern: /[<>] +[,.;:!?)]/,
    reason: (m) => `"${m}" has a space before its punctuation; write "${m.replace(/ +/g, '')}"`
  }
];

function problemsOf(name: string, text: string): string[] {
  const problems: string[] = [];
  const inner = text.trim();
  const before = text.slice(0, text.indexOf(inner[0] ?? ''));
  const after = text.slice(before.length + inner.length);
  if (before || after) {
    const where = before && after ? 'starts and ends' : before ? 'starts' : 'ends';
    problems.push(
      `<${name}> ${where} with ${`${before}${after}`.includes('\n') ? 'a line break' : 'whitespace'}`
    );
  }
  if (SINGLE_LINE.has(name) && inner.includes('\n'))
    problems.push(`<${name}> is one line of text but contains a line break`);
  else if (/\n[ \t]+/.test(inner))
    problems.push(`<${name}> is reflowed: a line break followed by indentation`);
  for (const { pattern, reason } of DAMAGE) {
    const match = pattern.exec(inner);
    if (match) problems.push(`<${name}>: ${reason(match[0])}`);
  }
  return problems;
}

export function checkTextValues(projectDir: string): CheckResult {
  const root = join(projectDir, 'force-app');
  if (!existsSync(root)) return { summary: 'no force-app folder', findings: [] };
  const findings: Finding[] = [];
  let checked = 0;
  const files = listFiles(root, ['-meta.xml']).filter(
    (file) => !/[/\\](lwc|staticresources)[/\\]/.test(file)
  );
  for (const file of files) {
    let document: XmlElement;
    try {
      document = parseXml(readFileSync(file, 'utf8'));
    } catch {
      continue; // the Metadata XML step names malformed files
    }
    const visit = (element: XmlElement): void => {
      element.children.forEach(visit);
      const name = localName(element.name);
      if (element.children.length > 0) return;
      if (!SINGLE_LINE.has(name) && !MULTI_LINE.has(name) && !isTextValue(document, element)) return;
      checked++;
      for (const message of problemsOf(name, element.text))
        findings.push({ file: displayPath(projectDir, file), line: element.line, message });
    };
    visit(document);
  }
  return { summary: `${count(checked, 'text value')} in ${count(files.length, 'file')} checked`, findings };
}
