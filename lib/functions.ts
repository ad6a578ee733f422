import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The innermost function that contains `node` (not `node` itself), or `null` at top level. */
export function findEnclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/**
 * The boundary that owns `node`'s execution: its enclosing function, or — for code outside any
 * function — the class field initializer / static block / program it runs in. Awaits in two
 * different owners never wait for each other.
 */
export function findExecutionOwner(node: TSESTree.Node): TSESTree.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.StaticBlock) return current;
    if (
      (current.type === AST_NODE_TYPES.PropertyDefinition ||
        current.type === AST_NODE_TYPES.AccessorProperty) &&
      current.value !== null &&
      isInside(node, current.value)
    ) {
      return current;
    }
    if (current.type === AST_NODE_TYPES.Program) return current;
  }
  return node;
}

/** Whether `await` may be written where `node` stands. */
export function isAwaitAllowed(node: TSESTree.Node): boolean {
  const owner = findExecutionOwner(node);
  if (isFunctionNode(owner)) return owner.async;
  // Top-level await exists only in modules.
  return owner.type === AST_NODE_TYPES.Program && owner.sourceType === 'module';
}

/** Whether the promise a function returns is the only thing it returns (not a generator). */
export function isAsyncFunction(node: FunctionNode): boolean {
  return node.async && !node.generator;
}

export function isInside(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** The statements of the block or program that directly holds `statement`, if any. */
export function getStatementList(statement: TSESTree.Node): readonly TSESTree.Node[] | null {
  const parent = statement.parent;
  if (!parent) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return parent.body;
    case AST_NODE_TYPES.SwitchCase:
      return parent.consequent;
    default:
      return null;
  }
}

/** Whether `second` directly follows `first` in the same statement list. */
export function areAdjacentStatements(first: TSESTree.Node, second: TSESTree.Node): boolean {
  const list = getStatementList(first);
  return list !== null && list === getStatementList(second) && list.indexOf(second) === list.indexOf(first) + 1;
}

/**
 * The `try … catch` whose `try` block holds `node`, looking no further out than the function (or
 * program) `node` runs in: a `try` in an outer function does not see an inner function's errors.
 */
export function findGuardingTry(node: TSESTree.Node): TSESTree.TryStatement | null {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.StaticBlock) return null;
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) {
      return current;
    }
  }
  return null;
}

/** The statement holding `node` that stands directly in a block, program or `case`. */
export function findEnclosingStatement(node: TSESTree.Node): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (getStatementList(current)) return current;
    if (isFunctionNode(current)) return null;
  }
  return null;
}

/** `const x = init` / `let x = init`: one name bound to a value, as a statement of a block. */
export interface LocalBinding {
  declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier; init: TSESTree.Expression };
  declaration: TSESTree.VariableDeclaration;
}

/**
 * The declarator as a local binding: a plain name, an initializer, `const` or `let`, declared
 * as a statement of a block or program (not exported, not in a `for` head).
 */
export function asLocalBinding(declarator: TSESTree.VariableDeclarator): LocalBinding | null {
  const declaration = declarator.parent;
  if (
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    !declarator.init ||
    declaration.type !== AST_NODE_TYPES.VariableDeclaration ||
    (declaration.kind !== 'const' && declaration.kind !== 'let') ||
    !getStatementList(declaration)
  ) {
    return null;
  }
  return { declarator: declarator as LocalBinding['declarator'], declaration };
}
