import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyObject, type SObjectSchema } from './schema';

/**
 * Standard objects (Opportunity, Account, User, ...) as the platform defines them at our API
 * version, read from apex-ls's bundled SObject classes with `javap`: a field is a public
 * member, a parent relationship a member of SObject type, a child relationship an array.
 */
const PACKAGE = 'com.nawforce.runforce.SObjects.';

function sobjectJar(): string {
  const lib = join(
    dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json')),
    'dist',
    'java-lib'
  );
  const jar = readdirSync(lib).find((name) => name.startsWith('sobject-types-'));
  if (!jar) throw new Error(`no sobject-types jar in ${lib}`);
  return join(lib, jar);
}

const cache = new Map<string, SObjectSchema | null>();

/** Loads the named standard objects; unknown names are left out of the result. */
export function loadStandardObjects(names: Iterable<string>): Map<string, SObjectSchema> {
  const wanted = [...new Set([...names].map((n) => n.toLowerCase()))].filter(
    (n) => !n.endsWith('__c') && !n.endsWith('__mdt')
  );
  const missing = wanted.filter((n) => !cache.has(n));
  if (missing.length > 0) readWithJavap(missing);
  const result = new Map<string, SObjectSchema>();
  for (const name of wanted) {
    const object = cache.get(name);
    if (object) result.set(name, object);
  }
  return result;
}

function readWithJavap(lowerNames: string[]): void {
  // javap needs the class's exact case; the jar's entries give it.
  const listing = spawnSync('jar', ['tf', sobjectJar()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const classes = new Map<string, string>();
  for (const entry of (listing.stdout ?? '').split('\n')) {
    const match = /^com\/nawforce\/runforce\/SObjects\/([A-Za-z0-9_]+)\.class$/.exec(entry.trim());
    if (match) classes.set(match[1].toLowerCase(), match[1]);
  }
  const known = lowerNames.filter((n) => classes.has(n));
  for (const n of lowerNames) if (!classes.has(n)) cache.set(n, null);
  if (known.length === 0) return;
  const run = spawnSync('javap', ['-cp', sobjectJar(), ...known.map((n) => PACKAGE + classes.get(n))], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
  if (run.error || run.status !== 0) throw new Error(`javap failed: ${run.error?.message ?? run.stderr}`);
  let current: SObjectSchema | undefined;
  for (const line of run.stdout.split('\n')) {
    const header = /^public class com\.nawforce\.runforce\.SObjects\.(\w+) /.exec(line);
    if (header) {
      current = emptyObject(header[1]);
      cache.set(header[1].toLowerCase(), current);
      continue;
    }
    const member = /^\s+public ([\w.$<>]+?)(\[\])? (\w+);$/.exec(line);
    if (!current || !member) continue;
    const [, type, isArray, name] = member;
    const target = type.startsWith(PACKAGE) ? type.slice(PACKAGE.length) : null;
    if (isArray && target) current.children.set(name.toLowerCase(), target);
    else if (target) current.parents.set(name.toLowerCase(), target);
    else if (!isArray) current.fields.set(name.toLowerCase(), null);
  }
}
