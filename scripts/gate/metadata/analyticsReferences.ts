import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Schema, SObjectSchema } from '../schema/schema';
import { child, childText, childrenNamed, parseXml, type XmlElement } from './xmlTree';

/**
 * The names reports and dashboards use for each other and for the data model: a custom report
 * type joins objects through child relationships and lists columns as (table, field); a report
 * names its report type (`X__c`) and its columns as `<table>$<field>`, which must be columns
 * of that report type; a dashboard names reports as `Folder/Report` and the report's columns
 * in each component. Each is resolved here so a report that would only fail when someone runs
 * it fails the gate instead.
 */
export type AnalyticsReference = [kind: string, name: string, line: number];

/** Tokens a report may use that are not columns of its report type. */
const BUILT_IN_COLUMNS = new Set(['RowCount']);

// ---- references, by file -----------------------------------------------------------------

export function reportTypeReferences(file: string, root: XmlElement): AnalyticsReference[] {
  const name = basename(file).replace('.reportType-meta.xml', '');
  const refs: AnalyticsReference[] = [];
  const base = child(root, 'baseObject');
  if (base) refs.push(['object', base.text.trim(), base.line]);
  let path = base?.text.trim() ?? '';
  for (let join = child(root, 'join'); join; join = child(join, 'join')) {
    const relationship = child(join, 'relationship');
    if (!relationship) break;
    path = `${path}.${relationship.text.trim()}`;
    refs.push(['reportTypeTable', `${name}|${path}`, relationship.line]);
  }
  for (const section of childrenNamed(root, 'sections')) {
    for (const column of childrenNamed(section, 'columns')) {
      const field = child(column, 'field');
      const table = childText(column, 'table') ?? '';
      if (field) refs.push(['reportTypeColumn', `${name}|${table}|${field.text.trim()}`, field.line]);
    }
  }
  return refs;
}

/** The column tokens a report uses, each with its element: columns, groupings, filters, chart, buckets, sort. */
function reportTokens(root: XmlElement): XmlElement[] {
  const tokens: XmlElement[] = [];
  const add = (element: XmlElement | undefined): void => {
    if (element && element.text.trim() !== '') tokens.push(element);
  };
  for (const column of childrenNamed(root, 'columns')) add(child(column, 'field'));
  for (const tag of ['groupingsDown', 'groupingsAcross'])
    for (const grouping of childrenNamed(root, tag)) add(child(grouping, 'field'));
  const filter = child(root, 'filter');
  for (const item of filter ? childrenNamed(filter, 'criteriaItems') : []) add(child(item, 'column'));
  const timeFrame = child(root, 'timeFrameFilter');
  if (timeFrame) add(child(timeFrame, 'dateColumn'));
  for (const bucket of childrenNamed(root, 'buckets')) add(child(bucket, 'sourceColumnName'));
  const chart = child(root, 'chart');
  if (chart) {
    add(child(chart, 'groupingColumn'));
    add(child(chart, 'secondaryGroupingColumn'));
    for (const summary of childrenNamed(chart, 'chartSummaries')) add(child(summary, 'column'));
  }
  add(child(root, 'sortColumn'));
  return tokens;
}

/** Names a report defines for itself: its buckets and custom summary formulas. */
function reportDefinedNames(root: XmlElement): Set<string> {
  const names = new Set(BUILT_IN_COLUMNS);
  for (const bucket of childrenNamed(root, 'buckets')) names.add(childText(bucket, 'developerName') ?? '');
  for (const aggregate of childrenNamed(root, 'aggregates'))
    names.add(childText(aggregate, 'developerName') ?? '');
  return names;
}

/** What a dashboard component can show of a report: its columns, groupings, buckets, formulas, RowCount. */
function reportOutputNames(root: XmlElement): Set<string> {
  const names = reportDefinedNames(root);
  for (const column of childrenNamed(root, 'columns')) names.add(childText(column, 'field') ?? '');
  for (const tag of ['groupingsDown', 'groupingsAcross'])
    for (const grouping of childrenNamed(root, tag)) names.add(childText(grouping, 'field') ?? '');
  return names;
}

export function reportReferences(file: string, root: XmlElement): AnalyticsReference[] {
  const refs: AnalyticsReference[] = [['reportFolder', basename(dirname(file)), root.line]];
  const reportType = child(root, 'reportType');
  if (!reportType) return refs;
  const typeName = reportType.text.trim();
  refs.push(['reportType', typeName, reportType.line]);
  // Standard report types name their columns with platform tokens (AMOUNT, CLOSE_DATE) that
  // no metadata here defines: only custom report types (`X__c`) can be checked.
  if (!typeName.endsWith('__c')) return refs;
  const own = reportDefinedNames(root);
  for (const token of reportTokens(root)) {
    const text = token.text.trim();
    if (!own.has(text)) refs.push(['reportColumn', `${typeName}|${text}`, token.line]);
  }
  return refs;
}

function dashboardComponents(root: XmlElement): XmlElement[] {
  const components: XmlElement[] = [];
  for (const section of ['leftSection', 'middleSection', 'rightSection']) {
    const element = child(root, section);
    if (element) components.push(...childrenNamed(element, 'components'));
  }
  const grid = child(root, 'dashboardGridLayout');
  for (const cell of grid ? childrenNamed(grid, 'dashboardGridComponents') : []) {
    const component = child(cell, 'dashboardComponent');
    if (component) components.push(component);
  }
  return components;
}

export function dashboardReferences(file: string, root: XmlElement): AnalyticsReference[] {
  const refs: AnalyticsReference[] = [['dashboardFolder', basename(dirname(file)), root.line]];
  for (const component of dashboardComponents(root)) {
    const report = child(component, 'report');
    if (!report) continue;
    const reportName = report.text.trim();
    refs.push(['report', reportName, report.line]);
    const columns = [
      ...childrenNamed(component, 'chartSummary').map((summary) => child(summary, 'column')),
      ...childrenNamed(component, 'groupingColumn'),
      ...childrenNamed(component, 'dashboardTableColumn').map((column) => child(column, 'column'))
    ];
    for (const column of columns)
      if (column) refs.push(['dashboardColumn', `${reportName}|${column.text.trim()}`, column.line]);
  }
  return refs;
}

// ---- resolution ---------------------------------------------------------------------------

interface ReportTypeShape {
  /**
   * Table path (`Opportunity`, `Opportunity.Partner_Deals__r`) → its object, or why it has none
   * (blank below the level where the join breaks).
   */
  tables: Map<string, { object: SObjectSchema } | { problem: string }>;
  /** `<table>$<field>` of every column the report type offers. */
  columns: Set<string>;
}

/** A field of an object, or a lookup path through parent relationships (`Account.Name`). */
function fieldPathResolves(schema: Schema, object: SObjectSchema, path: string): boolean {
  const segments = path.split('.');
  let current: SObjectSchema | undefined = object;
  for (const [index, segment] of segments.entries()) {
    if (!current) return false;
    const key = segment.toLowerCase();
    const parent: string | undefined =
      current.parents.get(key) ?? current.parents.get(key.replace(/__c$/, '__r'));
    if (index === segments.length - 1) return current.fields.has(key) || parent !== undefined;
    current = parent === undefined ? undefined : schema.object(parent);
  }
  return false;
}

export function analyticsResolver(
  forceAppDir: string,
  schema: Schema
): (kind: string, name: string) => string | undefined {
  const shapes = new Map<string, ReportTypeShape | undefined>();
  const reportTypeFile = (name: string): string =>
    join(forceAppDir, 'main', 'default', 'reportTypes', `${name}.reportType-meta.xml`);
  const shapeOf = (name: string): ReportTypeShape | undefined => {
    if (shapes.has(name)) return shapes.get(name);
    const file = reportTypeFile(name);
    const shape = existsSync(file) ? readShape(parseXml(readFileSync(file, 'utf8')), schema) : undefined;
    shapes.set(name, shape);
    return shape;
  };
  const reportNames = new Map<string, Set<string> | undefined>();
  const namesOfReport = (name: string): Set<string> | undefined => {
    if (reportNames.has(name)) return reportNames.get(name);
    const file = join(forceAppDir, 'main', 'default', 'reports', `${name}.report-meta.xml`);
    let names: Set<string> | undefined;
    if (existsSync(file)) {
      names = reportOutputNames(parseXml(readFileSync(file, 'utf8')));
    }
    reportNames.set(name, names);
    return names;
  };

  return (kind, name) => {
    const [first, second, third] = name.split('|');
    switch (kind) {
      case 'reportTypeTable': {
        const table = shapeOf(first)?.tables.get(second);
        return table && 'problem' in table && table.problem !== '' ? table.problem : undefined;
      }
      case 'reportTypeColumn': {
        const table = shapeOf(first)?.tables.get(second);
        if (!table)
          return `report type ${first}: table ${second} is neither its base object nor one of its joins`;
        if ('problem' in table) return undefined; // reported where the join breaks
        return fieldPathResolves(schema, table.object, third)
          ? undefined
          : `report type ${first}: field ${third} does not exist on ${table.object.name} (table ${second})`;
      }
      case 'reportType':
        if (!first.endsWith('__c')) return undefined; // a standard report type
        return existsSync(reportTypeFile(first.slice(0, -3)))
          ? undefined
          : `report type ${first} does not exist (no reportTypes/${first.slice(0, -3)}.reportType-meta.xml)`;
      case 'reportColumn': {
        const shape = shapeOf(first.slice(0, -3));
        if (!shape) return undefined; // the missing report type is reported once, on <reportType>
        return shape.columns.has(second)
          ? undefined
          : `column ${second} is not a column of report type ${first}`;
      }
      case 'reportFolder':
        return existsSync(join(forceAppDir, 'main', 'default', 'reports', `${first}.reportFolder-meta.xml`))
          ? undefined
          : `report folder ${first} has no ${first}.reportFolder-meta.xml`;
      case 'dashboardFolder':
        return existsSync(
          join(forceAppDir, 'main', 'default', 'dashboards', `${first}.dashboardFolder-meta.xml`)
        )
          ? undefined
          : `dashboard folder ${first} has no ${first}.dashboardFolder-meta.xml`;
      case 'report':
        return namesOfReport(first) ? undefined : `report ${first} does not exist`;
      case 'dashboardColumn': {
        const names = namesOfReport(first);
        if (!names) return undefined; // reported once, on <report>
        return names.has(second) ? undefined : `report ${first} has no column, grouping or bucket ${second}`;
      }
      default:
        return `unknown reference kind ${kind}`;
    }
  };
}

function readShape(root: XmlElement, schema: Schema): ReportTypeShape {
  const tables: ReportTypeShape['tables'] = new Map();
  const baseName = childText(root, 'baseObject') ?? '';
  const base = schema.object(baseName);
  let path = baseName;
  // A missing base object is reported on <baseObject>; a broken join on its own level only.
  let current: { object: SObjectSchema } | { problem: string } = base ? { object: base } : { problem: '' };
  tables.set(path, current);
  for (let join = child(root, 'join'); join; join = child(join, 'join')) {
    const relationship = childText(join, 'relationship') ?? '';
    path = `${path}.${relationship}`;
    if ('object' in current) {
      const childObject = current.object.children.get(relationship.toLowerCase());
      const resolved = childObject === undefined ? undefined : schema.object(childObject);
      current = resolved
        ? { object: resolved }
        : { problem: `relationship ${relationship} of ${current.object.name} does not exist` };
    } else {
      current = { problem: '' };
    }
    tables.set(path, current);
  }
  const columns = new Set<string>();
  for (const section of childrenNamed(root, 'sections')) {
    for (const column of childrenNamed(section, 'columns')) {
      columns.add(`${childText(column, 'table') ?? ''}$${childText(column, 'field') ?? ''}`);
    }
  }
  return { tables, columns };
}
