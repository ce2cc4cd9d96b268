import { runJava } from '../java';
import { count, type CheckResult, type Finding } from '../finding';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * apex-ls resolves every Apex type, method and SObject field against the project's own
 * metadata and the platform's standard types, as the org's compiler would. It does not look
 * inside static SOQL: soqlFields does that.
 */
interface ApexLsReport {
  files: { path: string; messages: { start: { line: number }; category: string; message: string }[] }[];
}

const FAILING_CATEGORIES = new Set(['Error', 'Missing', 'Syntax']);

export function checkApexSemantics(projectDir: string): CheckResult {
  const sources = listFiles(projectDir, ['.cls', '.trigger']);
  const summary = `${count(sources.length, 'Apex file')} resolved against the project's metadata`;
  if (sources.length === 0) return { summary, findings: [] };

  const run = runJava(
    'io.github.apexdevtools.apexls.CheckForIssues',
    ['-n', '-f', 'json', '-w', projectDir],
    projectDir
  );
  let report: ApexLsReport;
  try {
    report = JSON.parse(run.stdout) as ApexLsReport;
  } catch {
    return {
      summary,
      findings: [{ file: projectDir, message: `apex-ls did not report: ${run.stderr || run.stdout}` }]
    };
  }
  const findings: Finding[] = [];
  for (const file of report.files) {
    for (const message of file.messages) {
      if (!FAILING_CATEGORIES.has(message.category)) continue;
      findings.push({
        file: displayPath(projectDir, file.path),
        line: message.start.line,
        message: `${message.category}: ${message.message}`
      });
    }
  }
  return { summary, findings };
}
