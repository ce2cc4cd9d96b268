import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadOrgSchema } from '../../schema/orgSchema';
import { parseSoql } from '../parseSoql';
import { runQuery } from '../runQuery';
import { TestOrg } from './support/testOrg';

/**
 * Realism: every static SOQL statement in the package's Apex parses, and runs against the
 * package's own schema (binds null, an empty org), so a misspelt field or relationship in the
 * package fails here as it would on deploy.
 */
const root = resolve(__dirname, '../../../..');

function apexFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return apexFiles(path);
    return /\.(cls|trigger)$/.test(name) ? [path] : [];
  });
}

/** `[SELECT ...]` in Apex source: the text between the brackets, nested brackets (`:rows[0]`) included. */
function staticQueries(source: string): string[] {
  const queries: string[] = [];
  const opening = /\[\s*SELECT\b/gi;
  for (let match = opening.exec(source); match; match = opening.exec(source)) {
    let depth = 0;
    let at = match.index;
    for (; at < source.length; at++) {
      const char = source[at];
      if (char === "'") {
        at++;
        while (at < source.length && source[at] !== "'") at += source[at] === '\\' ? 2 : 1;
      } else if (char === '[') depth++;
      else if (char === ']' && --depth === 0) break;
    }
    queries.push(source.slice(match.index + 1, at).trim());
  }
  return queries;
}

describe("the package's own SOQL", () => {
  const files = apexFiles(join(root, 'force-app'));
  const queries = files.flatMap((file) =>
    staticQueries(readFileSync(file, 'utf8')).map((text) => ({ file: relative(root, file), text }))
  );

  it('finds the statements', () => {
    expect(queries.length).toBeGreaterThan(50);
  });

  it('every statement parses', () => {
    const failures = queries.flatMap(({ file, text }) => {
      try {
        parseSoql(text);
        return [];
      } catch (error) {
        return [`${file}: ${(error as Error).message}: ${text}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it('every statement on an object the runtime knows runs against the package schema', () => {
    const org = new TestOrg(loadOrgSchema([join(root, 'force-app')]));
    const env = { ...org.environment(), bind: () => null };
    const failures = queries.flatMap(({ file, text }) => {
      const query = parseSoql(text);
      if (!org.schema.object(query.from.name)) return [];
      try {
        runQuery(query, env);
        return [];
      } catch (error) {
        return [`${file}: ${(error as Error).message}: ${text}`];
      }
    });
    org.close();
    expect(failures).toEqual([]);
  });
});
