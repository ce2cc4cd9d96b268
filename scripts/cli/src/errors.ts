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
  data: 3
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
