import { ESLint } from 'eslint';
import { count, type CheckResult } from '../finding';
import { displayPath } from '../sourceFiles';

/** ESLint (LWC rules + typescript-eslint) over the whole project, zero warnings allowed. */
export async function checkEslint(projectDir: string, patterns: string[] = ['.']): Promise<CheckResult> {
  const eslint = new ESLint({ cwd: projectDir });
  const results = await eslint.lintFiles(patterns);
  const findings = results.flatMap((result) =>
    result.messages.map((m) => ({
      file: displayPath(projectDir, result.filePath),
      line: m.line,
      message: `${m.ruleId ?? 'parse'}: ${m.message}`
    }))
  );
  return { summary: `${count(results.length, 'file')} linted`, findings };
}
