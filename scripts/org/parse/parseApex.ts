import {
  ApexErrorListener,
  ApexParserFactory,
  Arth1ExpressionContext,
  Arth2ExpressionContext,
  ArrayExpressionContext,
  AssignExpressionContext,
  BitAndExpressionContext,
  BitExpressionContext,
  BitNotExpressionContext,
  BitOrExpressionContext,
  BoundExpressionContext,
  CastExpressionContext,
  CmpExpressionContext,
  CoalExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  EqualityExpressionContext,
  IdPrimaryContext,
  InstanceOfExpressionContext,
  LiteralPrimaryContext,
  LogAndExpressionContext,
  LogOrExpressionContext,
  MethodCallExpressionContext,
  NegExpressionContext,
  NewExpressionContext,
  PostOpExpressionContext,
  PreOpExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  SubExpressionContext,
  SuperPrimaryContext,
  ThisPrimaryContext,
  TypeRefPrimaryContext,
  VoidPrimaryContext,
  type AnnotationContext,
  type ApexParserRuleContext as ParserRuleContext,
  type BlockContext,
  type ClassBodyDeclarationContext,
  type ClassDeclarationContext,
  type CreatorContext,
  type EnumDeclarationContext,
  type ExpressionContext,
  type ExpressionListContext,
  type FieldDeclarationContext,
  type FormalParametersContext,
  type InterfaceDeclarationContext,
  type LiteralContext,
  type LocalVariableDeclarationContext,
  type MethodCallContext,
  type ModifierContext,
  type PropertyDeclarationContext,
  type StatementContext,
  type TypeRefContext,
  type VariableDeclaratorsContext,
  type WhenLiteralContext
} from '@apexdevtools/apex-parser';
import type {
  Accessor,
  Block,
  Catch,
  ClassDecl,
  Creator,
  Declarator,
  EnumDecl,
  Expr,
  InterfaceDecl,
  Member,
  MethodDecl,
  Modifiers,
  Param,
  Stmt,
  TriggerDecl,
  TypeDecl,
  TypeRef,
  When,
  WhenValue
} from './ast';

/**
 * Apex source → the runtime's syntax tree, with `@apexdevtools/apex-parser` (the grammar the
 * Apex language server uses). A syntax error stops the load with `file:line: message`; a
 * construct the tree has no place for (SOSL, a `merge` of the wrong shape) fails the same way,
 * so nothing is skipped silently.
 */
export class ApexSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ApexSyntaxError';
  }
}

class CollectingListener extends ApexErrorListener {
  readonly errors: { line: number; message: string }[] = [];
  apexSyntaxError(line: number, _column: number, msg: string): void {
    this.errors.push({ line, message: msg });
  }
}

export function parseApexClass(file: string, source: string): TypeDecl {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const unit = parser.compilationUnit();
  throwFirst(file, listener);
  return new Converter(file, source).typeDeclaration(unit.typeDeclaration());
}

export function parseApexTrigger(file: string, source: string): TriggerDecl {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const unit = parser.triggerUnit();
  throwFirst(file, listener);
  const converter = new Converter(file, source);
  const ids = unit.id_list();
  const statements: Stmt[] = [];
  for (const member of unit.triggerBlock().triggerBlockMember_list()) {
    const statement = member.statement();
    if (!statement)
      throw new ApexSyntaxError(
        file,
        member.start.line,
        'not supported by the local runtime: declarations in a trigger body'
      );
    statements.push(converter.statement(statement));
  }
  return {
    kind: 'trigger',
    name: ids[0].getText(),
    object: ids[1].getText(),
    events: unit
      .triggerCase_list()
      .map((c) => `${c.getChild(0).getText()} ${c.getChild(1).getText()}`.toLowerCase()),
    line: unit.start.line,
    body: { kind: 'block', line: unit.triggerBlock().start.line, statements }
  };
}

/** Anonymous Apex (a script of statements), as `sf apex run` and the Developer Console run it. */
export function parseApexAnonymous(file: string, source: string): Block {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const unit = parser.anonymousUnit();
  throwFirst(file, listener);
  const converter = new Converter(file, source);
  const statements: Stmt[] = [];
  for (const member of unit.anonymousBlock().anonymousBlockMember_list()) {
    const statement = member.statement();
    if (statement) {
      statements.push(converter.statement(statement));
      continue;
    }
    // The grammar reads `Integer n = 1;` at the top of anonymous Apex as a field declaration;
    // on the platform it is a local variable of the block (a modifier such as `static` is not).
    const field = member.anonymousMemberDeclaration()?.fieldDeclaration();
    if (!field || member.modifier_list().length > 0)
      throw new ApexSyntaxError(
        file,
        member.start.line,
        'not supported by the local runtime: declarations in anonymous Apex'
      );
    statements.push(converter.anonymousLocal(field));
  }
  return { kind: 'block', line: 1, statements };
}

function throwFirst(file: string, listener: CollectingListener): void {
  const first = listener.errors[0];
  if (first) throw new ApexSyntaxError(file, first.line, first.message);
}

class Converter {
  constructor(
    private readonly file: string,
    private readonly source: string
  ) {}

  private fail(ctx: ParserRuleContext, what: string): never {
    throw new ApexSyntaxError(this.file, ctx.start.line, `not supported by the local runtime: ${what}`);
  }

  typeDeclaration(
    ctx: ReturnType<import('@apexdevtools/apex-parser').CompilationUnitContext['typeDeclaration']>
  ): TypeDecl {
    const modifiers = this.modifiers(ctx.modifier_list());
    const cls = ctx.classDeclaration();
    if (cls) return this.classDeclaration(cls, modifiers);
    const iface = ctx.interfaceDeclaration();
    if (iface) return this.interfaceDeclaration(iface, modifiers);
    return this.enumDeclaration(ctx.enumDeclaration(), modifiers);
  }

  modifiers(list: ModifierContext[]): Modifiers {
    const result: Modifiers = {
      access: null,
      isStatic: false,
      isFinal: false,
      isAbstract: false,
      isVirtual: false,
      isOverride: false,
      isTransient: false,
      isTestMethod: false,
      sharing: null,
      annotations: []
    };
    for (const modifier of list) {
      const annotation = modifier.annotation();
      if (annotation) {
        result.annotations.push(this.annotation(annotation));
        continue;
      }
      const text = modifier.getText().toLowerCase();
      if (text === 'private' || text === 'protected' || text === 'public' || text === 'global')
        result.access = text;
      else if (text === 'static') result.isStatic = true;
      else if (text === 'final') result.isFinal = true;
      else if (text === 'abstract') result.isAbstract = true;
      else if (text === 'virtual') result.isVirtual = true;
      else if (text === 'override') result.isOverride = true;
      else if (text === 'transient') result.isTransient = true;
      else if (text === 'testmethod') result.isTestMethod = true;
      else if (text === 'withsharing') result.sharing = 'with';
      else if (text === 'withoutsharing') result.sharing = 'without';
      else if (text === 'inheritedsharing') result.sharing = 'inherited';
      else if (text === 'webservice') this.fail(modifier, 'webservice methods');
    }
    return result;
  }

  private annotation(ctx: AnnotationContext): { name: string; params: Record<string, string | boolean> } {
    const params: Record<string, string | boolean> = {};
    const pairs = ctx.elementValuePairs();
    for (const pair of pairs ? pairs.elementValuePair_list() : []) {
      const raw = pair.elementValue().getText();
      params[pair.id().getText().toLowerCase()] =
        raw.toLowerCase() === 'true'
          ? true
          : raw.toLowerCase() === 'false'
            ? false
            : raw.replace(/^'|'$/g, '');
    }
    return { name: ctx.id().getText().toLowerCase(), params };
  }

  typeRef(ctx: TypeRefContext): TypeRef {
    return {
      names: ctx.typeName_list().map((typeName) => {
        const args = typeName.typeArguments();
        const id = typeName.id();
        return {
          name: id ? id.getText() : typeName.getChild(0).getText(),
          args: args
            ? args
                .typeList()
                .typeRef_list()
                .map((t) => this.typeRef(t))
            : []
        };
      }),
      dims: ctx.arraySubscripts().LBRACK_list().length
    };
  }

  private classDeclaration(ctx: ClassDeclarationContext, modifiers: Modifiers): ClassDecl {
    const extendsRef = ctx.typeRef();
    const implementsList = ctx.typeList();
    return {
      kind: 'class',
      name: ctx.id().getText(),
      line: ctx.start.line,
      modifiers,
      extends: extendsRef ? this.typeRef(extendsRef) : null,
      implements: implementsList ? implementsList.typeRef_list().map((t) => this.typeRef(t)) : [],
      members: ctx
        .classBody()
        .classBodyDeclaration_list()
        .flatMap((member) => this.member(member))
    };
  }

  private interfaceDeclaration(ctx: InterfaceDeclarationContext, modifiers: Modifiers): InterfaceDecl {
    const extendsList = ctx.typeList();
    return {
      kind: 'interface',
      name: ctx.id().getText(),
      line: ctx.start.line,
      modifiers,
      extends: extendsList ? extendsList.typeRef_list().map((t) => this.typeRef(t)) : [],
      methods: ctx
        .interfaceBody()
        .interfaceMethodDeclaration_list()
        .map((method) => {
          const returnType = method.typeRef();
          return {
            kind: 'method',
            line: method.start.line,
            modifiers: this.modifiers(method.modifier_list()),
            returnType: returnType ? this.typeRef(returnType) : null,
            name: method.id().getText(),
            params: this.params(method.formalParameters()),
            body: null
          };
        })
    };
  }

  private enumDeclaration(ctx: EnumDeclarationContext, modifiers: Modifiers): EnumDecl {
    const constants = ctx.enumConstants();
    return {
      kind: 'enum',
      name: ctx.id().getText(),
      line: ctx.start.line,
      modifiers,
      values: constants ? constants.id_list().map((id) => id.getText()) : []
    };
  }

  private member(ctx: ClassBodyDeclarationContext): Member[] {
    const declaration = ctx.memberDeclaration();
    if (!declaration) {
      const block = ctx.block();
      return block
        ? [{ kind: 'init', line: ctx.start.line, isStatic: ctx.STATIC() !== null, body: this.block(block) }]
        : [];
    }
    const modifiers = this.modifiers(ctx.modifier_list());
    const method = declaration.methodDeclaration();
    if (method) {
      const returnType = method.typeRef();
      const body = method.block();
      const decl: MethodDecl = {
        kind: 'method',
        line: method.start.line,
        modifiers,
        returnType: returnType ? this.typeRef(returnType) : null,
        name: method.id().getText(),
        params: this.params(method.formalParameters()),
        body: body ? this.block(body) : null
      };
      return [decl];
    }
    const constructor = declaration.constructorDeclaration();
    if (constructor)
      return [
        {
          kind: 'constructor',
          line: constructor.start.line,
          modifiers,
          params: this.params(constructor.formalParameters()),
          body: this.block(constructor.block())
        }
      ];
    const field = declaration.fieldDeclaration();
    if (field)
      return [
        {
          kind: 'field',
          line: field.start.line,
          modifiers,
          type: this.typeRef(field.typeRef()),
          declarators: this.declarators(field.variableDeclarators())
        }
      ];
    const property = declaration.propertyDeclaration();
    if (property) return [this.property(property, modifiers)];
    const cls = declaration.classDeclaration();
    if (cls) return [this.classDeclaration(cls, modifiers)];
    const iface = declaration.interfaceDeclaration();
    if (iface) return [this.interfaceDeclaration(iface, modifiers)];
    const enumeration = declaration.enumDeclaration();
    if (enumeration) return [this.enumDeclaration(enumeration, modifiers)];
    return this.fail(ctx, 'this kind of class member');
  }

  private property(ctx: PropertyDeclarationContext, modifiers: Modifiers): Member {
    let getter: Accessor | null = null;
    let setter: Accessor | null = null;
    for (const block of ctx.propertyBlock_list()) {
      const accessorModifiers = this.modifiers(block.modifier_list());
      const get = block.getter();
      const set = block.setter();
      if (get) {
        const body = get.block();
        getter = { modifiers: accessorModifiers, body: body ? this.block(body) : null, line: get.start.line };
      }
      if (set) {
        const body = set.block();
        setter = { modifiers: accessorModifiers, body: body ? this.block(body) : null, line: set.start.line };
      }
    }
    return {
      kind: 'property',
      line: ctx.start.line,
      modifiers,
      type: this.typeRef(ctx.typeRef()),
      name: ctx.id().getText(),
      getter,
      setter
    };
  }

  private params(ctx: FormalParametersContext): Param[] {
    const list = ctx.formalParameterList();
    return list
      ? list.formalParameter_list().map((p) => ({ type: this.typeRef(p.typeRef()), name: p.id().getText() }))
      : [];
  }

  private declarators(ctx: VariableDeclaratorsContext): Declarator[] {
    return ctx.variableDeclarator_list().map((d) => {
      const init = d.expression();
      return { name: d.id().getText(), init: init ? this.expression(init) : null, line: d.start.line };
    });
  }

  block(ctx: BlockContext): Block {
    return {
      kind: 'block',
      line: ctx.start.line,
      statements: ctx.statement_list().map((s) => this.statement(s))
    };
  }

  private localDeclaration(ctx: LocalVariableDeclarationContext): {
    type: TypeRef;
    declarators: Declarator[];
  } {
    return { type: this.typeRef(ctx.typeRef()), declarators: this.declarators(ctx.variableDeclarators()) };
  }

  /** A top-level variable of anonymous Apex, which the grammar parses as a field. */
  anonymousLocal(ctx: FieldDeclarationContext): Stmt {
    return {
      kind: 'local',
      line: ctx.start.line,
      type: this.typeRef(ctx.typeRef()),
      declarators: this.declarators(ctx.variableDeclarators())
    };
  }

  statement(ctx: StatementContext): Stmt {
    const line = ctx.start.line;
    const block = ctx.block();
    if (block) return this.block(block);
    const local = ctx.localVariableDeclarationStatement();
    if (local) return { kind: 'local', line, ...this.localDeclaration(local.localVariableDeclaration()) };
    const expression = ctx.expressionStatement();
    if (expression) return { kind: 'expr', line, expr: this.expression(expression.expression()) };
    const ifStatement = ctx.ifStatement();
    if (ifStatement) {
      const [then, otherwise] = ifStatement.statement_list();
      return {
        kind: 'if',
        line,
        cond: this.expression(ifStatement.parExpression().expression()),
        then: this.statement(then),
        else: otherwise ? this.statement(otherwise) : null
      };
    }
    const forStatement = ctx.forStatement();
    if (forStatement) {
      const control = forStatement.forControl();
      const body = forStatement.statement();
      const enhanced = control.enhancedForControl();
      if (enhanced)
        return {
          kind: 'forEach',
          line,
          type: this.typeRef(enhanced.typeRef()),
          name: enhanced.id().getText(),
          iterable: this.expression(enhanced.expression()),
          body: body ? this.statement(body) : null
        };
      const init = control.forInit();
      const localInit = init?.localVariableDeclaration();
      const exprInit = init?.expressionList();
      const cond = control.expression();
      const update = control.forUpdate();
      return {
        kind: 'for',
        line,
        init: localInit
          ? { kind: 'local', ...this.localDeclaration(localInit) }
          : exprInit
            ? { kind: 'exprs', exprs: this.expressions(exprInit) }
            : null,
        cond: cond ? this.expression(cond) : null,
        update: update ? this.expressions(update.expressionList()) : [],
        body: body ? this.statement(body) : null
      };
    }
    const whileStatement = ctx.whileStatement();
    if (whileStatement) {
      const body = whileStatement.statement();
      return {
        kind: 'while',
        line,
        cond: this.expression(whileStatement.parExpression().expression()),
        body: body ? this.statement(body) : null
      };
    }
    const doWhile = ctx.doWhileStatement();
    if (doWhile)
      return {
        kind: 'doWhile',
        line,
        cond: this.expression(doWhile.parExpression().expression()),
        body: this.block(doWhile.block())
      };
    const tryStatement = ctx.tryStatement();
    if (tryStatement) {
      const finallyBlock = tryStatement.finallyBlock();
      const catches: Catch[] = tryStatement.catchClause_list().map((c) => ({
        type: c
          .qualifiedName()
          .id_list()
          .map((id) => id.getText()),
        name: c.id().getText(),
        block: this.block(c.block()),
        line: c.start.line
      }));
      return {
        kind: 'try',
        line,
        block: this.block(tryStatement.block()),
        catches,
        finally: finallyBlock ? this.block(finallyBlock.block()) : null
      };
    }
    const returnStatement = ctx.returnStatement();
    if (returnStatement) {
      const value = returnStatement.expression();
      return { kind: 'return', line, expr: value ? this.expression(value) : null };
    }
    const throwStatement = ctx.throwStatement();
    if (throwStatement) return { kind: 'throw', line, expr: this.expression(throwStatement.expression()) };
    if (ctx.breakStatement()) return { kind: 'break', line };
    if (ctx.continueStatement()) return { kind: 'continue', line };
    const switchStatement = ctx.switchStatement();
    if (switchStatement)
      return {
        kind: 'switch',
        line,
        expr: this.expression(switchStatement.expression()),
        whens: switchStatement.whenControl_list().map((w) => this.when(w))
      };
    const runAs = ctx.runAsStatement();
    if (runAs) {
      const args = runAs.expressionList();
      return {
        kind: 'runAs',
        line,
        args: args ? this.expressions(args) : [],
        block: this.block(runAs.block())
      };
    }
    const dml =
      ctx.insertStatement() ??
      ctx.updateStatement() ??
      ctx.deleteStatement() ??
      ctx.undeleteStatement() ??
      ctx.upsertStatement();
    if (dml) {
      const access = dml.accessLevel();
      const upsert = ctx.upsertStatement()?.qualifiedName();
      return {
        kind: 'dml',
        line,
        op: dml.getChild(0).getText().toLowerCase() as 'insert' | 'update' | 'delete' | 'undelete' | 'upsert',
        access: access ? (access.getChild(1).getText().toLowerCase() as 'user' | 'system') : null,
        expr: this.expression(dml.expression()),
        field: upsert ? upsert.id_list().map((id) => id.getText()) : null,
        other: null
      };
    }
    const merge = ctx.mergeStatement();
    if (merge) {
      const access = merge.accessLevel();
      const [master, other] = merge.expression_list();
      return {
        kind: 'dml',
        line,
        op: 'merge',
        access: access ? (access.getChild(1).getText().toLowerCase() as 'user' | 'system') : null,
        expr: this.expression(master),
        field: null,
        other: this.expression(other)
      };
    }
    return this.fail(ctx, 'this statement');
  }

  private when(
    ctx: ReturnType<import('@apexdevtools/apex-parser').SwitchStatementContext['whenControl']>
  ): When {
    const value = ctx.whenValue();
    const block = this.block(ctx.block());
    if (value.ELSE()) return { line: ctx.start.line, match: { kind: 'else' }, block };
    const typeRef = value.typeRef();
    if (typeRef)
      return {
        line: ctx.start.line,
        match: { kind: 'type', type: this.typeRef(typeRef), name: value.id().getText() },
        block
      };
    return {
      line: ctx.start.line,
      match: { kind: 'values', values: value.whenLiteral_list().map((l) => this.whenLiteral(l)) },
      block
    };
  }

  private whenLiteral(ctx: WhenLiteralContext): WhenValue {
    const nested = ctx.whenLiteral();
    if (nested) return this.whenLiteral(nested);
    if (ctx.NULL()) return { kind: 'literal', value: null };
    const qualified = ctx.qualifiedName();
    if (qualified) return { kind: 'name', names: qualified.id_list().map((id) => id.getText()) };
    const string = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
    if (string) return { kind: 'literal', value: unquote(string.getText()) };
    const negative = ctx.SUB_list().length % 2 === 1;
    const digits = (ctx.IntegerLiteral() ?? ctx.LongLiteral()).getText().replace(/[lL]$/, '');
    return { kind: 'literal', value: (negative ? -1 : 1) * Number(digits) };
  }

  private expressions(ctx: ExpressionListContext): Expr[] {
    return ctx.expression_list().map((e) => this.expression(e));
  }

  expression(ctx: ExpressionContext): Expr {
    const line = ctx.start.line;
    if (ctx instanceof PrimaryExpressionContext) return this.primary(ctx);
    if (ctx instanceof DotExpressionContext) {
      const target = this.expression(ctx.expression());
      const safe = ctx.QUESTIONDOT() !== null;
      const call = ctx.dotMethodCall();
      if (call) {
        const args = call.expressionList();
        return {
          kind: 'call',
          line: call.start.line,
          target,
          name: call.anyId().getText(),
          args: args ? this.expressions(args) : [],
          safe
        };
      }
      return { kind: 'dot', line, target, name: ctx.anyId().getText(), safe };
    }
    if (ctx instanceof MethodCallExpressionContext) return this.methodCall(ctx.methodCall());
    if (ctx instanceof ArrayExpressionContext) {
      const [target, index] = ctx.expression_list();
      return { kind: 'index', line, target: this.expression(target), index: this.expression(index) };
    }
    if (ctx instanceof NewExpressionContext) return this.creator(ctx.creator());
    if (ctx instanceof CastExpressionContext)
      return {
        kind: 'cast',
        line,
        type: this.typeRef(ctx.typeRef()),
        expr: this.expression(ctx.expression())
      };
    if (ctx instanceof SubExpressionContext) return this.expression(ctx.expression());
    if (ctx instanceof PostOpExpressionContext)
      return {
        kind: 'step',
        line,
        op: ctx.INC() ? '++' : '--',
        prefix: false,
        target: this.expression(ctx.expression())
      };
    if (ctx instanceof PreOpExpressionContext) {
      const op = ctx.getChild(0).getText();
      const operand = this.expression(ctx.expression());
      if (op === '++' || op === '--') return { kind: 'step', line, op, prefix: true, target: operand };
      return { kind: 'unary', line, op: op as '-' | '+', expr: operand };
    }
    if (ctx instanceof NegExpressionContext)
      return {
        kind: 'unary',
        line,
        op: ctx.BANG() ? '!' : '~',
        expr: this.expression(ctx.expression())
      };
    if (ctx instanceof InstanceOfExpressionContext)
      return {
        kind: 'instanceOf',
        line,
        expr: this.expression(ctx.expression()),
        type: this.typeRef(ctx.typeRef())
      };
    if (ctx instanceof CondExpressionContext) {
      const [cond, then, otherwise] = ctx.expression_list();
      return {
        kind: 'cond',
        line,
        cond: this.expression(cond),
        then: this.expression(then),
        else: this.expression(otherwise)
      };
    }
    if (ctx instanceof AssignExpressionContext) {
      const [target, value] = ctx.expression_list();
      return {
        kind: 'assign',
        line,
        op: ctx.getChild(1).getText(),
        target: this.expression(target),
        value: this.expression(value)
      };
    }
    if (
      ctx instanceof Arth1ExpressionContext ||
      ctx instanceof Arth2ExpressionContext ||
      ctx instanceof BitExpressionContext ||
      ctx instanceof CmpExpressionContext ||
      ctx instanceof EqualityExpressionContext ||
      ctx instanceof BitAndExpressionContext ||
      ctx instanceof BitNotExpressionContext ||
      ctx instanceof BitOrExpressionContext ||
      ctx instanceof LogAndExpressionContext ||
      ctx instanceof LogOrExpressionContext ||
      ctx instanceof CoalExpressionContext
    ) {
      const [left, right] = ctx.expression_list();
      // The operator is every token between the operands: `>` `=` for >=, `>` `>` `>` for >>>.
      let op = '';
      for (let i = 1; i < ctx.getChildCount() - 1; i++) op += ctx.getChild(i).getText();
      return { kind: 'binary', line, op, left: this.expression(left), right: this.expression(right) };
    }
    return this.fail(ctx, `expression ${ctx.getText()}`);
  }

  private methodCall(ctx: MethodCallContext): Expr {
    const args = ctx.expressionList();
    const name = ctx.THIS() ? 'this' : ctx.SUPER() ? 'super' : ctx.id().getText();
    return {
      kind: 'call',
      line: ctx.start.line,
      target: null,
      name,
      args: args ? this.expressions(args) : [],
      safe: false
    };
  }

  private primary(ctx: PrimaryExpressionContext): Expr {
    const primary = ctx.primary();
    const line = ctx.start.line;
    if (primary instanceof ThisPrimaryContext) return { kind: 'this', line };
    if (primary instanceof SuperPrimaryContext) return { kind: 'super', line };
    if (primary instanceof LiteralPrimaryContext) return this.literal(primary.literal());
    if (primary instanceof IdPrimaryContext) return { kind: 'name', line, name: primary.id().getText() };
    if (primary instanceof TypeRefPrimaryContext)
      return { kind: 'typeLiteral', line, type: this.typeRef(primary.typeRef()) };
    if (primary instanceof VoidPrimaryContext) return { kind: 'typeLiteral', line, type: null };
    if (primary instanceof SoqlPrimaryContext) return this.soql(primary);
    if (primary instanceof SoslPrimaryContext) return this.fail(primary, 'SOSL');
    return this.fail(ctx, `expression ${ctx.getText()}`);
  }

  /** The query's own text with each bind expression replaced by `:__bN`, and the bind expressions. */
  private soql(ctx: SoqlPrimaryContext): Expr {
    const query = ctx.soqlLiteral().query();
    const start = query.start.start;
    const binds: BoundExpressionContext[] = [];
    const collect = (node: ParserRuleContext): void => {
      for (const child of node.children ?? []) {
        if (child instanceof BoundExpressionContext) binds.push(child);
        else if ('children' in child) collect(child as ParserRuleContext);
      }
    };
    collect(query);
    let text = '';
    let at = start;
    binds.forEach((bind, i) => {
      text += this.source.slice(at, bind.start.start) + `:__b${i}`;
      at = bind.stop!.stop + 1;
    });
    text += this.source.slice(at, query.stop!.stop + 1);
    return {
      kind: 'soql',
      line: ctx.start.line,
      text,
      binds: binds.map((bind) => this.expression(bind.expression()))
    };
  }

  private literal(ctx: LiteralContext): Expr {
    const line = ctx.start.line;
    const text = ctx.getText();
    if (ctx.NULL()) return { kind: 'literal', line, type: 'Null', value: null };
    if (ctx.BooleanLiteral())
      return { kind: 'literal', line, type: 'Boolean', value: text.toLowerCase() === 'true' };
    if (ctx.StringLiteral() || ctx.MultilineStringLiteral())
      return { kind: 'literal', line, type: 'String', value: unquote(text) };
    if (ctx.LongLiteral())
      return { kind: 'literal', line, type: 'Long', value: Number(text.replace(/[lL]$/, '')) };
    if (ctx.IntegerLiteral()) return { kind: 'literal', line, type: 'Integer', value: Number(text) };
    // NumberLiteral: a Decimal (1.50 keeps its two places), or a Double with a d suffix.
    if (/[dD]$/.test(text))
      return { kind: 'literal', line, type: 'Decimal', value: Number(text.slice(0, -1)), scale: -1 };
    const point = text.indexOf('.');
    return {
      kind: 'literal',
      line,
      type: 'Decimal',
      value: Number(text),
      scale: point < 0 ? 0 : text.length - point - 1
    };
  }

  private creator(ctx: CreatorContext): Expr {
    const line = ctx.start.line;
    const names = ctx
      .createdName()
      .idCreatedNamePair_list()
      .map((pair) => {
        const typeList = pair.typeList();
        return {
          name: pair.anyId().getText(),
          args: typeList ? typeList.typeRef_list().map((t) => this.typeRef(t)) : []
        };
      });
    const type: TypeRef = { names, dims: 0 };
    let creator: Creator;
    const classRest = ctx.classCreatorRest();
    const arrayRest = ctx.arrayCreatorRest();
    const mapRest = ctx.mapCreatorRest();
    const setRest = ctx.setCreatorRest();
    if (classRest) {
      const args = classRest.arguments().expressionList();
      creator = { kind: 'args', args: args ? this.expressions(args) : [] };
    } else if (arrayRest) {
      type.dims = 1;
      const size = arrayRest.expression();
      const initializer = arrayRest.arrayInitializer();
      creator = size
        ? { kind: 'size', size: this.expression(size) }
        : {
            kind: 'elements',
            elements: initializer ? initializer.expression_list().map((e) => this.expression(e)) : []
          };
    } else if (mapRest) {
      creator = {
        kind: 'pairs',
        pairs: mapRest.mapCreatorRestPair_list().map((pair) => {
          const [key, value] = pair.expression_list();
          return [this.expression(key), this.expression(value)] as [Expr, Expr];
        })
      };
    } else if (setRest) {
      creator = { kind: 'elements', elements: setRest.expression_list().map((e) => this.expression(e)) };
    } else {
      creator = { kind: 'empty' };
    }
    return { kind: 'new', line, type, creator };
  }
}

/** An Apex string literal's value: escapes \n \t \r \b \f \' \" \\ \uXXXX. */
function unquote(literal: string): string {
  const body = literal.startsWith("'''") ? literal.slice(3, -3) : literal.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    switch (escape) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      default:
        return escape;
    }
  });
}
