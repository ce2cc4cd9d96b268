import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { filesEnding, findDirs } from '../../lib/forceAppModel';
import type { TriggerDecl, TypeDecl } from './ast';
import { parseApexClass, parseApexTrigger } from './parseApex';

/**
 * Every Apex class and trigger of the source folders, parsed. Parsing the whole package takes
 * seconds, so each file's tree is cached as JSON under `.psms/org-cache`, keyed by the file's
 * content and by the parser's own source (a parser change invalidates every entry).
 */
export interface ApexSource {
  /** Path relative to the project root, as errors and coverage name it. */
  file: string;
  unit: TypeDecl | TriggerDecl;
}

const PARSER_FILES = ['parseApex.ts', 'ast.ts'];

function parserFingerprint(): string {
  const hash = createHash('sha1');
  for (const file of PARSER_FILES) hash.update(readFileSync(join(__dirname, file)));
  return hash.digest('hex').slice(0, 12);
}

export function loadApexSources(
  root: string,
  sourceDirs: readonly string[],
  cacheDir: string | null
): ApexSource[] {
  const fingerprint = parserFingerprint();
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const sources: ApexSource[] = [];
  for (const dir of sourceDirs) {
    for (const [folder, suffix] of [
      ['classes', '.cls'],
      ['triggers', '.trigger']
    ] as const) {
      for (const found of findDirs(dir, folder))
        for (const path of filesEnding(found, suffix))
          sources.push(parseCached(root, path, suffix === '.trigger', fingerprint, cacheDir));
    }
  }
  return sources;
}

function parseCached(
  root: string,
  path: string,
  trigger: boolean,
  fingerprint: string,
  cacheDir: string | null
): ApexSource {
  const text = readFileSync(path, 'utf8');
  const file = relative(root, path) || basename(path);
  const key = createHash('sha1').update(fingerprint).update(file).update(text).digest('hex');
  const cached = cacheDir ? join(cacheDir, `${key}.json`) : null;
  if (cached && existsSync(cached))
    return { file, unit: JSON.parse(readFileSync(cached, 'utf8')) as TypeDecl | TriggerDecl };
  const unit = trigger ? parseApexTrigger(file, text) : parseApexClass(file, text);
  if (cached) writeFileSync(cached, JSON.stringify(unit));
  return { file, unit };
}

/** Removes cache entries that no current file uses (called by the test runner, not on every load). */
export function cacheEntries(cacheDir: string): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir) : [];
}
