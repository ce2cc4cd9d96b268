import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { formatFinding, type CheckResult } from './finding';
import { checkPrerequisites, thisMachine, type Prerequisite } from './prerequisites';

/**
 * The offline verification gate (`npm test`): every check that stands in for an org, in
 * order. Each step prints what it checked; a failing step prints file:line: reason for each
 * defect. All steps run, so one run shows every problem; the exit code is 1 if any failed.
 */
const root = resolve(__dirname, '../..');

interface Step {
  name: string;
  /** What the step needs beyond npm (checked before any step runs). */
  needs?: Prerequisite[];
  run: () => CheckResult | Promise<CheckResult>;
}

// `--only <text>` runs the steps whose name contains the text (e.g. `--only Apex`); any
// other arguments go to Jest.
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv.splice(onlyAt, 2)[1]?.toLowerCase() : undefined;

async function jest(): Promise<CheckResult> {
  // A cache of its own: @lwc/jest-transformer's cache key ignores coverage, so transforms
  // cached by a plain `jest` run would come back uninstrumented and drop out of coverage.
  const args = [
    '--ci',
    '--coverage',
    '--cacheDirectory',
    resolve(root, '.psms/jest-coverage-cache'),
    ...argv
  ];
  const run = spawnSync(resolve(root, 'node_modules/.bin/jest'), args, { cwd: root, stdio: 'inherit' });
  const findings =
    run.status === 0 ? [] : [{ file: 'jest', message: `Jest failed (exit ${run.status ?? run.signal})` }];
  // A run narrowed to some tests cannot speak for coverage.
  if (argv.length > 0) return { summary: 'Jest (selected tests)', findings };
  const { checkCoverage } = await import('./coverage');
  const coverage = checkCoverage(root, resolve(root, 'coverage/coverage-summary.json'));
  return {
    summary: `Jest: engine, components, gate, CLI and workbench tests (counts above); line coverage: ${coverage.lines.join('; ')}`,
    findings: [...findings, ...coverage.findings]
  };
}

// Each check is imported when its step runs, so the prerequisite check answers in a second.
const steps: Step[] = [
  {
    name: 'LWC TypeScript → JavaScript',
    run: async () => (await import('./checks/typescript')).checkTypeScript(root, 'tsconfig.lwc.json', true)
  },
  {
    name: 'Types (tsc --noEmit)',
    run: async () => (await import('./checks/typescript')).checkTypeScript(root, 'tsconfig.json', false)
  },
  { name: 'ESLint', run: async () => (await import('./checks/eslint')).checkEslint(root) },
  {
    name: 'Prettier (TS, JS, HTML, Apex, XML)',
    run: async () => (await import('./checks/formatting')).checkFormatting(root)
  },
  { name: 'LWC compile check', run: async () => (await import('./checks/lwcCompile')).checkLwcCompile(root) },
  {
    name: 'Apex semantics (apex-ls)',
    needs: ['jdk'],
    run: async () => (await import('./checks/apexSemantics')).checkApexSemantics(root)
  },
  {
    name: 'Apex rules (PMD)',
    needs: ['jdk'],
    run: async () => (await import('./checks/apexRules')).checkApexRules(root)
  },
  {
    name: 'Static SOQL fields',
    needs: ['jdk'],
    run: async () => (await import('./checks/soqlFields')).checkSoqlFields(root)
  },
  {
    name: 'Metadata XML (Metadata API schema)',
    run: async () => (await import('./checks/metadataXml')).checkMetadataXml(root)
  },
  { name: 'Formulas (formulon)', run: async () => (await import('./checks/formulas')).checkFormulas(root) },
  { name: 'Text values', run: async () => (await import('./checks/textValues')).checkTextValues(root) },
  {
    name: 'Metadata cross-references',
    needs: ['jdk'],
    run: async () => (await import('./checks/crossReferences')).checkCrossReferences(root)
  },
  {
    name: 'Apex tests (local org runtime)',
    run: async () => (await import('./checks/apexTests')).checkApexTests(root)
  },
  {
    name: 'Conversion to a metadata package',
    run: async () => (await import('./checks/packageConversion')).checkPackageConversion(root)
  },
  { name: 'Tests', needs: ['jdk', 'chromium'], run: jest }
];

async function main(): Promise<void> {
  const failed: string[] = [];
  const selected = steps.filter((step) => !only || step.name.toLowerCase().includes(only));
  const prerequisites = checkPrerequisites(
    selected.flatMap((step) => step.needs ?? []),
    thisMachine(root)
  );
  if (!prerequisites.ok) {
    console.error(prerequisites.message);
    process.exit(1);
  }
  for (const step of selected) {
    const started = Date.now();
    let result: CheckResult;
    try {
      result = await step.run();
    } catch (error) {
      result = {
        summary: 'crashed',
        findings: [{ file: step.name, message: (error as Error).stack ?? String(error) }]
      };
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const verdict = result.findings.length === 0 ? 'ok  ' : 'FAIL';
    console.log(`${verdict} ${step.name}: ${result.summary} [${seconds}s]`);
    for (const finding of result.findings) console.log(`     ${formatFinding(finding)}`);
    if (result.findings.length > 0) failed.push(step.name);
  }
  if (failed.length > 0) {
    console.log(`\nGate failed: ${failed.join('; ')}`);
    process.exit(1);
  }
  console.log(`\nGate passed: ${selected.length} steps.`);
}

void main();
