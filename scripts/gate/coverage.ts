import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Finding } from './finding';

/**
 * Line-coverage floors the issues set, checked on Jest's json-summary: the engine as one
 * module, the components (every other LWC bundle) together.
 */
interface Totals {
  lines: { total: number; covered: number };
}

export interface CoverageFloor {
  name: string;
  /** Project-relative path prefixes whose files count toward this floor. */
  include: string[];
  exclude?: string[];
  minimumLinePercent: number;
}

export const FLOORS: CoverageFloor[] = [
  { name: 'engine', include: ['force-app/main/default/lwc/psmsEngine/'], minimumLinePercent: 95 },
  {
    name: 'components',
    include: ['force-app/main/default/lwc/'],
    exclude: ['force-app/main/default/lwc/psmsEngine/'],
    minimumLinePercent: 90
  }
];

export function checkCoverage(
  projectDir: string,
  summaryFile: string,
  floors = FLOORS
): { lines: string[]; findings: Finding[] } {
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Record<string, Totals>;
  const lines: string[] = [];
  const findings: Finding[] = [];
  for (const floor of floors) {
    let total = 0;
    let covered = 0;
    for (const [file, totals] of Object.entries(summary)) {
      if (file === 'total') continue;
      const path = relative(projectDir, resolve(file));
      if (!floor.include.some((p) => path.startsWith(p)) || floor.exclude?.some((p) => path.startsWith(p)))
        continue;
      total += totals.lines.total;
      covered += totals.lines.covered;
    }
    const percent = total === 0 ? 100 : (covered / total) * 100;
    lines.push(
      `${floor.name} ${percent.toFixed(1)} % of ${total} lines (floor ${floor.minimumLinePercent} %)`
    );
    if (percent < floor.minimumLinePercent) {
      findings.push({
        file: floor.include.join(', '),
        message: `${floor.name} line coverage ${percent.toFixed(1)} % is below ${floor.minimumLinePercent} %`
      });
    }
  }
  return { lines, findings };
}
