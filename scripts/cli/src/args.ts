import { FIRST_DATE, isCalendarDate, LAST_DATE } from './data/dateValues';
import { canonicalId } from './data/recordId';
import { UsageError } from './errors';
import { didYouMean } from './suggest';

/**
 * Command-line parsing: `psms <command> [--flag value | --flag=value | --switch]...`. Flags are
 * declared per command so that an unknown one is refused with a suggestion instead of being
 * silently ignored (a mistyped `--perod` must not produce a report for the wrong period).
 */

export interface FlagSpec {
  name: string;
  /** A switch takes no value. */
  kind: 'value' | 'switch';
  description: string;
  /** Shown in help, e.g. `YYYY-MM-DD`. */
  valueName?: string;
  /** The flag may be given several times; its values are collected in order. */
  repeatable?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  flags: readonly FlagSpec[];
}

export interface ParsedCommand {
  command: CommandSpec;
  /** Values of value flags (the last one given wins unless repeatable). */
  values: Map<string, string[]>;
  switches: Set<string>;
}

export const HELP_FLAGS = ['--help', '-h'];

/** Splits `argv` (without node and the script) into the command and its flags. */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): ParsedCommand {
  const [name, ...rest] = argv;
  const names = commands.map((c) => c.name);
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    throw new UsageError(`unknown command "${name}"${didYouMean(name, names)}; run psms --help for the list`);
  }
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const flagNames = command.flags.map((f) => `--${f.name}`);
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith('--')) {
      throw new UsageError(`${command.name}: unexpected argument "${token}"; flags start with --`);
    }
    const equals = token.indexOf('=');
    const flagName = equals === -1 ? token.slice(2) : token.slice(2, equals);
    const flag = command.flags.find((f) => f.name === flagName);
    if (flag === undefined) {
      throw new UsageError(
        `${command.name}: unknown flag --${flagName}${didYouMean(`--${flagName}`, flagNames)}`
      );
    }
    if (flag.kind === 'switch') {
      if (equals !== -1) throw new UsageError(`${command.name}: --${flag.name} takes no value`);
      switches.add(flag.name);
      continue;
    }
    let value: string | undefined;
    if (equals !== -1) {
      value = token.slice(equals + 1);
    } else {
      value = rest[i + 1];
      // A following flag is not a value: `--org --json` means the alias was forgotten.
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(
          `${command.name}: --${flag.name} needs a value${flag.valueName ? ` (${flag.valueName})` : ''}`
        );
      }
      i++;
    }
    // `--org=` or `--org ""` is a value forgotten, not an alias or folder named ''.
    if (value.trim() === '') {
      throw new UsageError(
        `${command.name}: --${flag.name} needs a value${flag.valueName ? ` (${flag.valueName})` : ''}`
      );
    }
    const list = values.get(flag.name) ?? [];
    values.set(flag.name, flag.repeatable ? [...list, value] : [value]);
  }
  return { command, values, switches };
}

/** Typed access to a parsed command's flags, with the checks every command shares. */
export class Flags {
  constructor(private readonly parsed: ParsedCommand) {}

  get command(): string {
    return this.parsed.command.name;
  }

  string(name: string): string | undefined {
    const list = this.parsed.values.get(name);
    return list === undefined ? undefined : list[list.length - 1];
  }

  all(name: string): string[] {
    return this.parsed.values.get(name) ?? [];
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw new UsageError(`${this.command}: --${name} is required`);
    return value;
  }

  has(name: string): boolean {
    return this.parsed.switches.has(name);
  }

  /** An integer within [min, max]. */
  integer(name: string, min: number, max: number): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new UsageError(
        `${this.command}: --${name} must be a whole number from ${min} to ${max}, not "${value}"`
      );
    }
    return Number(value);
  }

  /**
   * A real calendar date `YYYY-MM-DD` (2026-02-30 is refused) that Salesforce can store, by the
   * same check as every date in the data.
   */
  date(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!isCalendarDate(value))
      throw new UsageError(
        `${this.command}: --${name} must be a date YYYY-MM-DD that exists, from ${FIRST_DATE} to ${LAST_DATE}, not "${value}"`
      );
    return value;
  }

  /** A record id (15 or 18 characters), in the 18-character form every id of the data has. */
  recordId(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const id = canonicalId(value);
    if (id === undefined)
      throw new UsageError(
        `${this.command}: --${name} must be a record id (15 or 18 letters and digits, an 18-character one with its own case suffix), not ${JSON.stringify(value)}`
      );
    return id;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const match = allowed.find((a) => a === value);
    if (match === undefined) {
      throw new UsageError(
        `${this.command}: --${name} must be one of ${allowed.join(', ')}, not "${value}"${didYouMean(value, allowed)}`
      );
    }
    return match;
  }
}
