/**
 * The runtime's own syntax tree for Apex: small, plain data (so a parsed package can be cached
 * as JSON between runs), and only what execution needs. Every node that can fail at run time
 * carries the line it starts on, for Apex stack traces and coverage.
 */
export interface TypeRef {
  /** `Schema.SObjectType` → [Schema, SObjectType]; `List<String>` → [List<String>]. */
  names: { name: string; args: TypeRef[] }[];
  /** Array dimensions: `String[]` is a List<String>. */
  dims: number;
}

export interface Annotation {
  /** Lower case, without `@`. */
  name: string;
  params: Record<string, string | boolean>;
}

export interface Modifiers {
  access: 'private' | 'protected' | 'public' | 'global' | null;
  isStatic: boolean;
  isFinal: boolean;
  isAbstract: boolean;
  isVirtual: boolean;
  isOverride: boolean;
  isTransient: boolean;
  isTestMethod: boolean;
  sharing: 'with' | 'without' | 'inherited' | null;
  annotations: Annotation[];
}

export interface Param {
  type: TypeRef;
  name: string;
}

export type TypeDecl = ClassDecl | InterfaceDecl | EnumDecl;

export interface ClassDecl {
  kind: 'class';
  name: string;
  line: number;
  modifiers: Modifiers;
  extends: TypeRef | null;
  implements: TypeRef[];
  members: Member[];
}

export interface InterfaceDecl {
  kind: 'interface';
  name: string;
  line: number;
  modifiers: Modifiers;
  extends: TypeRef[];
  methods: MethodDecl[];
}

export interface EnumDecl {
  kind: 'enum';
  name: string;
  line: number;
  modifiers: Modifiers;
  values: string[];
}

export type Member = FieldDecl | PropertyDecl | MethodDecl | ConstructorDecl | InitBlock | TypeDecl;

export interface FieldDecl {
  kind: 'field';
  line: number;
  modifiers: Modifiers;
  type: TypeRef;
  declarators: Declarator[];
}

export interface Declarator {
  name: string;
  init: Expr | null;
  line: number;
}

export interface Accessor {
  modifiers: Modifiers;
  /** null = automatic (`get;`). */
  body: Block | null;
  line: number;
}

export interface PropertyDecl {
  kind: 'property';
  line: number;
  modifiers: Modifiers;
  type: TypeRef;
  name: string;
  getter: Accessor | null;
  setter: Accessor | null;
}

export interface MethodDecl {
  kind: 'method';
  line: number;
  modifiers: Modifiers;
  /** null = void. */
  returnType: TypeRef | null;
  name: string;
  params: Param[];
  /** null = abstract or interface method. */
  body: Block | null;
}

export interface ConstructorDecl {
  kind: 'constructor';
  line: number;
  modifiers: Modifiers;
  params: Param[];
  body: Block;
}

export interface InitBlock {
  kind: 'init';
  line: number;
  isStatic: boolean;
  body: Block;
}

export interface TriggerDecl {
  kind: 'trigger';
  name: string;
  object: string;
  /** `before insert`, `after update`, ... in lower case. */
  events: string[];
  line: number;
  body: Block;
}

export interface Block {
  kind: 'block';
  line: number;
  statements: Stmt[];
}

export type Stmt =
  | Block
  | { kind: 'local'; line: number; type: TypeRef; declarators: Declarator[] }
  | { kind: 'expr'; line: number; expr: Expr }
  | { kind: 'if'; line: number; cond: Expr; then: Stmt; else: Stmt | null }
  | {
      kind: 'for';
      line: number;
      init:
        { kind: 'local'; type: TypeRef; declarators: Declarator[] } | { kind: 'exprs'; exprs: Expr[] } | null;
      cond: Expr | null;
      update: Expr[];
      body: Stmt | null;
    }
  | { kind: 'forEach'; line: number; type: TypeRef; name: string; iterable: Expr; body: Stmt | null }
  | { kind: 'while'; line: number; cond: Expr; body: Stmt | null }
  | { kind: 'doWhile'; line: number; cond: Expr; body: Block }
  | { kind: 'return'; line: number; expr: Expr | null }
  | { kind: 'break'; line: number }
  | { kind: 'continue'; line: number }
  | { kind: 'throw'; line: number; expr: Expr }
  | { kind: 'try'; line: number; block: Block; catches: Catch[]; finally: Block | null }
  | { kind: 'switch'; line: number; expr: Expr; whens: When[] }
  | {
      kind: 'dml';
      line: number;
      op: 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';
      access: 'user' | 'system' | null;
      expr: Expr;
      /** upsert: the external id field; merge: the record(s) merged in. */
      field: string[] | null;
      other: Expr | null;
    }
  | { kind: 'runAs'; line: number; args: Expr[]; block: Block };

export interface Catch {
  type: string[];
  name: string;
  block: Block;
  line: number;
}

export type WhenValue =
  | { kind: 'literal'; value: string | number | null }
  /** An enum constant (`BEFORE_INSERT`) or a qualified name. */
  | { kind: 'name'; names: string[] };

export interface When {
  line: number;
  /** else: no values; type: `when Account a`. */
  match:
    | { kind: 'else' }
    | { kind: 'values'; values: WhenValue[] }
    | { kind: 'type'; type: TypeRef; name: string };
  block: Block;
}

export type LiteralType = 'Integer' | 'Long' | 'Decimal' | 'String' | 'Boolean' | 'Null';

export type Expr =
  | {
      kind: 'literal';
      line: number;
      type: LiteralType;
      value: string | number | boolean | null;
      scale?: number;
    }
  | { kind: 'name'; line: number; name: string }
  | { kind: 'this'; line: number }
  | { kind: 'super'; line: number }
  | { kind: 'typeLiteral'; line: number; type: TypeRef | null }
  | { kind: 'soql'; line: number; text: string; binds: Expr[] }
  | { kind: 'dot'; line: number; target: Expr; name: string; safe: boolean }
  | { kind: 'call'; line: number; target: Expr | null; name: string; args: Expr[]; safe: boolean }
  | { kind: 'index'; line: number; target: Expr; index: Expr }
  | { kind: 'new'; line: number; type: TypeRef; creator: Creator }
  | { kind: 'cast'; line: number; type: TypeRef; expr: Expr }
  | { kind: 'unary'; line: number; op: '-' | '+' | '!' | '~'; expr: Expr }
  | { kind: 'step'; line: number; op: '++' | '--'; prefix: boolean; target: Expr }
  | { kind: 'binary'; line: number; op: string; left: Expr; right: Expr }
  | { kind: 'instanceOf'; line: number; expr: Expr; type: TypeRef }
  | { kind: 'cond'; line: number; cond: Expr; then: Expr; else: Expr }
  | { kind: 'assign'; line: number; op: string; target: Expr; value: Expr };

export type Creator =
  /** `new X(args)`; for SObjects, args may be `Field = value` assignments. */
  | { kind: 'args'; args: Expr[] }
  /** `new List<X>{ a, b }`, `new Set<X>{...}`, `new X[]{...}`. */
  | { kind: 'elements'; elements: Expr[] }
  | { kind: 'pairs'; pairs: [Expr, Expr][] }
  /** `new X[n]`. */
  | { kind: 'size'; size: Expr }
  /** `new List<X>{}` / `new Map<K,V>{}`: empty. */
  | { kind: 'empty' };

export interface SourceUnit {
  file: string;
  /** Lines that hold an executable statement, for coverage. */
  body: TypeDecl | TriggerDecl;
}
