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
