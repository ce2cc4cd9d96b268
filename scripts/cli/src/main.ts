import { runCli } from './cli';

/** The `psms` process: stdout for the report, stderr for progress and errors, the exit code as documented. */

// A reader that stops early (`psms hygiene | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  }
);
