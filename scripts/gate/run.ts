import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { checkCoverage } from './coverage';
import { formatFinding, type CheckResult } from './finding';
import { checkApexRules } from './checks/apexRules';
import { checkApexSemantics } from './checks/apexSemantics';
import { checkCrossReferences } from './checks/crossReferences';
import { checkEslint } from './checks/eslint';
import { checkFormatting } from './checks/formatting';
import { checkLwcCompile } from './checks/lwcCompile';
import { checkMetadataXml } from './checks/metadataXml';
import { checkPackageConversion } from './checks/packageConversion';
import { checkSoqlFields } from './checks/soqlFields';
import { checkTypeScript } from './checks/typescript';

/**
 * The offline verification gate (`npm test`): every check that stands in for an org, in
 * order. Each step prints what it checked; a failing step prints file:line: reason for each
 * defect. All steps run, so one run shows every problem; the exit code is 1 if any failed.
 */
const root = resolve(__dirname, '../..');

interface Step {
  name: string;
  run: () => CheckResult | Promise<CheckResult>;
}

// `--only <text>` runs the steps whose name contains the text (e.g. `--only Apex`); any
// other arguments go to Jest.
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv.splice(onlyAt, 2)[1]?.toLowerCase() : undefined;

function jest(): CheckResult {
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
  const coverage = checkCoverage(root, resolve(root, 'coverage/coverage-summary.json'));
  return {
    summary: `Jest: engine, components, gate, CLI and workbench tests (counts above); line coverage: ${coverage.lines.join('; ')}`,
    findings: [...findings, ...coverage.findings]
  };
}

const steps: Step[] = [
  { name: 'LWC TypeScript → JavaScript', run: () => checkTypeScript(root, 'tsconfig.lwc.json', true) },
  { name: 'Types (tsc --noEmit)', run: () => checkTypeScript(root, 'tsconfig.json', false) },
  { name: 'ESLint', run: () => checkEslint(root) },
  { name: 'Prettier (TS, JS, HTML, Apex, XML)', run: () => checkFormatting(root) },
  { name: 'LWC compile check', run: () => checkLwcCompile(root) },
  { name: 'Apex semantics (apex-ls)', run: () => checkApexSemantics(root) },
  { name: 'Apex rules (PMD)', run: () => checkApexRules(root) },
  { name: 'Static SOQL fields', run: () => checkSoqlFields(root) },
  { name: 'Metadata XML (Metadata API schema)', run: () => checkMetadataXml(root) },
  { name: 'Metadata cross-references', run: () => checkCrossReferences(root) },
  { name: 'Conversion to a metadata package', run: () => checkPackageConversion(root) },
  { name: 'Tests', run: jest }
];

async function main(): Promise<void> {
  const failed: string[] = [];
  const selected = steps.filter((step) => !only || step.name.toLowerCase().includes(only));
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
