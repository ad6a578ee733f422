import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName, isGlobalReference, resolveModuleMember } from './modules.js';

/**
 * Whether `call` reads a clock: `Date.now()`, `performance.now()` (the global or node:perf_hooks'),
 * `process.hrtime()` or `process.hrtime.bigint()`. Code that reads one around its work is timing
 * it, or waiting for a deadline.
 */
export function isClockRead(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = getStaticPropertyName(callee);
  if (name === 'now') {
    return (
      isGlobalReference(sourceCode, callee.object, 'Date') ||
      isGlobalReference(sourceCode, callee.object, 'performance') ||
      resolveModuleMember(sourceCode, callee.object)?.module === 'node:perf_hooks'
    );
  }
  const hrtime = name === 'bigint' && callee.object.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
  return getStaticPropertyName(hrtime) === 'hrtime' && isGlobalReference(sourceCode, hrtime.object, 'process');
}
