import { createRequire } from 'node:module';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/** What the type-aware checks need from typescript-eslint's parser services. */
export interface TypeServices {
  program: ts.Program;
  checker: ts.TypeChecker;
  toTsNode(node: TSESTree.Node): ts.Node;
}

const cache = new WeakMap<Readonly<TSESLint.SourceCode>, TypeServices | null>();

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
  const { TypeFlags, ObjectFlags } = loadTypeScript();
  if (type.isUnionOrIntersection()) return type.types.every(isFixedType);
  if (type.flags & TypeFlags.Instantiable) return false;
  return !(type.flags & TypeFlags.Object && (type as ts.ObjectType).objectFlags & ObjectFlags.Mapped);
}

/** The polymorphic `this` type: a type parameter whose symbol is the class, not a type parameter. */
export function isPolymorphicThisType(type: ts.Type): boolean {
  const { TypeFlags, SymbolFlags } = loadTypeScript();
  return (type.flags & TypeFlags.TypeParameter) !== 0 && type.symbol !== undefined && (type.symbol.flags & SymbolFlags.TypeParameter) === 0;
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
  call: TSESTree.CallExpression,
): (index: number) => ParameterExpectation {
  const { checker } = services;
  const at = services.toTsNode(call);
  const calleeType = checker.getApparentType(checker.getTypeAtLocation(services.toTsNode(call.callee)));
  const signatures = (calleeType.isUnion() ? calleeType.types : [calleeType]).flatMap((part) => part.getCallSignatures());
  return (index) => {
    const expected = signatures.map((signature) => parameterTypeAt(services, signature, index, at));
    if (expected.some((type) => type !== null && !isFixedType(type))) return 'dependsOnCall';
    return expected.length > 0 && expected.every((type) => type !== null && isVoidFunctionType(type)) ? 'voidCallback' : 'other';
  };
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

/** A function type (or such a function or `undefined`) whose every signature returns `void`. */
function isVoidFunctionType(type: ts.Type): boolean {
  const { TypeFlags } = loadTypeScript();
  const signatures = (type.isUnion() ? type.types : [type]).flatMap((part) => part.getCallSignatures());
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
): { module: string; path: string[] } | null {
  const tsNode = services.toTsNode(node);
  const target = 'name' in tsNode && tsNode.name && typeof tsNode.name === 'object' ? (tsNode.name as ts.Node) : tsNode;
  let symbol = services.checker.getSymbolAtLocation(target);
  if (symbol && symbol.flags & SYMBOL_FLAGS_ALIAS) symbol = services.checker.getAliasedSymbol(symbol);
  if (!symbol) return null;
  // Members of ambient modules (`declare module "fs" { … }`) are named `"fs".readFileSync`.
  const match = /^"([^"]+)"\.(.+)$/.exec(services.checker.getFullyQualifiedName(symbol));
  return match?.[1] && match[2] ? { module: match[1], path: match[2].split('.') } : null;
}
