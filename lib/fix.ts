import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

// Expressions that bind looser than a unary operator and need parentheses to become its operand.
const LOOSER_THAN_UNARY = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SequenceExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.YieldExpression,
]);

/** The source of `node`, parenthesized when it could not stand as the operand of `await`/`void`. */
export function getOperandText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return LOOSER_THAN_UNARY.has(node.type) ? `(${text})` : text;
}

/**
 * A fix that replaces `node` with `keyword operand` (`await x`, `void x`), parenthesizing the
 * operand as needed; the operand is `node` itself unless given.
 */
export function prefixOperator(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  keyword: string,
  operand: TSESTree.Node = node,
): TSESLint.ReportFixFunction {
  return (fixer) => fixer.replaceText(node, `${keyword} ${getOperandText(sourceCode, operand)}`);
}

/**
 * Whether a member access can be appended to `node` as written (`node.catch(…)`) and still apply
 * to the whole of it.
 */
export function acceptsMemberAccess(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    case AST_NODE_TYPES.NewExpression:
      // `new P(…).x` applies `.x` to the instance; `new P.x` would not.
      return sourceCode.getLastToken(node)?.value === ')';
    default:
      return false;
  }
}
