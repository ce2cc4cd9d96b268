import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileFormula, FormulaError, type FormulaContext, type FormulaDataType } from '../../org/formula';
import { loadDataModel } from '../../lib/forceAppModel';
import { formulaFieldResolver } from '../../lib/formulaFieldTypes';
import { count, type CheckResult, type Finding } from '../finding';
import { readInventory } from '../metadata/projectInventory';
import { child, parseXml, type XmlElement } from '../metadata/xmlTree';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * Every formula in force-app parses and type-checks as an org would check it on deploy:
 * validation rules (must be Boolean), formula fields (must return the field's type) and default
 * values, with field types from the package metadata and the standard field table
 * (scripts/org/formula, on formulon). An org rejects the whole deployment for one bad formula.
 */
const RETURN_TYPES: Readonly<Record<string, FormulaDataType>> = {
  Checkbox: 'checkbox',
  Currency: 'number',
  Number: 'number',
  Percent: 'number',
  Date: 'date',
  DateTime: 'datetime',
  Time: 'time',
  Text: 'text',
  TextArea: 'text',
  LongTextArea: 'text',
  Email: 'text',
  Phone: 'text',
  Url: 'text'
};

interface FormulaSite {
  file: string;
  object: string;
  element: XmlElement;
  expect?: FormulaDataType;
  context: FormulaContext;
  /** Names the formula in a finding: the rule or field. */
  owner: string;
}

export function checkFormulas(projectDir: string): CheckResult {
  const root = join(projectDir, 'force-app');
  if (!existsSync(root)) return { summary: 'no force-app folder', findings: [] };
  const model = loadDataModel(root);
  const inventory = readInventory(projectDir);
  const globals = { customPermissions: inventory.customPermissions, labels: inventory.labels };
  const findings: Finding[] = [];
  const sites = [...validationRuleSites(root, findings), ...fieldSites(root, findings)];
  for (const site of sites) {
    try {
      compileFormula(site.element.text, formulaFieldResolver(model, site.object, globals), site.expect, {
        context: site.context
      });
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      findings.push({
        file: site.file,
        line: site.element.line,
        message: `${site.owner}: ${error.message}`
      });
    }
  }
  const kinds = (context: FormulaContext) => sites.filter((s) => s.context === context).length;
  return {
    summary:
      `${count(sites.length, 'formula')} parsed and type-checked: ${count(kinds('validationRule'), 'validation rule')}, ` +
      `${count(kinds('formulaField'), 'formula field')}, ${count(kinds('defaultValue'), 'default value')}`,
    findings: findings.map((finding) => ({ ...finding, file: displayPath(projectDir, finding.file) }))
  };
}

/** The object a file under objects/<Object>/<kind>/ belongs to. */
const objectOf = (file: string): string => basename(join(file, '..', '..'));

function readRoot(file: string, findings: Finding[]): XmlElement | undefined {
  try {
    return parseXml(readFileSync(file, 'utf8'));
  } catch {
    findings.push({ file, message: 'does not parse as XML (see the Metadata XML step)' });
    return undefined;
  }
}

function validationRuleSites(root: string, findings: Finding[]): FormulaSite[] {
  const sites: FormulaSite[] = [];
  for (const file of listFiles(root, ['.validationRule-meta.xml'])) {
    const rule = readRoot(file, findings);
    const formula = rule && child(rule, 'errorConditionFormula');
    if (!formula) continue;
    sites.push({
      file,
      object: objectOf(file),
      element: formula,
      expect: 'checkbox',
      context: 'validationRule',
      owner: `validation rule ${basename(file, '.validationRule-meta.xml')}`
    });
  }
  return sites;
}

function fieldSites(root: string, findings: Finding[]): FormulaSite[] {
  const sites: FormulaSite[] = [];
  for (const file of listFiles(root, ['.field-meta.xml'])) {
    const field = readRoot(file, findings);
    if (!field) continue;
    const name = basename(file, '.field-meta.xml');
    const type = child(field, 'type')?.text.trim() ?? '';
    const expect = RETURN_TYPES[type];
    for (const [element, context] of [
      ['formula', 'formulaField'],
      ['defaultValue', 'defaultValue']
    ] as const) {
      const formula = child(field, element);
      if (!formula) continue;
      if (!expect) {
        findings.push({
          file,
          line: formula.line,
          message: `field ${name}: a ${type} field cannot have a <${element}> formula`
        });
        continue;
      }
      sites.push({
        file,
        object: objectOf(file),
        element: formula,
        expect,
        context,
        owner: `${element} of ${name}`
      });
    }
  }
  return sites;
}
