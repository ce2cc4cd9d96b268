/**
 * What every gate check reports: the files it looked at and the defects it found, each
 * naming the file, the line (when known) and the reason, so a failure is actionable.
 */
export interface Finding {
  file: string;
  line?: number;
  message: string;
}

export interface CheckResult {
  /** One line saying what was checked, with counts, e.g. "12 classes, 3 triggers". */
  summary: string;
  findings: Finding[];
}

export function formatFinding(finding: Finding): string {
  const where = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  return `${where}: ${finding.message}`;
}

/** Counts a noun with its plural, e.g. count(2, 'class', 'classes') → "2 classes". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
