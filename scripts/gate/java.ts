import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/** The jars of Salesforce Code Analyzer's PMD engine: PMD 7 with its Apex rules and apex-ls. */
export function analyzerClasspath(): string {
  const engineDir = dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
  return join(engineDir, 'dist', 'java-lib', '*');
}

export interface JavaRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runJava(mainClass: string, args: string[], cwd: string): JavaRun {
  const run = spawnSync('java', ['-cp', analyzerClasspath(), mainClass, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
  if (run.error) {
    throw new Error(`cannot start java (Java 17 or newer must be on PATH): ${run.error.message}`);
  }
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}
