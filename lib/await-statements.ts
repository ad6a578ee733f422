import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * A statement that does nothing but await one operand and perhaps keep the result:
 * `await x;`, `const a = await x;` (any pattern), `a = await x;` (any assignment target).
 */
export interface AwaitStatement {
  statement: TSESTree.Statement;
  awaitExpression: TSESTree.AwaitExpression;
  operand: TSESTree.Expression;
  binding:
    | { kind: 'declaration'; declarationKind: 'const' | 'let'; target: TSESTree.Node }
    | { kind: 'assignment'; target: TSESTree.Node }
    | null;
}

/**
 * The await a statement does nothing but (`await x;`, `a = await x;`, `const a = await x;`),
 * found without building its description: most statements of a block are none.
 */
function findStatementAwait(statement: TSESTree.Node): TSESTree.AwaitExpression | null {
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
    const expression = statement.expression;
    if (expression.type === AST_NODE_TYPES.AwaitExpression) return expression;
    return expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.operator === '=' &&
      expression.right.type === AST_NODE_TYPES.AwaitExpression
      ? expression.right
      : null;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length !== 1) return null;
  if (statement.kind !== 'const' && statement.kind !== 'let') return null;
  const init = statement.declarations[0]?.init;
  return init?.type === AST_NODE_TYPES.AwaitExpression ? init : null;
}

/**
 * Whether `describeAwaitStatement` would describe `statement` with a binding (`const a = await x;`,
 * `a = await x;`), read without building the description.
 */
export function isBindingAwaitStatement(statement: TSESTree.Node): boolean {
  const awaitExpression = findStatementAwait(statement);
  return awaitExpression !== null && awaitExpression.parent !== statement;
}

export function describeAwaitStatement(statement: TSESTree.Node): AwaitStatement | null {
  const awaitExpression = findStatementAwait(statement);
  if (!awaitExpression) return null;
  const operand = awaitExpression.argument;
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const declarationKind = statement.kind as 'const' | 'let';
    return { statement, awaitExpression, operand, binding: { kind: 'declaration', declarationKind, target: statement.declarations[0]!.id } };
  }
  const { parent } = awaitExpression;
  return {
    statement: statement as TSESTree.Statement,
    awaitExpression,
    operand,
    binding: parent.type === AST_NODE_TYPES.AssignmentExpression ? { kind: 'assignment', target: parent.left } : null,
  };
}

/** The await statement whose awaited expression is `node`, if `node` is the whole point of one. */
export function findAwaitStatement(node: TSESTree.AwaitExpression): AwaitStatement | null {
  const parent = node.parent;
  const statement =
    parent.type === AST_NODE_TYPES.VariableDeclarator || parent.type === AST_NODE_TYPES.AssignmentExpression
      ? parent.parent
      : parent;
  const described = statement ? describeAwaitStatement(statement) : null;
  return described?.awaitExpression === node ? described : null;
}

/**
 * The text that replaces consecutive await statements with one `await Promise.all([...])`,
 * destructuring the results into the same bindings (holes for statements that kept none).
 * `null` when no rewrite is exactly equivalent apart from concurrency: declarations of different
 * kinds, declarations mixed with assignments, annotated bindings, comments that would be lost,
 * or an assignment statement that could merge with the line before it.
 */
export function buildAwaitAllText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  items: readonly AwaitStatement[],
  combinator = 'Promise.all',
): string | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;
  if (sourceCode.getCommentsInside(first.statement).length > 0) return null;
  for (let index = 1; index < items.length; index++) {
    const item = items[index];
    if (!item || sourceCode.getCommentsBefore(item.statement).length > 0 || sourceCode.getCommentsInside(item.statement).length > 0) {
      return null;
    }
  }
  const bindings = items.map((item) => item.binding);
  const kinds = new Set(bindings.map((binding) => (binding ? (binding.kind === 'declaration' ? binding.declarationKind : 'assignment') : null)));
  kinds.delete(null);
  if (kinds.size > 1) return null;
  if (bindings.some((binding) => binding?.target.type === AST_NODE_TYPES.Identifier && binding.target.typeAnnotation)) return null;
  if (bindings.some((binding) => binding?.target.type === AST_NODE_TYPES.ObjectPattern && binding.target.typeAnnotation)) return null;
  if (bindings.some((binding) => binding?.target.type === AST_NODE_TYPES.ArrayPattern && binding.target.typeAnnotation)) return null;

  const operands = items
    .map(({ operand }) => {
      const text = sourceCode.getText(operand);
      return operand.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
    })
    .join(', ');
  const call = `await ${combinator}([${operands}])`;
  const [kind] = kinds;
  if (kind === undefined) return `${call};`;

  // Trailing statements without a binding need no trailing holes.
  let lastBound = bindings.length - 1;
  while (lastBound >= 0 && !bindings[lastBound]) lastBound--;
  const pattern = bindings
    .slice(0, lastBound + 1)
    .map((binding) => (binding ? sourceCode.getText(binding.target) : ''))
    .join(', ');
  if (kind !== 'assignment') return `${kind} [${pattern}] = ${call};`;
  // `[a, b] = …` at the start of a statement would continue a previous line without `;`.
  const before = sourceCode.getTokenBefore(first.statement);
  if (before && before.value !== ';' && before.value !== '{') return null;
  return `[${pattern}] = ${call};`;
}
