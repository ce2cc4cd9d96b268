import { relative, resolve } from 'node:path';
import { coveragePercent, runApexTestSuite } from './testSuite';
import type { TestOutcome } from './testRunner';

/**
 * `npm run apex:test -- [--source-dir D ...] [--class C ...] [--method C.m ...] [--debug]`:
 * runs Apex tests in the local org runtime, on top of the package's metadata (force-app is
 * always loaded; --source-dir adds a test project beside it), printing each method's result,
 * the line coverage of each class, and a closing `N passed, N failed` line. Exit 1 when a test
 * fails, 2 for a usage error.
 */
const USAGE =
  'usage: npm run apex:test -- [--source-dir <dir> ...] [--class <Class> ...] [--method <Class.method> ...] [--debug]';

function parse(argv: string[]): {
  sourceDirs: string[];
  classes: string[];
  methods: string[];
  debug: boolean;
} {
  const result = {
    sourceDirs: [] as string[],
    classes: [] as string[],
    methods: [] as string[],
    debug: false
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--source-dir') result.sourceDirs.push(value());
    else if (flag === '--class') result.classes.push(value());
    else if (flag === '--method') result.methods.push(value());
    else if (flag === '--debug') result.debug = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return result;
}

function print(outcome: TestOutcome): void {
  const name = `${outcome.className}.${outcome.methodName}`;
  if (outcome.passed) {
    console.log(
      `  pass  ${name} (${outcome.ms} ms, ${outcome.limits.queries} SOQL, ${outcome.limits.dmlStatements} DML)`
    );
    return;
  }
  console.log(`  FAIL  ${name} (${outcome.ms} ms)\n        ${outcome.message}`);
  for (const line of (outcome.stackTrace ?? '').split('\n').filter(Boolean)) console.log(`        ${line}`);
}

function main(): void {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.debug) process.env.PSMS_APEX_DEBUG = '1';
  const root = resolve(__dirname, '../../..');
  const sourceDirs = ['force-app', ...options.sourceDirs.map((dir) => relative(root, resolve(dir)))];
  const result = runApexTestSuite({
    root,
    sourceDirs,
    classes: options.classes,
    methods: options.methods,
    onResult: print
  });
  const failed = result.outcomes.filter((o) => !o.passed).length;
  console.log('\nCoverage (lines covered / executable):');
  for (const file of [...result.coverage].sort((a, b) => a.file.localeCompare(b.file))) {
    if (file.executable.length === 0) continue;
    const percent = ((100 * file.covered.length) / file.executable.length).toFixed(0).padStart(4);
    console.log(`  ${percent} %  ${file.covered.length}/${file.executable.length}  ${file.file}`);
  }
  console.log(`  total ${coveragePercent(result.coverage).toFixed(1)} %`);
  console.log(
    `\n${result.outcomes.length - failed} passed, ${failed} failed (load ${result.loadMs} ms, run ${result.runMs} ms)`
  );
  process.exit(failed > 0 ? 1 : 0);
}

main();
