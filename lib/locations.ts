import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './functions.js';
import { skipTypeWrappers } from './modules.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/*
 * Where a report lands decides where the editor draws its squiggle: on what the eye should go
 * to, not over a whole statement or function body that may run for screens.
 */

/**
 * A function's head: `async (item) =>`, `async function load(id)`, up to the body. Anything
 * else (a reference to a function declared elsewhere) is its own location.
 */
export function getHeadLocation(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.SourceLocation {
  if (!isFunctionNode(node)) return node.loc;
  const beforeBody = sourceCode.getTokenBefore(node.body);
  return { start: node.loc.start, end: beforeBody ? beforeBody.loc.end : node.loc.end };
}

/**
 * A call up to the end of its callee (`save`, `save().then`, `new Promise`) without the
 * arguments, which may be long callbacks; an immediately invoked function up to its head; any
 * other expression as a whole.
 */
export function getCallLocation(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.SourceLocation {
  const call = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return node.loc;
  const callee = skipTypeWrappers(call.callee);
  const end = isFunctionNode(callee) ? getHeadLocation(sourceCode, callee).end : call.callee.loc.end;
  return { start: node.loc.start, end };
}
