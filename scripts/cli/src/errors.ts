/**
 * The CLI's failures, each with the exit code documented in docs/cli.md. A user's mistake is
 * reported as one line on stderr, never a stack trace: anything thrown as a CliError is such a
 * mistake or an expected failure (an org that answers 503 for too long); any other error is a
 * bug and main.ts says so.
 */

export const EXIT = {
  ok: 0,
  /** The org, the network or the API failed (after retries), or the session expired. */
  runtime: 1,
  /** Unknown command or flag, bad flag value (date, period, number). */
  usage: 2,
  /** The input data is wrong: a missing file or column, a malformed CSV row or value. */
  data: 3,
  /**
   * The reader of stdout went away (`psms hygiene | head -1`): the report was not all
   * delivered, so not 0. 141 = 128 + SIGPIPE, what a shell reports for `cat` or `grep` stopped
   * by the same broken pipe, so scripts with `set -o pipefail` see psms as any Unix tool.
   */
  brokenPipe: 141
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.runtime
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

export class DataError extends CliError {
  constructor(message: string) {
    super(message, EXIT.data);
    this.name = 'DataError';
  }
}

/**
 * stdout could not take the report (a full disk, a closed pipe): a runtime failure, one line.
 * `code` is the system's (ENOSPC, EPIPE, ...).
 */
export class OutputError extends CliError {
  constructor(readonly code: string) {
    super(
      `cannot write the report to stdout: ${OUTPUT_REASONS[code] ?? 'the system refused it'} (${code || 'no code'})`,
      code === 'EPIPE' ? EXIT.brokenPipe : EXIT.runtime
    );
    this.name = 'OutputError';
  }
}

const OUTPUT_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EFBIG: 'the file would be too large',
  EIO: 'an input/output error',
  EPIPE: 'its reader closed it',
  EBADF: 'it is not open for writing'
};
