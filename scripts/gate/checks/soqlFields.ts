import { readFileSync } from 'node:fs';
import {
  parseQuery,
  type Query,
  type FieldType,
  type WhereClause,
  type Condition
} from '@jetstreamapp/soql-parser-js';
import { count, type CheckResult, type Finding } from '../finding';
import { mergeSchemas, type Schema } from '../schema/schema';
import { loadProjectObjects } from '../schema/projectObjects';
import { loadStandardObjects } from '../schema/standardObjects';
import { displayPath, lineAt, listFiles } from '../sourceFiles';

/**
 * apex-ls checks Apex expressions but not the text of static SOQL, so a misspelt field in
 * `[SELECT ... FROM ...]` would only fail at deploy time. This check parses every static
 * query in every Apex file and resolves its object, fields, relationships and subqueries.
 */
export interface StaticQuery {
  file: string;
  line: number;
  text: string;
}

/** Every `[SELECT ...]` in an Apex source, with the line it starts on. */
export function extractStaticQueries(file: string, source: string): StaticQuery[] {
  const code = blankCommentsAndStrings(source);
  const queries: StaticQuery[] = [];
  const start = /\[\s*select\b/gi;
  for (let match = start.exec(code); match; match = start.exec(code)) {
    let depth = 0;
    let end = match.index;
    for (; end < code.length; end++) {
      if (code[end] === '[') depth++;
      else if (code[end] === ']' && --depth === 0) break;
    }
    // Take the original text (string literals inside SOQL are real values) between the brackets.
    queries.push({
      file,
      line: lineAt(source, match.index),
      text: source.slice(match.index + 1, end).trim()
    });
    start.lastIndex = end;
  }
  return queries;
}

/** Replaces comments and string literals with spaces so brackets inside them are not counted. */
function blankCommentsAndStrings(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\])*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** Apex bind expressions (`:ids`, `:period.start`, `:(a + b)`) become simple bind names. */
function simplifyBinds(text: string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ':') {
      out += text[i];
      continue;
    }
    let j = i + 1;
    while (text[j] === ' ') j++;
    let depth = 0;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && !/[\w.]/.test(c)) break;
    }
    out += `:bind${n++}`;
    i = j - 1;
  }
  return out;
}

export function checkQuery(query: StaticQuery, schema: Schema): string[] {
  let parsed: Query;
  try {
    parsed = parseQuery(simplifyBinds(query.text), { allowApexBindVariables: true });
  } catch (error) {
    return [`SOQL does not parse: ${(error as Error).message.split('\n')[0]}`];
  }
  return checkParsed(parsed, parsed.sObject ?? '', schema);
}

function checkParsed(query: Query, objectName: string, schema: Schema): string[] {
  const problems: string[] = [];
  const object = schema.object(objectName);
  if (!object) return [`unknown object '${objectName}'`];

  const checkPath = (path: string): void => {
    const parts = path.split('.');
    let current = object;
    for (let i = 0; i < parts.length - 1; i++) {
      const target = current.parents.get(parts[i].toLowerCase());
      const next = target ? schema.object(target) : undefined;
      if (!next) {
        problems.push(`unknown relationship '${parts[i]}' on ${current.name} in '${path}'`);
        return;
      }
      current = next;
    }
    const field = parts[parts.length - 1];
    if (!current.fields.has(field.toLowerCase()))
      problems.push(`unknown field '${field}' on ${current.name}`);
  };

  const checkSelect = (fields: FieldType[] | undefined): void => {
    for (const field of fields ?? []) {
      if (field.type === 'Field') checkPath(field.field);
      else if (field.type === 'FieldRelationship')
        checkPath(`${field.relationships.join('.')}.${field.field}`);
      else if (field.type === 'FieldFunctionExpression') {
        for (const p of field.parameters ?? [])
          if (typeof p === 'string' && /^[A-Za-z_][\w.]*$/.test(p)) checkPath(p);
      } else if (field.type === 'FieldSubquery') {
        const child = object.children.get(field.subquery.relationshipName.toLowerCase());
        if (!child)
          problems.push(`unknown child relationship '${field.subquery.relationshipName}' on ${object.name}`);
        else problems.push(...checkParsed(field.subquery as Query, child, schema));
      }
    }
  };
  const checkWhere = (where: WhereClause | undefined): void => {
    if (!where) return;
    const left = where.left as Condition & {
      field?: string;
      fn?: { parameters?: unknown[] };
      valueQuery?: Query;
    };
    if (left && typeof left.field === 'string') checkPath(left.field);
    if (left && left.fn?.parameters)
      for (const p of left.fn.parameters) if (typeof p === 'string') checkPath(p);
    if (left?.valueQuery)
      problems.push(...checkParsed(left.valueQuery, left.valueQuery.sObject ?? '', schema));
    if ('right' in where) checkWhere(where.right);
  };

  checkSelect(query.fields);
  checkWhere(query.where);
  checkWhere(query.having as WhereClause | undefined);
  for (const order of query.orderBy ? [query.orderBy].flat() : [])
    if ('field' in order && order.field) checkPath(order.field);
  for (const group of query.groupBy ? [query.groupBy].flat() : []) {
    if ('field' in group && group.field) checkPath(group.field);
    if ('fn' in group) for (const p of group.fn.parameters ?? []) if (typeof p === 'string') checkPath(p);
  }
  return problems;
}

export function checkSoqlFields(projectDir: string): CheckResult {
  const sources = listFiles(projectDir, ['.cls', '.trigger']);
  const queries = sources.flatMap((file) => extractStaticQueries(file, readFileSync(file, 'utf8')));
  const project = loadProjectObjects(projectDir);
  const named = queries.map((q) => /\bfrom\s+(\w+)/i.exec(q.text)?.[1] ?? '');
  const standard = loadStandardObjects([...project.keys(), ...named, 'User', 'Account', 'Opportunity']);
  // Standard objects referenced through relationships (e.g. Owner → User) are loaded on demand.
  const schema = mergeSchemas(standard, project);
  const withParents: Schema = {
    object: (name) => schema.object(name) ?? mergeSchemas(loadStandardObjects([name]), project).object(name)
  };
  const findings: Finding[] = [];
  for (const query of queries) {
    for (const problem of checkQuery(query, withParents)) {
      findings.push({ file: displayPath(projectDir, query.file), line: query.line, message: problem });
    }
  }
  return {
    summary: `${count(queries.length, 'static SOQL query', 'static SOQL queries')} in ${count(sources.length, 'Apex file')}`,
    findings
  };
}
