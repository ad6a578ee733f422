import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './functions.js';

/**
 * Whether some node inside `root` (or `root` itself) satisfies `predicate`. By default it does
 * not look into nested functions — what runs when `root` is evaluated, not what it merely
 * defines; `enter` decides otherwise. Meant for small subtrees (an awaited operand, an executor
 * body), not for whole files.
 */
export function someNodeInside(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  predicate: (node: TSESTree.Node) => boolean,
  enter: (node: TSESTree.Node) => boolean = (node) => !isFunctionNode(node),
): boolean {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (predicate(node)) return true;
    if (node !== root && !enter(node)) continue;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
  return false;
}

/** For `someNodeInside`'s `enter`: look into nested functions too (what a subtree mentions at all). */
export const intoNestedFunctions = (): boolean => true;

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function typeAnnotationOf(node: TSESTree.Node): TSESTree.TypeNode | undefined {
  return 'typeAnnotation' in node && node.typeAnnotation?.type === AST_NODE_TYPES.TSTypeAnnotation
    ? node.typeAnnotation.typeAnnotation
    : undefined;
}

/** The annotation a parameter or variable is declared with (`options: Options`, `let page: Page`). */
export function getDeclaredAnnotation(definition: TSESLint.Scope.Definition | undefined): TSESTree.TypeNode | undefined {
  return definition?.type === 'Parameter' || definition?.type === 'Variable' ? typeAnnotationOf(definition.name) : undefined;
}
