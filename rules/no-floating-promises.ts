import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type CallSpecifier, callSpecifierSchema, matchesCallSpecifier } from '../lib/call-specifiers.js';
import { buildAwaitAllText, findAwaitStatement } from '../lib/await-statements.js';
import { createRule } from '../lib/create-rule.js';
import { CATCH_HANDLER, acceptsMemberAccess, getOperandText, prefixOperator } from '../lib/fix.js';
import {
  type LocalBinding,
  areAdjacentStatements,
  asLocalBinding,
  findExecutionOwner,
  isAwaitAllowed,
  isFunctionNode,
} from '../lib/functions.js';
import { getStaticPropertyName, isGlobalName, skipTypeWrappers } from '../lib/modules.js';
import { getCallLocation } from '../lib/locations.js';
import { getPromiseDetector, isRejectionHandler } from '../lib/promises.js';

type Options = [
  {
    ignoreVoid?: boolean;
    ignoreIIFE?: boolean;
    checkUnusedVariables?: boolean;
    allowForKnownSafeCalls?: CallSpecifier[];
  },
];

type MessageIds =
  | 'floating'
  | 'floatingChain'
  | 'floatingArray'
  | 'unusedVariable'
  | 'unhandledWhileWaiting'
  | 'addAwait'
  | 'addVoid'
  | 'addCatch'
  | 'awaitAll'
  | 'awaitAtDeclaration'
  | 'voidInsteadOfVariable';

/** What is left unhandled, and the node a fix acts on. */
interface Finding {
  kind: 'promise' | 'chain' | 'array';
  node: TSESTree.Node;
  method?: string;
}

interface PromiseVariable {
  declarator: LocalBinding['declarator'];
  firstRead: TSESTree.Identifier;
}

type Suggestions = TSESLint.SuggestionReportDescriptor<MessageIds>[];

const DEFAULT_KNOWN_SAFE_CALLS: CallSpecifier[] = [
  // node:test's test()/describe() promises settle as the runner reports; they never reject.
  {
    from: 'package',
    package: 'node:test',
    name: ['default', 'test', 'describe', 'it', 'suite', 'only', 'skip', 'todo'],
  },
];

export default createRule<Options, MessageIds>({
  name: 'no-floating-promises',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require promises to be awaited, returned or handled, so that their rejections are not lost',
      recommended: 'error',
      strictOptions: [{ ignoreVoid: false }],
    },
    hasSuggestions: true,
    messages: {
      floating:
        'This promise is never awaited or handled, so its rejection goes unhandled (Node exits on it); await it, return it, add a .catch() handler, or mark it with void.',
      floatingChain:
        'The promise returned by .{{method}}() has no rejection handler, so a failure in the chain goes unhandled (Node exits on it); add a .catch() handler, or await or return the chain.',
      floatingArray:
        'These promises are never awaited or handled, so their rejections go unhandled (Node exits on them); wrap them in await Promise.all(…).',
      unusedVariable:
        "'{{name}}' holds a promise that is never read again, so its result is dropped and its rejection goes unhandled; await it where it is created, or handle it.",
      unhandledWhileWaiting:
        "'{{name}}' has no handler while the function waits at an earlier await, so if it rejects meanwhile the rejection is unhandled (Node exits on it); await the promises together with Promise.all.",
      addAwait: 'Add `await`.',
      addVoid: 'Mark as intentionally not awaited with `void`.',
      addCatch: 'Add a `.catch(…)` handler.',
      awaitAll: 'Await both promises together with `Promise.all`.',
      awaitAtDeclaration: "Await '{{name}}' where it is created.",
      voidInsteadOfVariable: 'Replace the unused variable with `void`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreVoid: {
            type: 'boolean',
            description: 'Accept `void promise` as a deliberate decision not to wait.',
          },
          ignoreIIFE: {
            type: 'boolean',
            description: 'Accept unawaited async immediately-invoked function expressions.',
          },
          checkUnusedVariables: {
            type: 'boolean',
            description: 'Report promises stored in a local variable that is never read.',
          },
          allowForKnownSafeCalls: {
            type: 'array',
            items: callSpecifierSchema,
            description: 'Functions whose promises may float (they never reject, or report failures themselves).',
          },
        },
      },
    ],
    defaultOptions: [
      {
        ignoreVoid: true,
        ignoreIIFE: false,
        checkUnusedVariables: true,
        allowForKnownSafeCalls: DEFAULT_KNOWN_SAFE_CALLS,
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const promises = getPromiseDetector(context);
    if (!promises.mayFindPromises) return {};
    const safeCalls = options.allowForKnownSafeCalls ?? DEFAULT_KNOWN_SAFE_CALLS;

    /** Suspension points (await, yield) by the function or program they pause. */
    const suspensions = new Map<TSESTree.Node, TSESTree.Node[]>();
    const candidateVariables: PromiseVariable[] = [];
    const unusedVariables: { declarator: PromiseVariable['declarator']; variable: TSESLint.Scope.Variable }[] = [];

    function isIIFE(node: TSESTree.Node): boolean {
      return node.type === AST_NODE_TYPES.CallExpression && isFunctionNode(skipTypeWrappers(node.callee));
    }

    /** The promise `node` leaves unhandled when its value is thrown away, if any. */
    function findUnhandled(node: TSESTree.Node): Finding | null {
      switch (node.type) {
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.AssignmentExpression:
          return null;
        case AST_NODE_TYPES.UnaryExpression:
          if (node.operator !== 'void' || options.ignoreVoid) return null;
          return findUnhandled(node.argument) && { kind: 'promise', node };
        case AST_NODE_TYPES.SequenceExpression:
          return firstFinding(node.expressions);
        case AST_NODE_TYPES.ConditionalExpression:
          return firstFinding([node.consequent, node.alternate]) && { kind: 'promise', node };
        case AST_NODE_TYPES.LogicalExpression:
          // `flushes && run()`: a variable on the left is only tested; it floats nothing new.
          return firstFinding(isRead(node.left) ? [node.right] : [node.left, node.right]) && { kind: 'promise', node };
        case AST_NODE_TYPES.ChainExpression:
          return findUnhandledCall(node.expression, node);
        case AST_NODE_TYPES.CallExpression:
          return findUnhandledCall(node, node);
        default:
          return findUnhandledValue(node);
      }
    }

    function firstFinding(nodes: readonly TSESTree.Node[]): Finding | null {
      for (const node of nodes) {
        const finding = findUnhandled(node);
        if (finding) return finding;
      }
      return null;
    }

    function findUnhandledCall(call: TSESTree.Node, whole: TSESTree.Node): Finding | null {
      if (call.type !== AST_NODE_TYPES.CallExpression) return findUnhandledValue(whole);
      const callee = skipTypeWrappers(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
      if (callee.type === AST_NODE_TYPES.MemberExpression && method !== null) {
        if (method === 'catch') {
          if (isRejectionHandler(sourceCode, call.arguments[0])) return null;
          return promises.isPromiseValued(call) ? { kind: 'chain', node: whole, method } : null;
        }
        if (method === 'then') {
          if (isRejectionHandler(sourceCode, call.arguments[1])) return null;
          return promises.isPromiseValued(call) ? { kind: 'chain', node: whole, method } : null;
        }
        if (method === 'finally') {
          // `.finally()` passes the settlement of its receiver through.
          return findUnhandled(callee.object) && promises.isPromiseValued(call)
            ? { kind: 'chain', node: whole, method }
            : null;
        }
      }
      if (options.ignoreIIFE && isIIFE(call)) return null;
      // The cheaper question first: with types, whether the callee is a known safe call; without,
      // whether the call gives a promise at all.
      if (promises.typeAware && matchesCallSpecifier(sourceCode, callee, safeCalls)) return null;
      const finding = findUnhandledValue(whole);
      return finding && !promises.typeAware && matchesCallSpecifier(sourceCode, callee, safeCalls) ? null : finding;
    }

    function findUnhandledValue(node: TSESTree.Node): Finding | null {
      if (promises.isPromiseValued(node)) return { kind: 'promise', node };
      if (promises.isPromiseArray(node)) return { kind: 'array', node };
      return null;
    }

    function suggestionsFor(finding: Finding): Suggestions {
      const { node } = finding;
      const suggestions: Suggestions = [];
      if (isAwaitAllowed(node)) {
        suggestions.push(
          finding.kind === 'array'
            ? {
                messageId: 'awaitAll',
                fix: (fixer) => fixer.replaceText(node, `await Promise.all(${sourceCode.getText(node)})`),
              }
            : {
                messageId: 'addAwait',
                // `void p` becomes `await p`, not `await void p`.
                fix: prefixOperator(sourceCode, node, 'await', isVoid(node) ? node.argument : node),
              },
        );
      }
      if (finding.kind !== 'array' && acceptsMemberAccess(sourceCode, node) && promises.hasCatchMethod(node)) {
        suggestions.push({ messageId: 'addCatch', fix: (fixer) => fixer.insertTextAfter(node, CATCH_HANDLER) });
      }
      if (options.ignoreVoid && !isVoid(node)) {
        suggestions.push({ messageId: 'addVoid', fix: prefixOperator(sourceCode, node, 'void') });
      }
      return suggestions;
    }

    function checkStatement(statement: TSESTree.ExpressionStatement): void {
      if (statement.directive !== undefined) return;
      const finding = findUnhandled(statement.expression);
      if (!finding) return;
      // For a sequence, a fix must act on the element that floats; otherwise on the statement.
      const target = statement.expression.type === AST_NODE_TYPES.SequenceExpression ? finding.node : statement.expression;
      const messageId = finding.kind === 'chain' ? 'floatingChain' : finding.kind === 'array' ? 'floatingArray' : 'floating';
      context.report({
        loc: getCallLocation(sourceCode, finding.node),
        messageId,
        data: { method: finding.method ?? '' },
        suggest: suggestionsFor({ ...finding, node: target }),
      });
    }

    /**
     * Collects local variables that are never read, or read only after an await: whether they
     * hold a promise is asked at the end, and only of those (most variables are read before the
     * function waits anywhere, and asking the type checker about each would cost the most).
     */
    function collectDeclarator(node: TSESTree.VariableDeclarator): void {
      const binding = asLocalBinding(node);
      if (!binding) return;
      const { declarator } = binding;
      // Without types the question is cheap and rules out most variables before their references are read.
      if (!promises.typeAware && !promises.isPromiseValued(declarator.init)) return;
      const [variable] = sourceCode.getDeclaredVariables(declarator);
      if (!variable) return;
      let firstRead: TSESTree.Identifier | null = null;
      for (const reference of variable.references) {
        if (reference.isRead() && (!firstRead || reference.identifier.range[0] < firstRead.range[0])) {
          firstRead = reference.identifier as TSESTree.Identifier;
        }
      }
      if (firstRead) candidateVariables.push({ declarator, firstRead });
      else if (options.checkUnusedVariables) unusedVariables.push({ declarator, variable });
    }

    function holdsUnhandledPromise(init: TSESTree.Expression): boolean {
      return promises.isPromiseValued(init) && findUnhandled(init) !== null;
    }

    function reportUnusedVariable(
      declarator: PromiseVariable['declarator'],
      variable: TSESLint.Scope.Variable,
    ): void {
      const suggestions: Suggestions = [];
      if (isAwaitAllowed(declarator)) {
        suggestions.push({
          messageId: 'addAwait',
          fix: prefixOperator(sourceCode, declarator.init, 'await'),
        });
      }
      if (acceptsMemberAccess(sourceCode, declarator.init) && promises.hasCatchMethod(declarator.init)) {
        suggestions.push({
          messageId: 'addCatch',
          fix: (fixer) => fixer.insertTextAfter(declarator.init, CATCH_HANDLER),
        });
      }
      const declaration = declarator.parent as TSESTree.VariableDeclaration;
      const onlyInitialized = variable.references.every((reference) => reference.init);
      if (declaration.declarations.length === 1 && onlyInitialized && options.ignoreVoid) {
        suggestions.push({
          messageId: 'voidInsteadOfVariable',
          fix: (fixer) => fixer.replaceText(declaration, `void ${getOperandText(sourceCode, declarator.init)};`),
        });
      }
      context.report({
        node: declarator.id,
        messageId: 'unusedVariable',
        data: { name: declarator.id.name },
        suggest: suggestions,
      });
    }

    function recordSuspension(node: TSESTree.Node): void {
      const owner = findExecutionOwner(node);
      const list = suspensions.get(owner);
      if (list) list.push(node);
      else suspensions.set(owner, [node]);
    }

    /** The first await between the promise's creation and its first read, if any. */
    function findInterveningSuspension({ declarator, firstRead }: PromiseVariable): TSESTree.Node | undefined {
      const points = suspensions.get(findExecutionOwner(declarator));
      return points?.find(
        (point) => point.range[0] >= declarator.range[1] && point.range[1] <= firstRead.range[0],
      );
    }

    function checkPromiseVariables(): void {
      for (const { declarator, variable } of unusedVariables) {
        if (holdsUnhandledPromise(declarator.init)) reportUnusedVariable(declarator, variable);
      }
      for (const candidate of candidateVariables) {
        const suspension = findInterveningSuspension(candidate);
        const { declarator } = candidate;
        // Only a promise already at work can reject while the function waits elsewhere.
        if (
          !suspension ||
          !holdsUnhandledPromise(declarator.init) ||
          !promises.isEagerPromise(declarator.init) ||
          cannotReject(declarator.init)
        ) {
          continue;
        }
        context.report({
          node: declarator.id,
          messageId: 'unhandledWhileWaiting',
          data: { name: declarator.id.name },
          suggest: waitingSuggestions(candidate, suspension),
        });
      }
    }

    function waitingSuggestions(candidate: PromiseVariable, suspension: TSESTree.Node): Suggestions {
      const together = fixAwaitTogether(candidate, suspension);
      if (together) return [{ messageId: 'awaitAll', fix: together }];
      const variable = sourceCode.getDeclaredVariables(candidate.declarator)[0];
      const acceptsValue = variable?.references.every((reference) => reference.init || acceptsSettledValue(reference.identifier));
      if (!acceptsValue || !isAwaitAllowed(candidate.declarator)) return [];
      return [
        {
          messageId: 'awaitAtDeclaration',
          data: { name: candidate.declarator.id.name },
          fix: prefixOperator(sourceCode, candidate.declarator.init, 'await'),
        },
      ];
    }

    /**
     * `await a; await b;` (or `const x = await a; const y = await b;`) as two adjacent statements
     * becomes one `await Promise.all([a, b])` with the results destructured.
     */
    function fixAwaitTogether(
      { firstRead }: PromiseVariable,
      suspension: TSESTree.Node,
    ): TSESLint.ReportFixFunction | null {
      if (suspension.type !== AST_NODE_TYPES.AwaitExpression || !isGlobalName(sourceCode, firstRead, 'Promise')) {
        return null;
      }
      const earlier = findAwaitStatement(suspension);
      const laterAwait = firstRead.parent;
      const later = laterAwait?.type === AST_NODE_TYPES.AwaitExpression ? findAwaitStatement(laterAwait) : null;
      if (
        !earlier ||
        !later ||
        earlier.binding?.kind === 'assignment' ||
        later.binding?.kind === 'assignment' ||
        !areAdjacentStatements(earlier.statement, later.statement)
      ) {
        return null;
      }
      const text = buildAwaitAllText(sourceCode, [earlier, later]);
      return text === null
        ? null
        : (fixer) => fixer.replaceTextRange([earlier.statement.range[0], later.statement.range[1]], text);
    }

    return {
      ExpressionStatement: checkStatement,
      VariableDeclarator: collectDeclarator,
      AwaitExpression: recordSuspension,
      YieldExpression: recordSuspension,
      'ForOfStatement[await=true]': recordSuspension,
      'Program:exit': checkPromiseVariables,
    };
  },
});

/**
 * Whether this read of a promise variable would work the same on the settled value: awaiting it,
 * returning it from an async function, or listing it in an array (for `Promise.all`).
 */
function acceptsSettledValue(read: TSESTree.Node): boolean {
  const parent = read.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.ReturnStatement: {
      const owner = findExecutionOwner(parent);
      return isFunctionNode(owner) && owner.async;
    }
    default:
      return false;
  }
}

/** Reading a variable or a property creates nothing that could float. */
function isRead(node: TSESTree.Node): boolean {
  const target = skipTypeWrappers(node);
  return target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression;
}

function isVoid(node: TSESTree.Node): node is TSESTree.UnaryExpression {
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void';
}

/** Promises that settle without ever rejecting: `new Promise((resolve) => …)`, the sleep idiom. */
function cannotReject(node: TSESTree.Node): boolean {
  const target = skipTypeWrappers(node);
  if (target.type !== AST_NODE_TYPES.NewExpression) return false;
  const [executor] = target.arguments;
  return (
    executor !== undefined &&
    isFunctionNode(executor) &&
    executor.params.length < 2 &&
    executor.params.every((param) => param.type !== AST_NODE_TYPES.RestElement)
  );
}
