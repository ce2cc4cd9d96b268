import { OrgRuntime } from '../orgRuntime';
import { CoverageRecorder, type FileCoverage } from './coverage';
import { runTestClass, testClasses, type TestOutcome } from './testRunner';

/**
 * A whole Apex test run over an in-memory org: the package's metadata plus any extra source
 * folders (a test project beside force-app), the chosen classes' test methods, and the line
 * coverage of every non-test class and trigger.
 */
export interface SuiteOptions {
  root: string;
  sourceDirs: string[];
  classes?: string[];
  /** `Class.method` names: run only these methods. */
  methods?: string[];
  onResult?: (outcome: TestOutcome) => void;
}

export interface SuiteResult {
  outcomes: TestOutcome[];
  coverage: FileCoverage[];
  loadMs: number;
  runMs: number;
}

export function runApexTestSuite(options: SuiteOptions): SuiteResult {
  const started = Date.now();
  const recorder = new CoverageRecorder();
  const runtime = OrgRuntime.load({
    root: options.root,
    sourceDirs: options.sourceDirs,
    databasePath: ':memory:',
    coverage: recorder
  });
  runtime.linkAll();
  const loaded = Date.now();
  const outcomes: TestOutcome[] = [];
  const methods = new Set((options.methods ?? []).map((m) => m.toLowerCase()));
  const classes = testClasses(runtime, [
    ...(options.classes ?? []),
    ...[...methods].map((m) => m.split('.')[0])
  ]);
  for (const cls of classes) {
    outcomes.push(
      ...runTestClass(
        runtime,
        cls,
        (outcome) => options.onResult?.(outcome),
        (name) => methods.size === 0 || methods.has(`${cls.name}.${name}`.toLowerCase())
      )
    );
  }
  const testFiles = new Set([...runtime.registry.top.values()].filter((c) => c.isTest).map((c) => c.file));
  runtime.database.close();
  return {
    outcomes,
    coverage: recorder.report().filter((file) => !testFiles.has(file.file)),
    loadMs: loaded - started,
    runMs: Date.now() - loaded
  };
}

export function coveragePercent(files: FileCoverage[]): number {
  const executable = files.reduce((n, f) => n + f.executable.length, 0);
  const covered = files.reduce((n, f) => n + f.covered.length, 0);
  return executable === 0 ? 100 : (100 * covered) / executable;
}
