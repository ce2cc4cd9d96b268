import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const TOOLING_DIRECTORIES = new Set(['node_modules', '.git', '.sfdx', '.sf', '.psms', 'coverage']);
const TEST_DIRECTORIES = new Set(['__tests__', '__mocks__']);

/**
 * Every file below `dir` whose name ends with one of `suffixes`, skipping tooling folders and,
 * unless asked, tests (which never deploy).
 */
export function listFiles(
  dir: string,
  suffixes: readonly string[],
  options: { includeTests?: boolean } = {}
): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        if (!TOOLING_DIRECTORIES.has(name) && (options.includeTests || !TEST_DIRECTORIES.has(name)))
          walk(path);
      } else if (suffixes.some((suffix) => name.endsWith(suffix))) {
        found.push(path);
      }
    }
  };
  walk(dir);
  return found;
}

/** A path as the developer reads it: relative to the project root. */
export function displayPath(projectDir: string, file: string): string {
  return relative(projectDir, file) || file;
}

/** 1-based line number of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
