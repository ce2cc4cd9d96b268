import type { Catch, Stmt, When } from '../parse/ast';
import { PlatformError, UnsupportedError } from '../platformError';
import { ApexThrow } from './apexThrow';
import { coerceToDeclared } from './coerceDeclared';
import type { BodyScope } from './compiler';
import {
  BREAK,
  CONTINUE,
  NORMAL,
  RETURN,
  type Completion,
  type ExpressionCode,
  type StatementCode
} from './compiledBody';
import type { Frame } from './frame';
import { isInstanceOf, npe, toText } from './operators';
import { ApexEnumValue, ApexObject, type RuntimeClass } from './runtimeClass';
import type { ApexType } from './types';
import { ApexList, ApexMap, ApexSet } from './values/collections';
import { SObject } from './values/sobject';

/**
 * Statements → closures returning how they completed (normally, break, continue, return).
 * Each statement marks its line on the frame (for stack traces) and in the coverage record.
 */
export function compileBlockStatements(scope: BodyScope, statements: Stmt[]): StatementCode {
  const codes = statements.map((s) => compileStatement(scope, s));
  if (codes.length === 1) return codes[0];
  return (frame) => {
    for (let i = 0; i < codes.length; i++) {
      const completion = codes[i](frame);
      if (completion !== NORMAL) return completion;
    }
    return NORMAL;
  };
}

export function compileStatement(scope: BodyScope, node: Stmt): StatementCode {
  if (node.kind === 'block') return scope.nested(() => compileBlockStatements(scope, node.statements));
  const code = compileBare(scope, node);
  const line = node.line;
  const hits = scope.coverageHits(line);
  if (hits)
    return (frame) => {
      hits[line] = 1;
      frame.line = line;
      return code(frame);
    };
  return (frame) => {
    frame.line = line;
    return code(frame);
  };
}

function optional(scope: BodyScope, node: Stmt | null): StatementCode {
  return node ? scope.nested(() => compileStatement(scope, node)) : () => NORMAL;
}

function compileBare(scope: BodyScope, node: Exclude<Stmt, { kind: 'block' }>): StatementCode {
  switch (node.kind) {
    case 'local':
      return compileLocal(scope, node.type, node.declarators, node.line);
    case 'expr': {
      const expr = scope.expression(node.expr);
      return (frame) => {
        expr(frame);
        return NORMAL;
      };
    }
    case 'if': {
      const cond = condition(scope.expression(node.cond));
      const then = optional(scope, node.then);
      const otherwise = node.else ? optional(scope, node.else) : null;
      return (frame) => (cond(frame) ? then(frame) : otherwise ? otherwise(frame) : NORMAL);
    }
    case 'while': {
      const cond = condition(scope.expression(node.cond));
      const body = optional(scope, node.body);
      return (frame) => {
        while (cond(frame)) {
          const c = body(frame);
          if (c === BREAK) break;
          if (c === RETURN) return c;
        }
        return NORMAL;
      };
    }
    case 'doWhile': {
      const cond = condition(scope.expression(node.cond));
      const body = optional(scope, node.body);
      return (frame) => {
        do {
          const c = body(frame);
          if (c === BREAK) break;
          if (c === RETURN) return c;
        } while (cond(frame));
        return NORMAL;
      };
    }
    case 'for':
      return scope.nested(() => compileFor(scope, node));
    case 'forEach':
      return scope.nested(() => compileForEach(scope, node));
    case 'return': {
      const value = node.expr ? scope.expression(node.expr) : null;
      return (frame) => {
        frame.returnValue = value ? value(frame) : null;
        return RETURN;
      };
    }
    case 'break':
      return () => BREAK;
    case 'continue':
      return () => CONTINUE;
    case 'throw': {
      const value = scope.expression(node.expr);
      return (frame) => {
        const exception = value(frame);
        if (exception === null) throw npe();
        if (!(exception instanceof ApexObject))
          throw new UnsupportedError('throwing a non-exception value', scope.file, node.line);
        frame.ex.captureStackTrace(exception);
        throw new ApexThrow(exception);
      };
    }
    case 'try':
      return compileTry(scope, node.block.statements, node.catches, node.finally?.statements ?? null);
    case 'switch':
      return compileSwitch(scope, scope.expression(node.expr), node.whens);
    case 'dml':
      return compileDml(scope, node);
    case 'runAs': {
      if (node.args.length !== 1)
        throw new UnsupportedError('System.runAs with a package version', scope.file, node.line);
      const user = scope.expression(node.args[0]);
      const block = scope.nested(() => compileBlockStatements(scope, node.block.statements));
      return (frame) => {
        const who = user(frame);
        if (!(who instanceof SObject) || who.type.name !== 'User' || !who.id)
          throw new PlatformError(
            'System.IllegalArgumentException',
            'System.runAs needs a User record with an Id'
          );
        if (!frame.ex.options.isTest)
          throw new UnsupportedError('System.runAs outside a test', scope.file, node.line);
        let completion: Completion = NORMAL;
        frame.ex.runAs(who.id, () => {
          completion = block(frame);
        });
        return completion;
      };
    }
  }
}

export function condition(expr: ExpressionCode): (frame: Frame) => boolean {
  return (frame) => {
    const value = expr(frame);
    if (value === null || value === undefined) throw npe();
    return value === true;
  };
}

function compileLocal(
  scope: BodyScope,
  typeRef: import('../parse/ast').TypeRef,
  declarators: import('../parse/ast').Declarator[],
  line: number
): StatementCode {
  const type = scope.resolveType(typeRef, line);
  const steps = declarators.map((d) => {
    const init = d.init ? scope.expression(d.init) : null;
    const slot = scope.declare(d.name, type).slot;
    return { slot, init };
  });
  return (frame) => {
    for (const step of steps)
      frame.locals[step.slot] = step.init ? coerceToDeclared(step.init(frame), type) : null;
    return NORMAL;
  };
}

function compileFor(scope: BodyScope, node: Extract<Stmt, { kind: 'for' }>): StatementCode {
  const init =
    node.init?.kind === 'local'
      ? compileLocal(scope, node.init.type, node.init.declarators, node.line)
      : node.init
        ? sequence(node.init.exprs.map((e) => scope.expression(e)))
        : null;
  const cond = node.cond ? condition(scope.expression(node.cond)) : null;
  const update = sequence(node.update.map((e) => scope.expression(e)));
  const body = optional(scope, node.body);
  return (frame) => {
    if (init) init(frame);
    while (!cond || cond(frame)) {
      const c = body(frame);
      if (c === BREAK) break;
      if (c === RETURN) return c;
      update(frame);
    }
    return NORMAL;
  };
}

function sequence(codes: ExpressionCode[]): StatementCode {
  return (frame) => {
    for (const code of codes) code(frame);
    return NORMAL;
  };
}

function compileForEach(scope: BodyScope, node: Extract<Stmt, { kind: 'forEach' }>): StatementCode {
  const type = scope.resolveType(node.type, node.line);
  const iterable = scope.expression(node.iterable);
  const slot = scope.declare(node.name, type).slot;
  const body = optional(scope, node.body);
  // A SOQL for loop with a list variable receives the rows in chunks of 200.
  const chunked = node.iterable.kind === 'soql' && type.kind === 'list';
  return (frame) => {
    const source = iterable(frame);
    if (source === null || source === undefined) throw npe();
    let items: unknown[];
    if (source instanceof ApexList) items = source.items.slice();
    else if (source instanceof ApexSet) items = source.values();
    else
      throw new UnsupportedError(
        `iterating a ${source instanceof ApexMap ? 'Map' : typeof source}`,
        scope.file,
        node.line
      );
    if (chunked && source instanceof ApexList) {
      const element = type.kind === 'list' ? type.element : source.element;
      const chunks: unknown[] = [];
      for (let i = 0; i < items.length; i += 200) chunks.push(new ApexList(element, items.slice(i, i + 200)));
      items = chunks;
    }
    for (const item of items) {
      frame.locals[slot] = coerceToDeclared(item, type);
      const c = body(frame);
      if (c === BREAK) break;
      if (c === RETURN) return c;
    }
    return NORMAL;
  };
}

function isUncatchable(error: unknown): boolean {
  if (error instanceof PlatformError) return error.exceptionType === 'System.LimitException';
  if (error instanceof ApexThrow) return error.typeName === 'System.LimitException';
  return true;
}

function compileTry(
  scope: BodyScope,
  block: Stmt[],
  catches: Catch[],
  finallyBlock: Stmt[] | null
): StatementCode {
  const body = scope.nested(() => compileBlockStatements(scope, block));
  const handlers = catches.map((c) => {
    const cls = scope.registry.findClass(
      c.type.map((t) => t.toLowerCase()),
      scope.cls
    );
    if (!cls) throw new UnsupportedError(`catching ${c.type.join('.')}`, scope.file, c.line);
    return scope.nested(() => {
      const slot = scope.declare(c.name, { kind: 'class', cls }).slot;
      return { cls, slot, run: compileBlockStatements(scope, c.block.statements) };
    });
  });
  const final = finallyBlock ? scope.nested(() => compileBlockStatements(scope, finallyBlock)) : null;
  const attempt = (frame: Frame): Completion => {
    try {
      return body(frame);
    } catch (error) {
      if (isUncatchable(error) || handlers.length === 0) throw error;
      const thrown = frame.ex.toApexThrow(error);
      const handler = handlers.find((h) => thrown.exception.cls.isA(h.cls as RuntimeClass));
      if (!handler) throw thrown;
      frame.locals[handler.slot] = thrown.exception;
      return handler.run(frame);
    }
  };
  if (!final) return attempt;
  return (frame) => {
    let completion: Completion = NORMAL;
    let failure: unknown = null;
    let failed = false;
    try {
      completion = attempt(frame);
    } catch (error) {
      failed = true;
      failure = error;
    }
    const returned = frame.returnValue;
    const afterFinally = final(frame);
    if (afterFinally !== NORMAL) return afterFinally;
    if (failed) throw failure;
    frame.returnValue = returned;
    return completion;
  };
}

function compileSwitch(scope: BodyScope, subject: ExpressionCode, whens: When[]): StatementCode {
  const arms = whens.map((when) =>
    scope.nested(() => {
      const match = when.match;
      if (match.kind === 'type') {
        const type: ApexType = scope.resolveType(match.type, when.line);
        const slot = scope.declare(match.name, type).slot;
        const run = compileBlockStatements(scope, when.block.statements);
        return { test: (value: unknown) => isInstanceOf(value, type), bind: slot, run };
      }
      const run = compileBlockStatements(scope, when.block.statements);
      if (match.kind === 'else') return { test: () => true, bind: -1, run };
      const tests = match.values.map((v): ((value: unknown) => boolean) => {
        if (v.kind === 'literal')
          return (value) =>
            v.value === null
              ? value === null
              : value !== null &&
                (typeof value === 'string' ? value === v.value : Number(toText(value)) === v.value);
        const name = v.names[v.names.length - 1].toLowerCase();
        return (value) => value instanceof ApexEnumValue && value.name.toLowerCase() === name;
      });
      return { test: (value: unknown) => tests.some((t) => t(value)), bind: -1, run };
    })
  );
  return (frame) => {
    const value = subject(frame);
    for (const arm of arms) {
      if (!arm.test(value)) continue;
      if (arm.bind >= 0) frame.locals[arm.bind] = value;
      return arm.run(frame);
    }
    return NORMAL;
  };
}

function compileDml(scope: BodyScope, node: Extract<Stmt, { kind: 'dml' }>): StatementCode {
  if (node.op === 'merge') throw new UnsupportedError('merge', scope.file, node.line);
  const records = scope.expression(node.expr);
  let externalId: string | null = null;
  if (node.field) externalId = node.field[node.field.length - 1];
  const op = node.op;
  const access = node.access;
  return (frame) => {
    const value = records(frame);
    if (value === null || value === undefined) throw npe();
    frame.ex.org.services.dml.statement(frame.ex, op, value, { access, externalId, allOrNone: true });
    return NORMAL;
  };
}
