import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { transformSync } from '@lwc/compiler';
import { count, type CheckResult, type Finding } from '../finding';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * Compiles every deployable file of every LWC bundle (the JavaScript compiled from our
 * TypeScript, templates and styles) with the LWC compiler, as the platform does on deploy,
 * and checks each bundle has the JavaScript module the platform loads.
 */
const DEPLOYED = ['.js', '.html', '.css'];

export function checkLwcCompile(projectDir: string): CheckResult {
  const bundles = listFiles(join(projectDir, 'force-app'), ['.js-meta.xml']).map((meta) => join(meta, '..'));
  const findings: Finding[] = [];
  let compiled = 0;
  for (const dir of bundles) {
    const name = basename(dir);
    const files = readdirSync(dir).filter((f) => DEPLOYED.some((suffix) => f.endsWith(suffix)));
    if (!files.includes(`${name}.js`)) {
      findings.push({
        file: displayPath(projectDir, dir),
        message: `bundle ${name} has no ${name}.js (is its TypeScript compiled?)`
      });
    }
    for (const file of files) {
      const path = join(dir, file);
      compiled++;
      try {
        transformSync(readFileSync(path, 'utf8'), file, {
          name,
          namespace: 'c',
          enableDynamicComponents: true
        });
      } catch (error) {
        const e = error as Error & { location?: { line?: number }; loc?: { line?: number } };
        findings.push({
          file: displayPath(projectDir, path),
          line: e.location?.line ?? e.loc?.line,
          message: `LWC compiler: ${e.message.split('\n')[0]}`
        });
      }
    }
  }
  return {
    summary: `${count(compiled, 'file')} in ${count(bundles.length, 'LWC bundle')} compiled`,
    findings
  };
}
