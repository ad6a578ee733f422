import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** The handler appended by "add a `.catch(…)`" suggestions: it logs, so nothing is lost silently. */
export const CATCH_HANDLER = '.catch((error) => { console.error(error); })';

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
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ImportExpression:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    case AST_NODE_TYPES.NewExpression:
      // `new P(…).x` applies `.x` to the instance; `new P.x` would not.
      return sourceCode.getLastToken(node)?.value === ')';
    default:
      return false;
  }
}

/**
 * A fix that wraps the statements from `first` to `last` (one statement list) in
 * `try { … } catch (error) { … throw error; }`: behaviour stays the same, and the catch block is
 * where the handling goes. Keeps the indentation when `first` starts its own line, and stays on
 * one line otherwise.
 */
export function wrapInTryCatch(
  sourceCode: Readonly<TSESLint.SourceCode>,
  first: TSESTree.Node,
  last: TSESTree.Node,
  comment: string,
): TSESLint.ReportFixFunction {
  const range: TSESTree.Range = [first.range[0], last.range[1]];
  const text = sourceCode.text.slice(...range);
  const line = sourceCode.lines[first.loc.start.line - 1] ?? '';
  const before = line.slice(0, first.loc.start.column);
  if (before.trim() !== '') {
    return (fixer) => fixer.replaceTextRange(range, `try { ${text} } catch (error) { /* ${comment} */ throw error; }`);
  }
  const unit = before.includes('\t') ? '\t' : '  ';
  const inner = before + unit;
  const body = text
    .split('\n')
    .map((textLine, index) => (index === 0 ? inner + textLine : textLine === '' ? textLine : unit + textLine))
    .join('\n');
  return (fixer) =>
    fixer.replaceTextRange(
      range,
      `try {\n${body}\n${before}} catch (error) {\n${inner}// ${comment}\n${inner}throw error;\n${before}}`,
    );
}
