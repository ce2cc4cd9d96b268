import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runJava } from '../java';
import { count, type CheckResult, type Finding } from '../finding';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * PMD 7 with the project's Apex ruleset (security, governor limits, test quality). The
 * wrapper always exits 0, so the verdict is the violations and processing errors it writes.
 */
interface PmdResults {
  violations: { rule: string; message: string; codeLocation: { file: string; startLine: number } }[];
  processingErrors: { file: string; message: string }[];
}

export const DEFAULT_RULESET = resolve(__dirname, '../../../config/pmd/apex-ruleset.xml');

export function checkApexRules(projectDir: string, ruleset = DEFAULT_RULESET): CheckResult {
  const sources = listFiles(projectDir, ['.cls', '.trigger']);
  const rules = (readFileSync(ruleset, 'utf8').match(/<rule ref=/g) ?? []).length;
  const summary = `${count(sources.length, 'Apex file')} against ${count(rules, 'PMD rule')}`;
  if (sources.length === 0) return { summary, findings: [] };

  const work = mkdtempSync(join(tmpdir(), 'psms-pmd-'));
  try {
    const input = join(work, 'input.json');
    const output = join(work, 'results.json');
    writeFileSync(
      input,
      JSON.stringify({ ruleSetInputFile: ruleset, runDataPerLanguage: { apex: { filesToScan: sources } } })
    );
    const run = runJava('com.salesforce.sfca.pmdwrapper.PmdWrapper', ['run', input, output], projectDir);
    let results: PmdResults;
    try {
      results = JSON.parse(readFileSync(output, 'utf8')) as PmdResults;
    } catch {
      return {
        summary,
        findings: [{ file: projectDir, message: `PMD did not report: ${run.stderr || run.stdout}` }]
      };
    }
    const findings: Finding[] = [
      ...results.violations.map((v) => ({
        file: displayPath(projectDir, v.codeLocation.file),
        line: v.codeLocation.startLine,
        message: `${v.rule}: ${v.message.trim()}`
      })),
      ...results.processingErrors.map((e) => ({
        file: displayPath(projectDir, e.file),
        message: `PMD could not process: ${e.message}`
      }))
    ];
    return { summary, findings };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
