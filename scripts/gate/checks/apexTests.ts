import { count, type CheckResult, type Finding } from '../finding';
import { coveragePercent, runApexTestSuite } from '../../org/testing/testSuite';

/**
 * Gate step "Apex tests": every @IsTest method of force-app runs in the local org runtime (each
 * in its own rolled-back transaction, as the platform runs them); a failure is reported at the
 * test method with the Apex message and the first frame of its stack; the package's line
 * coverage must reach 90 %, the bar the scratch-org workflow holds a package version to.
 */
export const COVERAGE_BAR = 90;

export function checkApexTests(root: string, sourceDirs: string[] = ['force-app']): CheckResult {
  const result = runApexTestSuite({ root, sourceDirs });
  const findings: Finding[] = [];
  for (const outcome of result.outcomes.filter((o) => !o.passed)) {
    // The line in the test method where it failed, and the innermost Apex frame that raised it.
    const stack = outcome.stackTrace ?? '';
    const inTest = new RegExp(`Class\\.${outcome.className}\\.${outcome.methodName}: line (\\d+)`).exec(
      stack
    );
    const innermost = /Class\.([\w.]+): line (\d+)/.exec(stack);
    findings.push({
      file: outcome.file,
      line: inTest ? Number(inTest[1]) : outcome.line,
      message: `${outcome.methodName}: ${outcome.message ?? 'failed'}${innermost ? ` (raised at ${innermost[1]}, line ${innermost[2]})` : ''}`
    });
  }
  const percent = coveragePercent(result.coverage);
  if (percent < COVERAGE_BAR) {
    const weakest = [...result.coverage]
      .filter((f) => f.executable.length > 0)
      .map((f) => ({ file: f.file, percent: (100 * f.covered.length) / f.executable.length }))
      .sort((a, b) => a.percent - b.percent)
      .slice(0, 5)
      .map((f) => `${f.file.replace(/^.*\//, '')} ${f.percent.toFixed(0)} %`);
    findings.push({
      file: 'force-app',
      message: `Apex line coverage ${percent.toFixed(1)} % is below ${COVERAGE_BAR} % (least covered: ${weakest.join(', ')})`
    });
  }
  const passed = result.outcomes.filter((o) => o.passed).length;
  return {
    summary: `${count(result.outcomes.length, 'test method')} in the local org runtime, ${passed} passed; line coverage ${percent.toFixed(1)} % of ${count(
      result.coverage.reduce((n, f) => n + f.executable.length, 0),
      'line'
    )} (load ${(result.loadMs / 1000).toFixed(1)} s, run ${(result.runMs / 1000).toFixed(1)} s)`,
    findings
  };
}
