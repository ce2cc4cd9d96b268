import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { count, type CheckResult, type Finding } from '../finding';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * Prettier over TS/JS/HTML/CSS/JSON, Apex (prettier-plugin-apex, whose parser also rejects
 * Apex syntax errors) and metadata XML. A file that is not formatted, or does not parse,
 * is named.
 */
const FORMATTED = ['.ts', '.js', '.html', '.css', '.json', '.cls', '.trigger', '.xml', '.yml', '.yaml'];

export async function checkFormatting(projectDir: string): Promise<CheckResult> {
  const ignorePath = join(projectDir, '.prettierignore');
  const files = listFiles(projectDir, FORMATTED, { includeTests: true });
  const findings: Finding[] = [];
  let checked = 0;
  for (const file of files) {
    const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: true });
    if (info.ignored || !info.inferredParser) continue;
    checked++;
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    try {
      if (!(await prettier.check(readFileSync(file, 'utf8'), options))) {
        findings.push({
          file: displayPath(projectDir, file),
          message: 'not formatted (run `npm run format`)'
        });
      }
    } catch (error) {
      const e = error as Error & { loc?: { start?: { line?: number } } };
      findings.push({
        file: displayPath(projectDir, file),
        line: e.loc?.start?.line,
        message: `does not parse: ${e.message.split('\n')[0]}`
      });
    }
  }
  return { summary: `${count(checked, 'file')} checked`, findings };
}
