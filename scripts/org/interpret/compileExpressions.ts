import type { Creator, Expr, TypeRef } from '../parse/ast';
import type { ObjectDescribe } from '../schema/describe';
import { PlatformError, UnsupportedError } from '../platformError';
import { parseSoql } from '../soql/parseSoql';
import { coerceToDeclared, singleRow } from './coerceDeclared';
import type { BodyScope } from './compiler';
import type { ExpressionCode } from './compiledBody';
import { condition } from './compileStatements';
import { callMember, readMember, sobjectFieldError, writeMember, writeSObjectField } from './dispatch';
import type { Frame } from './frame';
import {
  add,
  apexEquals,
  castTo,
  compareValues,
  divide,
  isInstanceOf,
  multiply,
  negate,
  npe,
  subtract
} from './operators';
import { ApexObject, type FieldInfo, type RuntimeClass } from './runtimeClass';
import { withAccessors } from './properties';
import { typeToken } from './system/typeTokens';
import { customMetadataCall } from './system/customMetadata';
import { queryLocator } from './system/database';
import { sobjectTypeMember } from './system/schemaTokens';
import type { ApexType } from './types';
import { ApexList, ApexMap, ApexSet } from './values/collections';
import { Decimal, isNumber, numberOf, toDouble } from './values/numbers';
import { SObject } from './values/sobject';

/**
 * Expressions → closures over a frame. Names are resolved here, once: a local's slot, a field
 * of this class or an outer one, or a type (a class, an SObject type, a namespace) that the
 * enclosing dot or call then uses statically. What cannot be resolved is a compile error in an
 * org, and is reported with file and line rather than guessed at.
 */
type Target =
  | { kind: 'value'; code: ExpressionCode }
  | { kind: 'class'; cls: RuntimeClass }
  | { kind: 'sobject'; object: ObjectDescribe }
  | { kind: 'super' };

export function compileExpression(scope: BodyScope, node: Expr): ExpressionCode {
  const target = compileTarget(scope, node);
  if (target.kind === 'value') return target.code;
  if (target.kind === 'super') throw unsupported(scope, node, '`super` used as a value');
  const name = target.kind === 'class' ? target.cls.name : target.object.name;
  throw unsupported(scope, node, `Variable does not exist: ${name}`);
}

function unsupported(scope: BodyScope, node: { line: number }, what: string): UnsupportedError {
  return new UnsupportedError(what, scope.file, node.line);
}

function value(code: ExpressionCode): Target {
  return { kind: 'value', code };
}

function compileTarget(scope: BodyScope, node: Expr): Target {
  switch (node.kind) {
    case 'literal':
      return value(literal(node));
    case 'name':
      return compileName(scope, node.name, node.line);
    case 'this':
      return value((frame) => frame.self);
    case 'super':
      return { kind: 'super' };
    case 'typeLiteral': {
      const type: ApexType = node.type ? scope.resolveType(node.type, node.line) : { kind: 'void' };
      return value((frame) => typeToken(frame.ex, type));
    }
    case 'soql':
      return value(compileSoql(scope, node));
    case 'dot':
      return compileDot(scope, node);
    case 'call':
      return value(compileCall(scope, node));
    case 'index': {
      const target = scope.expression(node.target);
      const index = scope.expression(node.index);
      return value((frame) => listAt(target(frame), index(frame)));
    }
    case 'new':
      return value(compileNew(scope, node.type, node.creator, node.line));
    case 'cast': {
      const type = scope.resolveType(node.type, node.line);
      const expr = scope.expression(node.expr);
      return value((frame) => {
        const result = expr(frame);
        if (result instanceof ApexList && result.fromSoql && type.kind === 'sobject')
          return castTo(singleRow(result), type);
        return castTo(result, type);
      });
    }
    case 'unary':
      return value(compileUnary(scope, node.op, scope.expression(node.expr)));
    case 'step':
      return value(compileStep(scope, node));
    case 'binary':
      return value(compileBinary(scope, node.op, node.left, node.right));
    case 'instanceOf': {
      const type = scope.resolveType(node.type, node.line);
      const expr = scope.expression(node.expr);
      return value((frame) => isInstanceOf(expr(frame), type));
    }
    case 'cond': {
      const cond = condition(scope.expression(node.cond));
      const then = scope.expression(node.then);
      const otherwise = scope.expression(node.else);
      return value((frame) => (cond(frame) ? then(frame) : otherwise(frame)));
    }
    case 'assign':
      return value(compileAssign(scope, node));
  }
}

function literal(node: Extract<Expr, { kind: 'literal' }>): ExpressionCode {
  let result: unknown = node.value;
  if (node.type === 'Decimal') {
    const number = node.value as number;
    result = node.scale === -1 ? toDouble(number) : new Decimal(number, node.scale);
  }
  return () => result;
}

// ---- names --------------------------------------------------------------------------------

function compileName(scope: BodyScope, name: string, line: number): Target {
  const local = scope.lookup(name);
  if (local) {
    const slot = local.slot;
    return value((frame) => frame.locals[slot]);
  }
  const field = findField(scope, name);
  if (field) return value(fieldReader(scope, field, line));
  // As a qualifier, a type name means its class: `String.valueOf`, `Date.today`, `EngagementRules.submit`.
  const cls = scope.registry.findClass([name.toLowerCase()], scope.cls);
  if (cls) return { kind: 'class', cls };
  const object = scope.schema.object(name);
  if (object) return { kind: 'sobject', object };
  throw unsupported(scope, { line }, `Variable does not exist: ${name}`);
}

/** A field or property visible from the code's class: its own and inherited ones, then outer classes' statics. */
function findField(scope: BodyScope, name: string): FieldInfo | undefined {
  const key = name.toLowerCase();
  for (let cls = scope.cls; cls; cls = cls.outer) {
    scope.registry.link(cls);
    const field = cls.findField(key);
    if (field && (field.isStatic || cls === scope.cls)) return field;
  }
  return undefined;
}

function fieldReader(scope: BodyScope, field: FieldInfo, line: number): ExpressionCode {
  const backing = scope.property === field;
  if (field.isStatic) {
    if (backing || !field.property || !hasAccessorBody(field, 'get'))
      return (frame) => {
        frame.ex.ensureInitialized(field.owner);
        return frame.ex.staticsOf(field.owner).get(field.key) ?? null;
      };
    return (frame) => frame.ex.getStatic(withAccessors(field));
  }
  if (scope.isStatic)
    throw unsupported(scope, { line }, `instance field ${field.name} from a static context`);
  if (backing || !field.property || !hasAccessorBody(field, 'get'))
    return (frame) => frame.self?.fields.get(field.key) ?? null;
  return (frame) => frame.ex.getField(frame.self as ApexObject, withAccessors(field));
}

function fieldWriter(scope: BodyScope, field: FieldInfo, line: number): (frame: Frame, v: unknown) => void {
  const backing = scope.property === field;
  if (field.isStatic) {
    if (backing || !field.property || !hasAccessorBody(field, 'set'))
      return (frame, v) => {
        frame.ex.ensureInitialized(field.owner);
        frame.ex.staticsOf(field.owner).set(field.key, coerceToDeclared(v, field.type));
      };
    return (frame, v) => frame.ex.setStatic(withAccessors(field), v);
  }
  if (scope.isStatic)
    throw unsupported(scope, { line }, `instance field ${field.name} from a static context`);
  if (backing || !field.property || !hasAccessorBody(field, 'set'))
    return (frame, v) => (frame.self as ApexObject).fields.set(field.key, coerceToDeclared(v, field.type));
  return (frame, v) => frame.ex.setField(frame.self as ApexObject, withAccessors(field), v);
}

function hasAccessorBody(field: FieldInfo, which: 'get' | 'set'): boolean {
  const accessor = which === 'get' ? field.property?.getter : field.property?.setter;
  return Boolean(accessor?.body);
}

// ---- member access --------------------------------------------------------------------------

function compileDot(scope: BodyScope, node: Extract<Expr, { kind: 'dot' }>): Target {
  const target = compileTarget(scope, node.target);
  const name = node.name;
  switch (target.kind) {
    case 'value': {
      const code = target.code;
      const safe = node.safe;
      const soql = node.target.kind === 'soql';
      return value((frame) => {
        let base = code(frame);
        if (soql && base instanceof ApexList) base = singleRow(base);
        return readMember(frame.ex, base, name, safe);
      });
    }
    case 'class':
      return classMember(scope, target.cls, name, node.line);
    case 'sobject': {
      const object = target.object;
      return value((frame) => sobjectTypeMember(frame.ex, object, name));
    }
    case 'super':
      throw unsupported(scope, node, 'reading a field through super');
  }
}

function classMember(scope: BodyScope, cls: RuntimeClass, name: string, line: number): Target {
  scope.registry.link(cls);
  const key = name.toLowerCase();
  const inner = cls.inner.get(key);
  if (inner) return { kind: 'class', cls: inner };
  const enumValue = cls.enumValues.find((v) => v.name.toLowerCase() === key);
  if (enumValue) return value(() => enumValue);
  const field = cls.findField(key);
  if (field) {
    if (!field.isStatic)
      throw unsupported(scope, { line }, `instance field ${cls.name}.${name} read statically`);
    if (field.nativeValue) {
      const read = field.nativeValue;
      return value((frame) => read(frame.ex));
    }
    const withBodies = withAccessors(field);
    return value((frame) => frame.ex.getStatic(withBodies));
  }
  const dynamic = cls.nativeStatic;
  if (dynamic) return value((frame) => dynamic(frame.ex, name));
  const nested = scope.registry.findClass([...cls.name.toLowerCase().split('.'), key], null);
  if (nested) return { kind: 'class', cls: nested };
  const type = cls.isSystem ? scope.registry.findType([cls.name, name], null) : undefined;
  if (type?.kind === 'sobject' && type.object) return { kind: 'sobject', object: type.object };
  throw unsupported(scope, { line }, `Variable does not exist: ${cls.name}.${name}`);
}

// ---- calls ------------------------------------------------------------------------------------

function compileArgs(scope: BodyScope, args: Expr[]): (frame: Frame) => unknown[] {
  const codes = args.map((a) => scope.expression(a));
  return (frame) => codes.map((c) => c(frame));
}

function compileCall(scope: BodyScope, node: Extract<Expr, { kind: 'call' }>): ExpressionCode {
  const args = compileArgs(scope, node.args);
  const name = node.name;
  const line = node.line;
  if (node.target === null) return unqualifiedCall(scope, name, args, line);
  // `record.Field__c.addError(...)` attaches the error to that field of the record.
  if (name.toLowerCase() === 'adderror' && node.target.kind === 'dot') {
    const dot = node.target;
    const base = compileTarget(scope, dot.target);
    if (base.kind === 'value') {
      const baseCode = base.code;
      const field = dot.name;
      return (frame) => {
        const record = baseCode(frame);
        const values = args(frame);
        if (record instanceof SObject && record.field(field))
          return sobjectFieldError(frame.ex, record, field, values);
        return callMember(frame.ex, readMember(frame.ex, record, field, dot.safe), name, values, false);
      };
    }
  }
  const target = compileTarget(scope, node.target);
  // Database.getQueryLocator([SELECT ...]): a batch's query, whose rows the 50,000-row limit does not count.
  if (
    target.kind === 'class' &&
    target.cls.name === 'Database' &&
    name.toLowerCase() === 'getquerylocator' &&
    node.args.length === 1 &&
    node.args[0].kind === 'soql'
  ) {
    const records = compileSoql(scope, node.args[0], true);
    return (frame) => queryLocator(frame.ex, records(frame) as ApexList, null);
  }
  switch (target.kind) {
    case 'value': {
      const code = target.code;
      const safe = node.safe;
      const soql = node.target.kind === 'soql';
      return (frame) => {
        const self = code(frame);
        return callMember(frame.ex, soql && self instanceof ApexList ? self : self, name, args(frame), safe);
      };
    }
    case 'class':
      return staticCall(scope, target.cls, name, args, line);
    case 'super': {
      const parent = scope.cls?.superclass;
      if (!parent) throw unsupported(scope, node, 'super call without a superclass');
      const candidates = parent.findMethods(name.toLowerCase());
      if (candidates.length === 0) throw unsupported(scope, node, `Method does not exist: super.${name}`);
      return (frame) => {
        const values = args(frame);
        const method = frame.ex.selectMethod(candidates, values, `${parent.name}.${name}`);
        return frame.ex.invoke(method, frame.self, values);
      };
    }
    case 'sobject': {
      const object = target.object;
      if (!object.customMetadata) throw unsupported(scope, node, `${object.name}.${name}()`);
      return (frame) => customMetadataCall(frame.ex, object, name, args(frame));
    }
  }
}

function unqualifiedCall(
  scope: BodyScope,
  name: string,
  args: (frame: Frame) => unknown[],
  line: number
): ExpressionCode {
  const key = name.toLowerCase();
  for (let cls = scope.cls; cls; cls = cls.outer) {
    scope.registry.link(cls);
    const candidates = cls.findMethods(key);
    if (candidates.length === 0) continue;
    const owner = cls;
    const inOwnClass = cls === scope.cls;
    return (frame) => {
      const values = args(frame);
      const method = frame.ex.selectMethod(candidates, values, `${owner.name}.${name}`);
      if (method.isStatic) return frame.ex.invoke(method, null, values);
      if (!inOwnClass || !frame.self)
        throw unsupported(scope, { line }, `instance method ${name} from a static context`);
      return frame.ex.invoke(frame.self.cls.dispatch(method), frame.self, values);
    };
  }
  throw unsupported(scope, { line }, `Method does not exist: ${name}`);
}

function staticCall(
  scope: BodyScope,
  cls: RuntimeClass,
  name: string,
  args: (frame: Frame) => unknown[],
  line: number
): ExpressionCode {
  scope.registry.link(cls);
  const candidates = cls.findMethods(name.toLowerCase()).filter((m) => m.isStatic);
  if (candidates.length === 0)
    throw unsupported(scope, { line }, `Method does not exist: ${cls.name}.${name}`);
  if (candidates.length === 1) {
    const method = candidates[0];
    return (frame) => frame.ex.invoke(method, null, args(frame));
  }
  return (frame) => {
    const values = args(frame);
    return frame.ex.invoke(frame.ex.selectMethod(candidates, values, `${cls.name}.${name}`), null, values);
  };
}

// ---- SOQL ---------------------------------------------------------------------------------------

function compileSoql(
  scope: BodyScope,
  node: Extract<Expr, { kind: 'soql' }>,
  locator = false
): ExpressionCode {
  let query: ReturnType<typeof parseSoql>;
  try {
    query = parseSoql(node.text);
  } catch (error) {
    throw unsupported(scope, node, `SOQL: ${(error as Error).message}`);
  }
  const binds = node.binds.map((b) => scope.expression(b));
  return (frame) => {
    const values = new Map<string, unknown>(binds.map((code, i) => [`__b${i}`, code(frame)]));
    const bind = (name: string): unknown => {
      if (!values.has(name))
        throw new PlatformError('System.QueryException', `Variable does not exist: ${name}`);
      return values.get(name);
    };
    return frame.ex.org.services.soql.run(frame.ex, query, bind, undefined, { locator });
  };
}

// ---- new ----------------------------------------------------------------------------------------

function compileNew(scope: BodyScope, ref: TypeRef, creator: Creator, line: number): ExpressionCode {
  const type = scope.resolveType(ref, line);
  switch (type.kind) {
    case 'list':
    case 'set':
      return newCollection(scope, type, creator, line);
    case 'map':
      return newMap(scope, type, creator, line);
    case 'sobject':
      if (!type.object) throw unsupported(scope, { line }, 'new SObject()');
      return newSObject(scope, type.object, creator, line);
    case 'class': {
      if (creator.kind !== 'args' && creator.kind !== 'empty')
        throw unsupported(scope, { line }, `new ${type.cls.name}{...}`);
      const cls = type.cls as RuntimeClass;
      const args = compileArgs(scope, creator.kind === 'args' ? creator.args : []);
      return (frame) => frame.ex.construct(cls, args(frame));
    }
    default:
      throw unsupported(scope, { line }, `new ${ref.names.map((n) => n.name).join('.')}`);
  }
}

function newCollection(
  scope: BodyScope,
  type: Extract<ApexType, { kind: 'list' | 'set' }>,
  creator: Creator,
  line: number
): ExpressionCode {
  const element = type.element;
  const make = (items: unknown[]): unknown => {
    if (type.kind === 'list')
      return new ApexList(
        element,
        items.map((i) => coerceToDeclared(i, element))
      );
    const set = new ApexSet(element);
    for (const item of items) set.add(coerceToDeclared(item, element));
    return set;
  };
  switch (creator.kind) {
    case 'empty':
      return () => make([]);
    case 'elements': {
      const codes = creator.elements.map((e) => scope.expression(e));
      return (frame) => make(codes.map((c) => c(frame)));
    }
    case 'size': {
      const size = scope.expression(creator.size);
      return (frame) => make(new Array<unknown>(Number(numberOf(size(frame) as number))).fill(null));
    }
    case 'args': {
      if (creator.args.length === 0) return () => make([]);
      if (creator.args.length !== 1)
        throw unsupported(scope, { line }, 'collection constructor with several arguments');
      const source = scope.expression(creator.args[0]);
      return (frame) => {
        const from = source(frame);
        if (from === null) throw npe();
        if (from instanceof ApexList) return make(from.items);
        if (from instanceof ApexSet) return make(from.values());
        throw unsupported(scope, { line }, 'collection constructor argument');
      };
    }
    case 'pairs':
      throw unsupported(scope, { line }, 'key => value pairs in a List or Set');
  }
}

function newMap(
  scope: BodyScope,
  type: Extract<ApexType, { kind: 'map' }>,
  creator: Creator,
  line: number
): ExpressionCode {
  const make = (): ApexMap => new ApexMap(type.key, type.value);
  const put = (map: ApexMap, k: unknown, v: unknown): void => {
    map.put(coerceToDeclared(k, type.key), coerceToDeclared(v, type.value));
  };
  switch (creator.kind) {
    case 'empty':
      return () => make();
    case 'pairs': {
      const pairs = creator.pairs.map(([k, v]) => [scope.expression(k), scope.expression(v)] as const);
      return (frame) => {
        const map = make();
        for (const [k, v] of pairs) put(map, k(frame), v(frame));
        return map;
      };
    }
    case 'args': {
      if (creator.args.length === 0) return () => make();
      const source = scope.expression(creator.args[0]);
      return (frame) => {
        const from = source(frame);
        if (from === null) throw npe();
        const map = make();
        if (from instanceof ApexMap) for (const k of from.keys()) put(map, k, from.get(k));
        else if (from instanceof ApexList) {
          // new Map<Id, SObject>(records): keyed by each record's Id.
          for (const record of from.items) {
            if (!(record instanceof SObject))
              throw unsupported(scope, { line }, 'Map constructor from a list of non-SObjects');
            if (!record.id) throw new PlatformError('System.ListException', 'Row with null Id at index: 0');
            put(map, record.id, record);
          }
        } else throw unsupported(scope, { line }, 'Map constructor argument');
        return map;
      };
    }
    default:
      throw unsupported(scope, { line }, 'this Map initialiser');
  }
}

function newSObject(
  scope: BodyScope,
  object: ObjectDescribe,
  creator: Creator,
  line: number
): ExpressionCode {
  const args = creator.kind === 'args' ? creator.args : [];
  const assignments = args.map((arg) => {
    if (arg.kind !== 'assign' || arg.op !== '=' || arg.target.kind !== 'name')
      throw unsupported(scope, { line }, `new ${object.name}(...) takes Field = value pairs`);
    return { field: arg.target.name, value: scope.expression(arg.value) };
  });
  for (const a of assignments)
    if (!object.field(a.field) && !relationshipOf(object, a.field))
      throw unsupported(scope, { line }, `Invalid field ${a.field} for ${object.name}`);
  return (frame) => {
    const record = new SObject(object);
    for (const a of assignments) writeSObjectField(frame.ex, record, a.field, a.value(frame));
    return record;
  };
}

function relationshipOf(object: ObjectDescribe, name: string): boolean {
  const lower = name.toLowerCase();
  return [...object.fields.values()].some((f) => f.relationshipName?.toLowerCase() === lower);
}

// ---- operators ------------------------------------------------------------------------------------

function listAt(target: unknown, index: unknown): unknown {
  if (target === null || target === undefined) throw npe();
  if (!(target instanceof ApexList))
    throw new PlatformError('System.TypeException', 'Only lists can be indexed');
  const i = Number(index);
  if (!Number.isInteger(i) || i < 0 || i >= target.items.length)
    throw new PlatformError('System.ListException', `List index out of bounds: ${i}`);
  return target.items[i];
}

function compileUnary(scope: BodyScope, op: string, expr: ExpressionCode): ExpressionCode {
  switch (op) {
    case '-':
      return (frame) => negate(expr(frame));
    case '+':
      return expr;
    case '!':
      return (frame) => {
        const v = expr(frame);
        if (v === null || v === undefined) throw npe();
        return !v;
      };
    case '~':
      return (frame) => ~(expr(frame) as number);
    default:
      throw new UnsupportedError(`operator ${op}`, scope.file);
  }
}

function compileBinary(scope: BodyScope, op: string, leftNode: Expr, rightNode: Expr): ExpressionCode {
  const left = scope.expression(leftNode);
  const right = scope.expression(rightNode);
  switch (op) {
    case '+':
      return (frame) => add(left(frame), right(frame));
    case '-':
      return (frame) => subtract(left(frame), right(frame));
    case '*':
      return (frame) => multiply(left(frame), right(frame));
    case '/':
      return (frame) => divide(left(frame), right(frame));
    case '==':
      return (frame) => apexEquals(left(frame), right(frame));
    case '!=':
    case '<>':
      return (frame) => !apexEquals(left(frame), right(frame));
    case '===':
      return (frame) => exactlyEqual(left(frame), right(frame));
    case '!==':
      return (frame) => !exactlyEqual(left(frame), right(frame));
    case '<':
      return (frame) => ordered(left(frame), right(frame), (c) => c < 0);
    case '>':
      return (frame) => ordered(left(frame), right(frame), (c) => c > 0);
    case '<=':
      return (frame) => ordered(left(frame), right(frame), (c) => c <= 0);
    case '>=':
      return (frame) => ordered(left(frame), right(frame), (c) => c >= 0);
    case '&&': {
      const l = condition(left);
      const r = condition(right);
      return (frame) => l(frame) && r(frame);
    }
    case '||': {
      const l = condition(left);
      const r = condition(right);
      return (frame) => l(frame) || r(frame);
    }
    case '??':
      return (frame) => {
        const v = left(frame);
        return v === null || v === undefined ? right(frame) : v;
      };
    case '&':
      return (frame) =>
        bitwise(
          left(frame),
          right(frame),
          (a, b) => a & b,
          (a, b) => a && b
        );
    case '|':
      return (frame) =>
        bitwise(
          left(frame),
          right(frame),
          (a, b) => a | b,
          (a, b) => a || b
        );
    case '^':
      return (frame) =>
        bitwise(
          left(frame),
          right(frame),
          (a, b) => a ^ b,
          (a, b) => a !== b
        );
    case '<<':
      return (frame) => (left(frame) as number) << (right(frame) as number);
    case '>>':
      return (frame) => (left(frame) as number) >> (right(frame) as number);
    case '>>>':
      return (frame) => (left(frame) as number) >>> (right(frame) as number);
    default:
      throw new UnsupportedError(`operator ${op}`, scope.file, leftNode.line);
  }
}

function ordered(a: unknown, b: unknown, test: (c: number) => boolean): boolean {
  const c = compareValues(a, b);
  return c === null ? false : test(c);
}

function exactlyEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Decimal || b instanceof Decimal || isNumber(a) || isNumber(b)) return apexEquals(a, b);
  return a === b;
}

function bitwise(
  a: unknown,
  b: unknown,
  ints: (a: number, b: number) => number,
  bools: (a: boolean, b: boolean) => boolean
): unknown {
  if (a === null || b === null || a === undefined || b === undefined) throw npe();
  if (typeof a === 'boolean' && typeof b === 'boolean') return bools(a, b);
  return ints(a as number, b as number);
}

// ---- assignment -----------------------------------------------------------------------------------

interface LValue {
  get: ExpressionCode;
  set: (frame: Frame, value: unknown) => void;
}

function compileLValue(scope: BodyScope, node: Expr): LValue {
  if (node.kind === 'name') {
    const local = scope.lookup(node.name);
    if (local) {
      const { slot, type } = local;
      return {
        get: (frame) => frame.locals[slot],
        set: (frame, v) => {
          frame.locals[slot] = coerceToDeclared(v, type);
        }
      };
    }
    const field = findField(scope, node.name);
    if (field)
      return { get: fieldReader(scope, field, node.line), set: fieldWriter(scope, field, node.line) };
    throw unsupported(scope, node, `Variable does not exist: ${node.name}`);
  }
  if (node.kind === 'dot') {
    const target = compileTarget(scope, node.target);
    const name = node.name;
    if (target.kind === 'value') {
      const base = target.code;
      return {
        get: (frame) => readMember(frame.ex, base(frame), name, false),
        set: (frame, v) => writeMember(frame.ex, base(frame), name, v)
      };
    }
    if (target.kind === 'class') {
      const field = target.cls.findField(name.toLowerCase());
      if (field?.isStatic) {
        const withBodies = withAccessors(field);
        return {
          get: (frame) => frame.ex.getStatic(withBodies),
          set: (frame, v) => frame.ex.setStatic(withBodies, v)
        };
      }
    }
    throw unsupported(scope, node, `assignment to ${name}`);
  }
  if (node.kind === 'index') {
    const target = scope.expression(node.target);
    const index = scope.expression(node.index);
    return {
      get: (frame) => listAt(target(frame), index(frame)),
      set: (frame, v) => {
        const list = target(frame);
        const i = Number(index(frame));
        listAt(list, i);
        (list as ApexList).items[i] = coerceToDeclared(v, (list as ApexList).element);
      }
    };
  }
  throw unsupported(scope, node, 'assignment to this expression');
}

function compileAssign(scope: BodyScope, node: Extract<Expr, { kind: 'assign' }>): ExpressionCode {
  const target = compileLValue(scope, node.target);
  const valueCode = scope.expression(node.value);
  if (node.op === '=')
    return (frame) => {
      const v = valueCode(frame);
      target.set(frame, v);
      return v;
    };
  const combine = compoundOperator(node.op);
  return (frame) => {
    const v = combine(target.get(frame), valueCode(frame));
    target.set(frame, v);
    return v;
  };
}

function compoundOperator(op: string): (a: unknown, b: unknown) => unknown {
  switch (op) {
    case '+=':
      return add;
    case '-=':
      return subtract;
    case '*=':
      return multiply;
    case '/=':
      return divide;
    case '&=':
      return (a, b) =>
        bitwise(
          a,
          b,
          (x, y) => x & y,
          (x, y) => x && y
        );
    case '|=':
      return (a, b) =>
        bitwise(
          a,
          b,
          (x, y) => x | y,
          (x, y) => x || y
        );
    case '^=':
      return (a, b) =>
        bitwise(
          a,
          b,
          (x, y) => x ^ y,
          (x, y) => x !== y
        );
    case '<<=':
      return (a, b) => (a as number) << (b as number);
    case '>>=':
      return (a, b) => (a as number) >> (b as number);
    case '>>>=':
      return (a, b) => (a as number) >>> (b as number);
    default:
      throw new UnsupportedError(`operator ${op}`);
  }
}

function compileStep(scope: BodyScope, node: Extract<Expr, { kind: 'step' }>): ExpressionCode {
  const target = compileLValue(scope, node.target);
  const delta = node.op === '++' ? 1 : -1;
  const prefix = node.prefix;
  return (frame) => {
    const before = target.get(frame);
    const after = add(before, delta);
    target.set(frame, after);
    return prefix ? after : before;
  };
}
