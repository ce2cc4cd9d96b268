import type { Block, Expr, Stmt, TriggerDecl } from '../parse/ast';
import type { OrgSchema } from '../schema/orgSchema';
import type { ClassRegistry } from './classRegistry';
import type { CompiledBody, ExpressionCode, StatementCode } from './compiledBody';
import { NORMAL } from './compiledBody';
import { compileStatement, compileBlockStatements } from './compileStatements';
import { compileExpression } from './compileExpressions';
import { coerceToDeclared } from './coerceDeclared';
import type { CoverageRecorder } from '../testing/coverage';
import type { FieldInfo, MethodInfo, RuntimeClass } from './runtimeClass';
import type { ApexType } from './types';

/**
 * Compiles method, constructor, initializer and trigger bodies to closures the first time they
 * run, and keeps them. Compilation resolves every name it can once (local slots, fields,
 * classes, SObject types), so execution does no name lookups for them; it records each
 * statement's line for coverage.
 */
export interface ConstructorBody extends CompiledBody {
  /** A leading `this(...)` or `super(...)` call, run before field initialisers. */
  explicitCall: { kind: 'this' | 'super'; args: ExpressionCode[] } | null;
}

interface Variable {
  slot: number;
  type: ApexType;
}

/** Scope of one compiled body: its code's class, whether `this` exists, and the local slots. */
export class BodyScope {
  private readonly blocks: Map<string, Variable>[] = [new Map()];
  size = 0;

  constructor(
    readonly compiler: Compiler,
    readonly cls: RuntimeClass | null,
    readonly isStatic: boolean,
    readonly file: string,
    /** While compiling a property's accessor, its name reads and writes the backing value. */
    readonly property: FieldInfo | null = null,
    readonly trigger: TriggerDecl | null = null
  ) {}

  declare(name: string, type: ApexType): Variable {
    const variable = { slot: this.size++, type };
    this.blocks[this.blocks.length - 1].set(name.toLowerCase(), variable);
    return variable;
  }

  lookup(name: string): Variable | undefined {
    const key = name.toLowerCase();
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const found = this.blocks[i].get(key);
      if (found) return found;
    }
    return undefined;
  }

  /** Compiles `work` in a nested block scope: names declared inside end with it. */
  nested<T>(work: () => T): T {
    this.blocks.push(new Map());
    try {
      return work();
    } finally {
      this.blocks.pop();
    }
  }

  get registry(): ClassRegistry {
    return this.compiler.registry;
  }

  get schema(): OrgSchema {
    return this.compiler.registry.schema;
  }

  resolveType(ref: import('../parse/ast').TypeRef, line: number): ApexType {
    return this.registry.resolve(ref, this.cls, line);
  }

  statement(node: Stmt): StatementCode {
    return compileStatement(this, node);
  }

  expression(node: Expr): ExpressionCode {
    return compileExpression(this, node);
  }

  /** Marks a statement's line executable and returns the array its execution marks. */
  coverageHits(line: number): Uint8Array | null {
    return this.compiler.coverage?.hitsFor(this.file, line) ?? null;
  }
}

export class Compiler {
  private readonly staticInits = new Map<RuntimeClass, CompiledBody | null>();
  private readonly instanceInits = new Map<RuntimeClass, CompiledBody | null>();
  private readonly triggers = new Map<TriggerDecl, CompiledBody>();
  private readonly constructors = new Map<MethodInfo, ConstructorBody>();

  constructor(
    readonly registry: ClassRegistry,
    public coverage: CoverageRecorder | null = null
  ) {}

  method(method: MethodInfo): CompiledBody {
    if (method.body) return method.body;
    const decl = method.decl;
    if (!decl?.body) throw new Error(`${method.owner.name}.${method.name} has no body to compile`);
    const property = method.property ?? null;
    const scope = new BodyScope(this, method.owner, method.isStatic, method.owner.file ?? '', property);
    for (const param of method.params ?? []) scope.declare(param.name, param.type);
    const run = compileBlockStatements(scope, decl.body.statements);
    method.body = { size: 0, run, file: scope.file };
    method.body.size = scope.size;
    return method.body;
  }

  constructorBody(ctor: MethodInfo): ConstructorBody {
    let compiled = this.constructors.get(ctor);
    if (compiled) return compiled;
    const body = ctor.decl?.body;
    if (!body) throw new Error(`constructor of ${ctor.owner.name} has no body`);
    const scope = new BodyScope(this, ctor.owner, false, ctor.owner.file ?? '');
    for (const param of ctor.params ?? []) scope.declare(param.name, param.type);
    let statements = body.statements;
    let explicitCall: ConstructorBody['explicitCall'] = null;
    const first = statements[0];
    if (
      first?.kind === 'expr' &&
      first.expr.kind === 'call' &&
      first.expr.target === null &&
      (first.expr.name === 'this' || first.expr.name === 'super')
    ) {
      const call = first.expr;
      const hits = scope.coverageHits(first.line);
      const args = call.args.map((arg) => scope.expression(arg));
      explicitCall = {
        kind: call.name as 'this' | 'super',
        args: hits
          ? args.map((arg, i) =>
              i === 0
                ? (frame) => {
                    hits[first.line] = 1;
                    return arg(frame);
                  }
                : arg
            )
          : args
      };
      statements = statements.slice(1);
    }
    const run = compileBlockStatements(scope, statements);
    compiled = { size: scope.size, run, explicitCall, file: scope.file };
    this.constructors.set(ctor, compiled);
    return compiled;
  }

  /** Static field initialisers and static blocks in declaration order; null when there are none. */
  staticInitializer(cls: RuntimeClass): CompiledBody | null {
    if (!this.staticInits.has(cls)) this.staticInits.set(cls, this.initializer(cls, true));
    return this.staticInits.get(cls) ?? null;
  }

  instanceInitializer(cls: RuntimeClass): CompiledBody | null {
    if (!this.instanceInits.has(cls)) this.instanceInits.set(cls, this.initializer(cls, false));
    return this.instanceInits.get(cls) ?? null;
  }

  private initializer(cls: RuntimeClass, isStatic: boolean): CompiledBody | null {
    const decl = cls.decl;
    if (!decl || decl.kind !== 'class') return null;
    this.registry.link(cls);
    const scope = new BodyScope(this, cls, isStatic, cls.file ?? '');
    const steps: StatementCode[] = [];
    for (const member of decl.members) {
      if (member.kind === 'field' && member.modifiers.isStatic === isStatic) {
        for (const declarator of member.declarators) {
          if (!declarator.init) continue;
          const field = cls.fields.get(declarator.name.toLowerCase());
          if (!field) continue;
          steps.push(fieldInitializer(scope, field, declarator.init, declarator.line));
        }
      } else if (member.kind === 'init' && member.isStatic === isStatic) {
        steps.push(scope.nested(() => compileBlockStatements(scope, member.body.statements)));
      }
    }
    if (steps.length === 0) return null;
    return {
      size: scope.size,
      file: scope.file,
      run: (frame) => {
        for (const step of steps) step(frame);
        return NORMAL;
      }
    };
  }

  trigger(trigger: TriggerDecl, file: string): CompiledBody {
    let compiled = this.triggers.get(trigger);
    if (!compiled) {
      const scope = new BodyScope(this, null, true, file, null, trigger);
      const run = compileBlockStatements(scope, trigger.body.statements);
      compiled = { size: scope.size, run, file };
      this.triggers.set(trigger, compiled);
    }
    return compiled;
  }

  /** A snippet of Apex compiled outside any class (anonymous Apex), in its own scope. */
  anonymous(block: Block, file: string): CompiledBody {
    const scope = new BodyScope(this, null, true, file);
    const run = compileBlockStatements(scope, block.statements);
    return { size: scope.size, run, file };
  }
}

function fieldInitializer(scope: BodyScope, field: FieldInfo, init: Expr, line: number): StatementCode {
  const value = scope.expression(init);
  const hits = scope.coverageHits(line);
  if (field.isStatic)
    return (frame) => {
      if (hits) hits[line] = 1;
      frame.line = line;
      frame.ex.staticsOf(field.owner).set(field.key, coerceTo(field, value(frame)));
      return NORMAL;
    };
  return (frame) => {
    if (hits) hits[line] = 1;
    frame.line = line;
    frame.self?.fields.set(field.key, coerceTo(field, value(frame)));
    return NORMAL;
  };
}

function coerceTo(field: FieldInfo, value: unknown): unknown {
  return coerceToDeclared(value, field.type);
}
