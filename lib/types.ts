import { createRequire } from 'node:module';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { getDeclaredAnnotation } from './ast.js';
import { findVariableOf, getStaticPropertyName } from './modules.js';
import { memoizeByObject } from './memoize.js';

/** What the type-aware checks need from typescript-eslint's parser services. */
export interface TypeServices {
  program: ts.Program;
  checker: ts.TypeChecker;
  toTsNode(node: TSESTree.Node): ts.Node;
}

const cache = new WeakMap<Readonly<TSESLint.SourceCode>, TypeServices | null>();

/** A declared type, and the node to read its members' types at (unnarrowed there). */
export interface DeclaredType {
  type: ts.Type;
  at: ts.Node;
}

/**
 * The TypeScript program behind this file, or `null` when the file was parsed without type
 * information (no `parserOptions.projectService`/`project`, or another parser): the rules then
 * run in syntactic mode.
 */
export function getTypeServices(sourceCode: Readonly<TSESLint.SourceCode>): TypeServices | null {
  let services = cache.get(sourceCode);
  if (services === undefined) {
    const parserServices = sourceCode.parserServices;
    const program = parserServices?.program;
    const nodeMap = parserServices?.esTreeNodeToTSNodeMap;
    services =
      program && nodeMap
        ? { program, checker: program.getTypeChecker(), toTsNode: (node) => nodeMap.get(node as never) }
        : null;
    cache.set(sourceCode, services);
  }
  return services;
}

let typescript: typeof ts | undefined;

/**
 * The TypeScript module, for its flag enums. Loaded on first use in type-aware mode only (the
 * parser that produced the program has it installed), so syntactic mode never needs TypeScript.
 */
export function loadTypeScript(): typeof ts {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescript;
}

/**
 * Whether a type is the same whatever the type arguments of a call are: no type parameter (`T`,
 * `this`), no type computed from one. Such a declared type answers for every call without
 * resolving the call (choosing an overload, inferring type arguments, typing its callbacks),
 * the most expensive question one can ask the checker.
 */
export function isFixedType(type: ts.Type): boolean {
  const { TypeFlags } = loadTypeScript();
  if (type.isUnionOrIntersection()) return type.types.every(isFixedType);
  if (type.flags & TypeFlags.Instantiable) return false;
  return !isMappedType(type);
}

/** A mapped type (`{ [K in keyof T]: … }`, `Partial<T>`, `Record<K, V>`). */
export function isMappedType(type: ts.Type): boolean {
  const { TypeFlags, ObjectFlags } = loadTypeScript();
  return (type.flags & TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ObjectFlags.Mapped) !== 0;
}

/** A type parameter declared as one (`T` of `<T extends …>`), not the polymorphic `this` type. */
export function isTypeParameter(type: ts.Type): boolean {
  return (type.flags & loadTypeScript().TypeFlags.TypeParameter) !== 0 && !isPolymorphicThisType(type);
}

/** The polymorphic `this` type: a type parameter whose symbol is the class, not a type parameter. */
export function isPolymorphicThisType(type: ts.Type): boolean {
  const { TypeFlags, SymbolFlags } = loadTypeScript();
  return (type.flags & TypeFlags.TypeParameter) !== 0 && type.symbol !== undefined && (type.symbol.flags & SymbolFlags.TypeParameter) === 0;
}

/**
 * The call (or construct) signatures of what a call calls. A method of a name declared with a
 * type (`page: Page`, then `page.goto(…)`) is read from that type, without typing the reference
 * itself: that means flow analysis back through every assignment and condition on the way, and
 * typing what was assigned. Narrowing only picks parts of the declared type, so when every part
 * has the method, its signatures include those of every narrowed case.
 */
export function getCalleeSignatures(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): readonly ts.Signature[] {
  // Several rules ask about the same call.
  return rememberAnswer(calleeSignatures, call, () => findCalleeSignatures(services, sourceCode, call));
}

const calleeSignatures = new WeakMap<TSESTree.Node, readonly ts.Signature[]>();

function findCalleeSignatures(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): readonly ts.Signature[] {
  const { checker } = services;
  const construct = call.type === AST_NODE_TYPES.NewExpression;
  const declared =
    call.callee.type === AST_NODE_TYPES.Identifier
      ? getDeclaredNameSignatures(services, sourceCode, call.callee, construct)
      : construct
        ? null
        : getDeclaredMemberSignatures(services, sourceCode, call.callee);
  if (declared?.length) return declared;
  const calleeType = checker.getTypeAtLocation(services.toTsNode(call.callee));
  return unionParts(checker.getApparentType(calleeType)).flatMap((part) => (construct ? part.getConstructSignatures() : part.getCallSignatures()));
}

/**
 * The signatures a called name is declared with (see `getDeclaredType`), when every part of its
 * declared type has some: a part without (`string` in `Handler | string`) leaves it to narrowing.
 */
function getDeclaredNameSignatures(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: TSESTree.Identifier,
  construct: boolean,
): ts.Signature[] | null {
  const declared = getDeclaredType(services, sourceCode, name);
  if (!declared) return null;
  const { checker } = services;
  const signatures: ts.Signature[] = [];
  for (const part of unionParts(checker.getNonNullableType(declared.type))) {
    if (isMappedType(part)) return null;
    const apparent = checker.getApparentType(part);
    const own = construct ? apparent.getConstructSignatures() : apparent.getCallSignatures();
    if (own.length === 0) return null;
    signatures.push(...own);
  }
  return signatures;
}

/**
 * The call signatures of `receiver.name` as the receiver's declared type has them (see
 * `getDeclaredType`), or the class a `this` belongs to. `null` when the receiver has no such declared
 * type or some part of it lacks the member (only the narrowed type can tell); `[]` when the
 * member is no function.
 */
export function getDeclaredMemberSignatures(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  member: TSESTree.Node,
): ts.Signature[] | null {
  if (member.type !== AST_NODE_TYPES.MemberExpression) return null;
  const { checker } = services;
  const property = findDeclaredProperty(services, member);
  if (!property) return null;
  const declared = getDeclaredReceiver(services, sourceCode, member.object);
  if (!declared) return null;
  const { type: receiver, at } = declared;
  // A private name (`this.#run()`) is the one member its class declares, whatever the receiver.
  const parts = property.kind === 'private' ? [receiver] : unionParts(checker.getNonNullableType(receiver));
  const signatures: ts.Signature[] = [];
  for (const part of parts) {
    const symbol = propertyOfPart(services, part, property);
    if (!symbol) return null;
    // At a location that is not a reference, the checker gives the declared type, unnarrowed.
    signatures.push(...getCallSignaturesOf(checker, checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, at))));
  }
  return signatures;
}

/** What a member expression names: a property by its static name, or a class's private member. */
type DeclaredProperty = { kind: 'name'; name: string } | { kind: 'private'; symbol: ts.Symbol };

function findDeclaredProperty(services: TypeServices, member: TSESTree.MemberExpression): DeclaredProperty | null {
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) {
    const declaration = findPrivateMemberDeclaration(member.property);
    const symbol = declaration && services.checker.getSymbolAtLocation(services.toTsNode(declaration.key));
    return symbol ? { kind: 'private', symbol } : null;
  }
  const name = getStaticPropertyName(member);
  return name === null ? null : { kind: 'name', name };
}

function propertyOfPart(services: TypeServices, part: ts.Type, property: DeclaredProperty): ts.Symbol | undefined {
  return property.kind === 'private' ? property.symbol : services.checker.getPropertyOfType(services.checker.getApparentType(part), property.name);
}

type ClassMember = TSESTree.ClassElement & { key: TSESTree.PrivateIdentifier };

/**
 * The class member a private name (`#queue`) refers to: private names are scoped by the class
 * text, not by the receiver's type, so the nearest enclosing class that declares it has it. The
 * checker keys such members by an internal name, which `getPropertyOfType` cannot be asked for.
 */
function findPrivateMemberDeclaration(name: TSESTree.PrivateIdentifier): ClassMember | null {
  for (let node: TSESTree.Node | undefined = name.parent; node; node = node.parent) {
    if (node.type !== AST_NODE_TYPES.ClassBody) continue;
    const declared = privateMembersOf(node).get(name.name);
    if (declared) return declared;
  }
  return null;
}

const privateMembersOf = memoizeByObject((body: TSESTree.ClassBody): ReadonlyMap<string, ClassMember> => {
  const members = new Map<string, ClassMember>();
  for (const element of body.body) {
    if ('key' in element && element.key.type === AST_NODE_TYPES.PrivateIdentifier && !members.has(element.key.name)) {
      members.set(element.key.name, element as ClassMember);
    }
  }
  return members;
});

/**
 * The declared type of a receiver: `this`, a name (see `getDeclaredType`), an asserted value
 * (`(value as Page)`, without typing the value), or a property of one of these whose declared
 * type has it in its one part (`this.client`, `options.logger!`).
 */
function getDeclaredReceiver(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): DeclaredType | null {
  const { checker } = services;
  switch (node.type) {
    case AST_NODE_TYPES.ThisExpression: {
      // Typing `this` reads the enclosing class; no flow analysis is involved.
      const at = services.toTsNode(node);
      return { type: checker.getTypeAtLocation(at), at };
    }
    case AST_NODE_TYPES.Identifier:
      return getDeclaredType(services, sourceCode, node);
    case AST_NODE_TYPES.TSNonNullExpression:
      // Every step drops `null` and `undefined` already.
      return getDeclaredReceiver(services, sourceCode, node.expression);
    case AST_NODE_TYPES.MemberExpression: {
      const property = findDeclaredProperty(services, node);
      if (!property) return null;
      const base = getDeclaredReceiver(services, sourceCode, node.object);
      if (!base) return null;
      const parts = unionParts(checker.getNonNullableType(base.type));
      const symbol = property.kind === 'private' || parts.length === 1 ? propertyOfPart(services, parts[0]!, property) : undefined;
      return symbol ? { type: checker.getTypeOfSymbolAtLocation(symbol, base.at), at: base.at } : null;
    }
    case AST_NODE_TYPES.CallExpression:
      // `innerFrom(input).subscribe(…)`: what the callee declares it returns.
      return getDeclaredResult(services, sourceCode, node);
    default: {
      if (!isTypeAssertion(node)) return null;
      // `(value as Page).goto(…)`: the asserted type, without typing the value it is asserted of.
      const at = services.toTsNode(node.typeAnnotation);
      return { type: checker.getTypeFromTypeNode(at as ts.TypeNode), at };
    }
  }
}

/** `value as T` or `<T>value`, but not `as const`, whose type is the value's own. */
function isTypeAssertion(node: TSESTree.Node): node is TSESTree.TSAsExpression | TSESTree.TSTypeAssertion {
  if (node.type !== AST_NODE_TYPES.TSAsExpression && node.type !== AST_NODE_TYPES.TSTypeAssertion) return false;
  const annotation = node.typeAnnotation;
  return !(annotation.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && annotation.typeName.name === 'const');
}

/**
 * The type a name is declared with, read without typing any expression: its annotation; for
 * `const client = new Client(…)`, what the class's constructors construct (the class's own
 * declared type where they differ in type arguments only); for `const page = open(…)`, what
 * the callee's one signature declares it returns. Neither needs the call resolved against its
 * arguments. A type that still names the call's type
 * parameters is for the caller to judge as such (`Box<T>`'s `get(): T` says nothing).
 */
export function getDeclaredType(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: TSESTree.Identifier,
): DeclaredType | null {
  const variable = findVariableOf(sourceCode, name);
  if (!variable) return getSymbolType(services, name);
  // What a variable is declared with is the same at each of its references.
  return rememberAnswer(declaredTypes, variable, () => findDeclaredType(services, sourceCode, variable, name));
}

const declaredTypes = new WeakMap<TSESLint.Scope.Variable, DeclaredType | null>();

function findDeclaredType(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  variable: TSESLint.Scope.Variable,
  name: TSESTree.Identifier,
): DeclaredType | null {
  const { checker } = services;
  // A global (`console`, `process`), an import, a function or a class: its symbol's type.
  if (variable.defs.length === 0) return getSymbolType(services, name);
  const kind = variable.defs[0]!.type;
  if (kind === 'ImportBinding' || kind === 'FunctionName' || kind === 'ClassName') return getSymbolType(services, name);
  if (variable.defs.length !== 1) return null;
  const definition = variable.defs[0];
  const annotation = getDeclaredAnnotation(definition);
  if (annotation) {
    const at = services.toTsNode(annotation);
    return { type: checker.getTypeFromTypeNode(at as ts.TypeNode), at };
  }
  if (definition?.type === 'Parameter' && definition.name.type === AST_NODE_TYPES.Identifier) {
    const parameter = definition.name;
    return followOnce(variable, () => getContextualParameterType(services, sourceCode, parameter));
  }
  const init = definition?.type === 'Variable' && definition.node.id === definition.name ? definition.node.init : null;
  // `using x = open()` binds what `open()` returns, as `const` does; only disposal differs.
  if (!init || definition?.parent?.type !== AST_NODE_TYPES.VariableDeclaration || definition.parent.kind === 'let' || definition.parent.kind === 'var') return null;
  if (init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier) {
    const constructed = checker
      .getTypeAtLocation(services.toTsNode(init.callee))
      .getConstructSignatures()
      .map((signature) => signature.getReturnType());
    const [first] = constructed;
    const { TypeFlags, SymbolFlags } = loadTypeScript();
    if (first === undefined || (first.flags & TypeFlags.Object) === 0) return null;
    const at = services.toTsNode(init);
    if (!init.typeArguments && constructed.every((type) => type === first)) return { type: first, at };
    // Overloads (`new Map()`, `new Map(entries)`) and type arguments (`new Set<string>()`) give
    // one class with different type arguments: its declared type has the same members, typed
    // in its own type parameters, which callers judge as depending on the call.
    const symbol = first.getSymbol();
    if (!symbol || (symbol.flags & (SymbolFlags.Class | SymbolFlags.Interface)) === 0) return null;
    return constructed.every((type) => type.getSymbol() === symbol) ? { type: checker.getDeclaredTypeOfSymbol(symbol), at } : null;
  }
  if (init.type === AST_NODE_TYPES.CallExpression) return followOnce(variable, () => getDeclaredResult(services, sourceCode, init));
  return null;
}

/**
 * The type of the symbol a name resolves to (through an import, what the other module exports),
 * read at its declaration rather than at the reference, which would mean flow analysis back
 * through the function: narrowing only picks parts of the declared type.
 */
function getSymbolType(services: TypeServices, name: TSESTree.Identifier): DeclaredType | null {
  const { checker } = services;
  let symbol = checker.getSymbolAtLocation(services.toTsNode(name));
  if (symbol && symbol.flags & SYMBOL_FLAGS_ALIAS) symbol = checker.getAliasedSymbol(symbol);
  const at = symbol?.valueDeclaration;
  return symbol && at ? { type: checker.getTypeOfSymbolAtLocation(symbol, at), at } : null;
}

/**
 * What a call returns as its callee's one signature declares it, when that does not depend on
 * the call's type arguments: no need to resolve the call against its arguments.
 */
function getDeclaredResult(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): DeclaredType | null {
  if (call.typeArguments || call.callee.type === AST_NODE_TYPES.Super) return null;
  const signatures = getCalleeSignatures(services, sourceCode, call);
  const returned = signatures.length === 1 ? signatures[0]!.getReturnType() : undefined;
  return returned && isFixedType(returned) ? { type: returned, at: services.toTsNode(call) } : null;
}

/**
 * The type a callback's parameter gets from where the callback is passed, read from the callee's
 * one declared signature (`subscribe((subscriber) => …)`, `items.forEach((item) => …)`) instead
 * of resolving the call, which infers its type arguments by typing every argument. Only a type
 * that is the same whatever those type arguments are answers; anything else is left to the checker.
 */
function getContextualParameterType(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  parameter: TSESTree.Identifier,
): DeclaredType | null {
  const fn = parameter.parent;
  if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn?.type !== AST_NODE_TYPES.FunctionExpression) return null;
  const index = fn.params.indexOf(parameter);
  // A `this` parameter is no position of the signature.
  if (index < 0 || fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === 'this')) return null;
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return null;
  const position = call.arguments.indexOf(fn);
  if (position < 0 || call.arguments.slice(0, position).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return null;
  const signatures = getCalleeSignatures(services, sourceCode, call);
  if (signatures.length !== 1) return null;
  const at = services.toTsNode(parameter);
  const expected = parameterTypeAt(services, signatures[0]!, position, at);
  if (!expected || !isFixedType(expected)) return null;
  // The checker types a callback by the one call signature among the expected type's parts.
  const contextual = getCallSignaturesOf(services.checker, services.checker.getNonNullableType(expected));
  if (contextual.length !== 1 || contextual[0]!.getTypeParameters()?.length) return null;
  const type = parameterTypeAt(services, contextual[0]!, index, at);
  return type && isFixedType(type) ? { type, at } : null;
}

/** `compute` once per variable at a time: `const a = b.next(); const b = a.next();` parses. */
function followOnce<T>(variable: TSESLint.Scope.Variable, compute: () => T | null): T | null {
  if (beingDeclared.has(variable)) return null;
  beingDeclared.add(variable);
  try {
    return compute();
  } finally {
    beingDeclared.delete(variable);
  }
}

const beingDeclared = new Set<TSESLint.Scope.Variable>();

/**
 * The answer `cache` holds for `key`, or `compute`'s, kept for next time unless a declaration
 * was being followed when it was asked for: `followOnce` may have cut that one short.
 */
function rememberAnswer<Key extends object, Value>(cache: WeakMap<Key, Value>, key: Key, compute: () => Value): Value {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const complete = beingDeclared.size === 0;
  const value = compute();
  if (complete) cache.set(key, value);
  return value;
}

/**
 * The call signatures of every part of a type. A mapped type (`Partial<Options>`,
 * `Record<string, Handler>`) has properties only: it is never called, and resolving its members
 * just to find no signature is what costs.
 */
export function getCallSignaturesOf(checker: ts.TypeChecker, type: ts.Type): ts.Signature[] {
  return unionParts(type).flatMap((part) => (isMappedType(part) ? [] : checker.getApparentType(part).getCallSignatures()));
}

/** The members of a union, or the type itself. */
export function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/**
 * What a callee's declared parameter expects at an argument position: a function returning
 * `void` under every signature, a type that depends on the call's type arguments (only the
 * resolved call can tell), or anything else.
 */
export type ParameterExpectation = 'voidCallback' | 'dependsOnCall' | 'other';

/**
 * Reads, from the callee's signatures and without resolving the call, what each argument
 * position expects; the callee is typed once, a position only when asked about.
 */
export function getParameterExpectations(
  services: TypeServices,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): (index: number) => ParameterExpectation {
  const at = services.toTsNode(call);
  const signatures = getCalleeSignatures(services, sourceCode, call);
  return (index) => {
    let everyVoid = signatures.length > 0;
    for (const signature of signatures) {
      const type = parameterTypeAt(services, signature, index, at);
      const parts = type ? expectedParts(services, type, call) : [];
      if (parts.some((part) => !isFixedType(part))) return 'dependsOnCall';
      if (!isVoidFunctionType(parts)) everyVoid = false;
    }
    return everyVoid ? 'voidCallback' : 'other';
  };
}

/**
 * The parts of a parameter's type an argument must fit. A type parameter written as the whole
 * parameter type (`fn: F`) is inferred from the argument itself, so without explicit type
 * arguments it expects what its constraint says (`F extends () => void`), or anything.
 */
function expectedParts(services: TypeServices, type: ts.Type, call: TSESTree.CallExpression): readonly ts.Type[] {
  const parts = unionParts(type);
  if (call.typeArguments) return parts;
  return parts.flatMap((part) => {
    if (!isTypeParameter(part)) return [part];
    const constraint = services.checker.getBaseConstraintOfType(part);
    return constraint ? [constraint] : [];
  });
}

function parameterTypeAt(services: TypeServices, signature: ts.Signature, index: number, at: ts.Node): ts.Type | null {
  const parameters = signature.getParameters();
  const last = parameters[parameters.length - 1];
  const lastDeclaration = last?.valueDeclaration as ts.ParameterDeclaration | undefined;
  if (last && lastDeclaration?.dotDotDotToken && index >= parameters.length - 1) {
    const rest = services.checker.getTypeOfSymbolAtLocation(last, at);
    return services.checker.isArrayType(rest) ? (services.checker.getTypeArguments(rest as ts.TypeReference)[0] ?? null) : null;
  }
  const parameter = parameters[index];
  return parameter ? services.checker.getTypeOfSymbolAtLocation(parameter, at) : null;
}

/** Function types (and `undefined`) whose every call signature returns `void`, and at least one. */
function isVoidFunctionType(parts: readonly ts.Type[]): boolean {
  const { TypeFlags } = loadTypeScript();
  const signatures = parts.flatMap((part) => part.getCallSignatures());
  return signatures.length > 0 && signatures.every((signature) => (signature.getReturnType().flags & TypeFlags.Void) !== 0);
}

// ts.SymbolFlags.Alias; read as a number so that syntactic mode never loads TypeScript.
const SYMBOL_FLAGS_ALIAS = 1 << 21;

/**
 * The module export the checker says `node` (a callee) denotes, from where it is declared:
 * `fs.readFileSync` reached through `typeof import('fs')`, a re-export or a wrapper object all
 * come back as `{ module: 'fs', path: ['readFileSync'] }` (module as declared, not normalized).
 */
export function getDeclaredModuleMember(
  services: TypeServices,
  node: TSESTree.Node,
): { module: string; path: readonly string[] } | null {
  const symbol = getCalleeSymbol(services, node);
  return symbol ? moduleMembersOf(services.checker)(symbol) : null;
}

/** The symbol a callee (a name, or a property access by its name) denotes, through imports. */
function getCalleeSymbol(services: TypeServices, node: TSESTree.Node): ts.Symbol | undefined {
  const tsNode = services.toTsNode(node);
  const target = 'name' in tsNode && tsNode.name && typeof tsNode.name === 'object' ? (tsNode.name as ts.Node) : tsNode;
  const symbol = services.checker.getSymbolAtLocation(target);
  return symbol && symbol.flags & SYMBOL_FLAGS_ALIAS ? services.checker.getAliasedSymbol(symbol) : symbol;
}

/** A function written with its body: what a call runs, when the program's sources show it. */
export type FunctionImplementation = ts.SignatureDeclaration & { body: ts.Node };

/**
 * The implementation a callee denotes in the program's own sources, in this file or another: a
 * function, a method, or a variable or property initialized with a function. `null` for what is
 * only declared (a `.d.ts`, `declare function`, an interface's method) or cannot be resolved.
 */
export function getCalleeImplementation(services: TypeServices, callee: TSESTree.Node): FunctionImplementation | null {
  const typescript = loadTypeScript();
  for (const declaration of getCalleeSymbol(services, callee)?.getDeclarations() ?? []) {
    if (declaration.getSourceFile().isDeclarationFile) continue;
    const fn =
      typescript.isVariableDeclaration(declaration) || typescript.isPropertyDeclaration(declaration) || typescript.isPropertyAssignment(declaration)
        ? declaration.initializer
        : declaration;
    if (fn && typescript.isFunctionLike(fn) && 'body' in fn && fn.body) return fn as FunctionImplementation;
  }
  return null;
}

/**
 * The module export each symbol is, read from its fully qualified name once per symbol: a
 * function called all over a program is one symbol, and building its name costs.
 */
const moduleMembersOf = memoizeByObject((checker: ts.TypeChecker) =>
  memoizeByObject((symbol: ts.Symbol): { module: string; path: readonly string[] } | null => {
    // Members of ambient modules (`declare module "fs" { … }`) are named `"fs".readFileSync`.
    const match = /^"([^"]+)"\.(.+)$/.exec(checker.getFullyQualifiedName(symbol));
    return match?.[1] && match[2] ? { module: match[1], path: match[2].split('.') } : null;
  }),
);
