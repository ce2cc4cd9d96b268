import type { Block, Member, Stmt, TriggerDecl, TypeDecl } from '../parse/ast';

/**
 * Line coverage as the platform counts it: a line is executable when a statement (or a field
 * initialiser) starts on it, and covered when that statement ran. Executable lines come from the
 * whole syntax tree, so code no test reaches still counts against coverage.
 */
export interface FileCoverage {
  file: string;
  executable: number[];
  covered: number[];
}

export class CoverageRecorder {
  private readonly hits = new Map<string, Uint8Array>();
  private readonly executable = new Map<string, Set<number>>();

  /** Registers every executable line of a class or trigger. */
  register(file: string, unit: TypeDecl | TriggerDecl): void {
    const lines = this.executable.get(file) ?? new Set<number>();
    if (unit.kind === 'trigger') collectBlock(unit.body, lines);
    else collectType(unit, lines);
    this.executable.set(file, lines);
    // Sized once: compiled statements keep a reference to this array.
    this.hits.set(file, new Uint8Array(Math.max(0, ...lines) + 1));
  }

  /** The array a statement on `line` of `file` marks when it runs (null for code not registered, e.g. anonymous Apex). */
  hitsFor(file: string, line: number): Uint8Array | null {
    const array = this.hits.get(file);
    return array && line < array.length ? array : null;
  }

  report(): FileCoverage[] {
    return [...this.executable.entries()].map(([file, lines]) => {
      const hits = this.hits.get(file);
      const executable = [...lines].sort((a, b) => a - b);
      return {
        file,
        executable,
        covered: executable.filter((line) => hits !== undefined && hits[line] === 1)
      };
    });
  }
}

function collectType(decl: TypeDecl, lines: Set<number>): void {
  if (decl.kind !== 'class') return;
  for (const member of decl.members) collectMember(member, lines);
}

function collectMember(member: Member, lines: Set<number>): void {
  switch (member.kind) {
    case 'field':
      for (const d of member.declarators) if (d.init) lines.add(d.line);
      break;
    case 'property':
      if (member.getter?.body) collectBlock(member.getter.body, lines);
      if (member.setter?.body) collectBlock(member.setter.body, lines);
      break;
    case 'method':
    case 'constructor':
    case 'init':
      if (member.body) collectBlock(member.body, lines);
      break;
    default:
      collectType(member, lines);
  }
}

function collectBlock(block: Block, lines: Set<number>): void {
  for (const statement of block.statements) collectStatement(statement, lines);
}

function collectStatement(statement: Stmt, lines: Set<number>): void {
  if (statement.kind === 'block') {
    collectBlock(statement, lines);
    return;
  }
  lines.add(statement.line);
  switch (statement.kind) {
    case 'if':
      collectStatement(statement.then, lines);
      if (statement.else) collectStatement(statement.else, lines);
      break;
    case 'for':
    case 'forEach':
    case 'while':
      if (statement.body) collectStatement(statement.body, lines);
      break;
    case 'doWhile':
      collectBlock(statement.body, lines);
      break;
    case 'try':
      collectBlock(statement.block, lines);
      for (const c of statement.catches) collectBlock(c.block, lines);
      if (statement.finally) collectBlock(statement.finally, lines);
      break;
    case 'switch':
      for (const when of statement.whens) collectBlock(when.block, lines);
      break;
    case 'runAs':
      collectBlock(statement.block, lines);
      break;
    default:
      break;
  }
}
