import { runCli } from './cli';
import { EXIT, OutputError } from './errors';

/** The `psms` process: stdout for the report, stderr for progress and errors, the exit code as documented. */

// runCli reports a failed write of the report itself; this catches one that surfaces after it
// returned (stdout closed as psms exits), with the same outcome: never a stack trace, never
// exit 0, and never a second message for one failure.
let running = true;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (running) return;
  const failure = new OutputError(error.code ?? '');
  if (failure.exitCode !== EXIT.brokenPipe) process.stderr.write(`psms: ${failure.message}\n`);
  process.exit(failure.exitCode);
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    running = false;
    process.exitCode = code;
  }
);
