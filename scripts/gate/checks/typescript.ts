import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { count, type CheckResult, type Finding } from '../finding';
import { displayPath } from '../sourceFiles';

/**
 * Type-checks (and, for the LWC config, emits) a TypeScript project with the compiler API,
 * reporting each diagnostic as file:line.
 */
export function checkTypeScript(projectDir: string, configFile: string, emit: boolean): CheckResult {
  const configPath = resolve(projectDir, configFile);
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      }
    }
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    projectReferences: config.projectReferences
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program)];
  let emitted = 0;
  if (emit && diagnostics.length === 0) {
    const result = program.emit(undefined, (fileName, text, bom, onError, sources) => {
      emitted++;
      ts.sys.writeFile(fileName, text, bom);
      void onError;
      void sources;
    });
    diagnostics.push(...result.diagnostics);
  }
  const findings: Finding[] = diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined)
      return { file: displayPath(projectDir, configPath), message: `TS${d.code}: ${message}` };
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return {
      file: displayPath(projectDir, d.file.fileName),
      line: line + 1,
      message: `TS${d.code}: ${message}`
    };
  });
  const checked = `${count(config.fileNames.length, 'TypeScript file')} type-checked (${displayPath(projectDir, configPath) || dirname(configPath)})`;
  return { summary: emit ? `${checked}, ${count(emitted, 'JavaScript file')} emitted` : checked, findings };
}
