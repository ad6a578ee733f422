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
