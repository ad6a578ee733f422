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
    pushChildren(sourceCode, node, stack);
  }
  return false;
}

/** Pushes `node`'s children onto `stack` last one first, so that they pop in source order; returns how many. */
function pushChildren(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, stack: TSESTree.Node[]): number {
  const before = stack.length;
  const keys = sourceCode.visitorKeys[node.type] ?? [];
  for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex--) {
    const child = (node as unknown as Record<string, unknown>)[keys[keyIndex]!];
    if (Array.isArray(child)) {
      for (let index = child.length - 1; index >= 0; index--) {
        const item: unknown = child[index];
        if (isNode(item)) stack.push(item);
      }
    } else if (isNode(child)) {
      stack.push(child);
    }
  }
  return stack.length - before;
}

/**
 * Visits `root` and everything inside it (nested functions included) in source order, calling
 * `enter` before a node's children and `exit` after them — ESLint's traversal, for one subtree a
 * rule found worth a closer look. Iterative, so that deeply nested code cannot overflow the stack.
 */
export function walkSubtree(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  enter: (node: TSESTree.Node) => void,
  exit: (node: TSESTree.Node) => void,
): void {
  const stack: TSESTree.Node[] = [root];
  // Whether the node at the same depth of `stack` has been entered and waits for its exit.
  const entered: boolean[] = [false];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (entered[entered.length - 1]) {
      stack.pop();
      entered.pop();
      exit(node);
      continue;
    }
    entered[entered.length - 1] = true;
    enter(node);
    for (let count = pushChildren(sourceCode, node, stack); count > 0; count--) entered.push(false);
  }
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
