import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { intoNestedFunctions, someNodeInside } from '../lib/ast.js';
import { getDottedName } from '../lib/call-specifiers.js';
import { createRule, derivedFromOptions } from '../lib/create-rule.js';
import { CATCH_HANDLER, acceptsMemberAccess, getOperandText } from '../lib/fix.js';
import { type FunctionNode, isAwaitAllowed, isFunctionNode } from '../lib/functions.js';
import { getHeadLocation } from '../lib/locations.js';
import {
  findFunctionDefinition,
  getStaticPropertyName,
  isGlobalName,
  isGlobalReference,
  resolveMemberOf,
  skipTypeWrappers,
} from '../lib/modules.js';
import {
  getPromiseDetector,
  isExecutorSettle,
  isHandledChain,
  isKnownArray,
  returnsPromiseVisibly,
  settlesWithoutRejecting,
} from '../lib/promises.js';
import { type ParameterExpectation, getParameterExpectations, getTypeServices, unionParts } from '../lib/types.js';

type Options = [
  {
    forEachMethods?: string[];
    checkVoidReturn?: boolean;
    checkJsxAttributes?: boolean;
    ignoreRouteHandlers?: boolean;
    ignore?: string[];
  },
];

type MessageIds =
  | 'forEach'
  | 'predicate'
  | 'comparator'
  | 'reducer'
  | 'unhandledCallback'
  | 'executor'
  | 'voidReturn'
  | 'forOfLoop'
  | 'awaitAllMap'
  | 'filterInTwoSteps'
  | 'catchInside'
  | 'catchAtCall'
  | 'rejectFromExecutor';

const PREDICATES = new Set(['filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
const COMPARATORS = new Set(['sort', 'toSorted']);
const REDUCERS = new Set(['reduce', 'reduceRight']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);
const TIMER_MODULES: ReadonlySet<string> = new Set(['node:timers']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Methods that register HTTP route handlers: Express 5, Koa, Fastify and friends await them. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'use', 'route']);
/**
 * Array and promise methods that use what their callback returns: `map` collects the promises,
 * `then`/`catch`/`finally` adopt them. Their callbacks never expect `void`, so the void-return
 * check does not type these calls (the predicates, comparators and reducers are checked above).
 */
const RESULT_USING_METHODS = new Set(['map', 'flatMap', 'then', 'catch', 'finally', ...PREDICATES, ...COMPARATORS, ...REDUCERS]);

type Suggestions = TSESLint.SuggestionReportDescriptor<MessageIds>[];

/** `forEach` and the configured methods that ignore what their callback returns. */
const forEachMethodsOf = derivedFromOptions(
  (options: Options[0]): ReadonlySet<string> => new Set(['forEach', ...(options.forEachMethods ?? [])]),
);

export default createRule<Options, MessageIds>({
  name: 'no-misused-async-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async functions where the caller ignores the promise they return',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      forEach:
        '{{method}}() does not wait for the promise its async callback returns, so the loop ends before the work does and rejections go unhandled; use for…of with await, or await Promise.all(… .map(…)).',
      predicate:
        '{{method}}() reads the promise its async callback returns as a truthy value, so the condition is never checked; resolve the conditions first with await Promise.all(… .map(…)).',
      comparator:
        '{{method}}() gets a promise instead of a number from this async comparator, so the order is meaningless; compute the sort keys first, then sort with a synchronous comparator.',
      reducer:
        '{{method}}() passes the previous step\'s promise as the accumulator and this async callback never awaits it, so it works on a promise, not a value; await the accumulator first, or use a for…of loop.',
      unhandledCallback:
        '{{caller}}() ignores the promise this async callback returns, so an error in it becomes an unhandled rejection (Node exits on it); catch errors inside the callback.',
      executor:
        'A Promise executor should not be async: an error thrown in it is lost instead of rejecting this promise, and the promise it already has is wrapped again; move the async work out, or catch it and call reject.',
      voidReturn:
        '{{caller}}() expects a function that returns nothing and ignores the promise this one returns, so its errors go unhandled; handle errors inside it, or wrap it to add a .catch().',
      forOfLoop: 'Use a `for…of` loop with `await` (one after another).',
      awaitAllMap: 'Use `await Promise.all(… .map(…))` (all at once).',
      filterInTwoSteps: 'Resolve the conditions first, then filter.',
      catchInside: 'Catch errors inside the callback.',
      catchAtCall: 'Wrap the call and add a `.catch(…)` handler.',
      rejectFromExecutor: 'Run the async work inside the executor and reject on failure.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          forEachMethods: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'More method names that call their callback and ignore what it returns.',
          },
          checkVoidReturn: {
            type: 'boolean',
            description: 'Type-aware: report async functions passed where a function returning void is expected.',
          },
          checkJsxAttributes: {
            type: 'boolean',
            description: 'Type-aware: also check JSX attributes such as onClick.',
          },
          ignoreRouteHandlers: {
            type: 'boolean',
            description: 'Type-aware: skip handlers passed to get/post/put/patch/delete/use/… (frameworks that await them).',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Callees whose callbacks are not checked (`app.get`, `router`, …).',
          },
        },
      },
    ],
    defaultOptions: [
      { forEachMethods: [], checkVoidReturn: true, checkJsxAttributes: false, ignoreRouteHandlers: true, ignore: [] },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const promises = getPromiseDetector(context);
    // Every report is about a function that returns a promise.
    if (!promises.mayFindPromiseReturningFunctions) return {};
    const services = getTypeServices(sourceCode);
    const forEachMethods = forEachMethodsOf(options);
    const ignore = options.ignore ?? [];

    function isIgnoredCallee(callee: TSESTree.Node): boolean {
      if (ignore.length === 0) return false;
      const dotted = getDottedName(callee);
      return dotted !== null && ignore.some((entry) => dotted === entry || dotted.startsWith(`${entry}.`));
    }

    /** Whether a callback returns a promise: declared `async`, or (with types) typed to. */
    function returnsPromise(callback: TSESTree.Node): boolean {
      return promises.isPromiseReturningFunction(callback);
    }

    /**
     * Whether nothing can reject the callback's promise unseen: every await sits in a
     * `try … catch` (or awaits a handled chain), and nothing returns an unhandled promise
     * (`async () => save()` hands `save`'s rejection to the promise nobody reads).
     */
    function catchesItsErrors(fn: FunctionNode): boolean {
      return settlesWithoutRejecting(sourceCode, fn, returnsNoUnhandledCall);
    }

    /** A returned promise settles the callback's own promise, whatever `try` is around it. */
    function returnsNoUnhandledCall(value: TSESTree.Node): boolean {
      const target = skipTypeWrappers(value);
      return (target.type !== AST_NODE_TYPES.CallExpression && target.type !== AST_NODE_TYPES.NewExpression) || isHandledChain(sourceCode, target);
    }

    function checkCall(call: TSESTree.CallExpression): void {
      // Every report is about a callback passed to the call.
      if (call.arguments.length === 0) return;
      const callee = skipTypeWrappers(call.callee);
      if (isIgnoredCallee(callee)) return;
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
      const first = call.arguments[0];
      const second = call.arguments[1];

      if (
        method !== null &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        first &&
        takesCallbackFirst(method) &&
        returnsPromise(first)
      ) {
        // An API that returns a promise itself (`stream.forEach`, a prompt's `filter`) awaits its
        // callbacks. With types the checker tells; without, awaiting the call on something not
        // known to be an array says so.
        if (promises.typeAware ? promises.isPromiseValued(call) : isAwaitedCallOnUnknown(call, callee)) return;
        if (forEachMethods.has(method)) return reportForEach(call, callee, first, method);
        if (PREDICATES.has(method)) return reportPredicate(call, callee, first, method);
        if (COMPARATORS.has(method)) {
          context.report({ loc: getHeadLocation(sourceCode, first), messageId: 'comparator', data: { method } });
          return;
        }
        if (REDUCERS.has(method)) return checkReducer(first, method);
      }
      if (isTimer(callee) && first && returnsPromise(first)) {
        return checkUnhandledCallback(call, first, getDottedName(callee) ?? 'setTimeout');
      }
      if (method !== null && LISTENER_METHODS.has(method) && second && returnsPromise(second)) {
        return checkUnhandledCallback(call, second, method);
      }
      if (services && options.checkVoidReturn !== false) checkVoidReturnArguments(call, callee);
    }

    function takesCallbackFirst(method: string): boolean {
      return forEachMethods.has(method) || PREDICATES.has(method) || COMPARATORS.has(method) || REDUCERS.has(method);
    }

    /** A global timer, or one imported from `node:timers` under any name. */
    function isAwaitedCallOnUnknown(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): boolean {
      return call.parent.type === AST_NODE_TYPES.AwaitExpression && !isKnownArray(sourceCode, promises, skipTypeWrappers(callee.object));
    }

    function isTimer(callee: TSESTree.Node): boolean {
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      if (TIMERS.has(callee.name) && isGlobalReference(sourceCode, callee)) return true;
      const member = resolveMemberOf(sourceCode, callee, TIMER_MODULES);
      return member !== null && member.path.length === 1 && TIMERS.has(member.path[0]!);
    }

    function reportForEach(
      call: TSESTree.CallExpression,
      callee: TSESTree.MemberExpression,
      callback: TSESTree.Node,
      method: string,
    ): void {
      context.report({ loc: getHeadLocation(sourceCode, callback), messageId: 'forEach', data: { method }, suggest: method === 'forEach' ? forEachSuggestions(call, callee, callback) : [] });
    }

    function forEachSuggestions(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, callback: TSESTree.Node): Suggestions {
      const statement = call.parent;
      const fn = skipTypeWrappers(callback);
      if (
        statement.type !== AST_NODE_TYPES.ExpressionStatement ||
        !isAwaitAllowed(call) ||
        !isFunctionNode(fn) ||
        !isGlobalName(sourceCode, call, 'Promise')
      ) {
        return [];
      }
      const receiver = sourceCode.getText(callee.object);
      const knownArray = isKnownArray(sourceCode, promises, skipTypeWrappers(callee.object));
      const suggestions: Suggestions = [];
      const [parameter] = fn.params;
      // A block body keeps its own awaits; an expression body's promise gets one.
      const loopable = fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.async;
      if (fn.params.length === 1 && parameter && loopable && !returnsEarly(fn) && !usesOwnThis(fn)) {
        const iterable = knownArray ? receiver : `${wrapForMember(callee.object)}.values()`;
        const body =
          fn.body.type === AST_NODE_TYPES.BlockStatement
            ? sourceCode.getText(fn.body)
            : `{ await ${getOperandText(sourceCode, fn.body)}; }`;
        const binding = parameter.type === AST_NODE_TYPES.Identifier && parameter.typeAnnotation ? parameter.name : sourceCode.getText(parameter);
        suggestions.push({
          messageId: 'forOfLoop',
          fix: (fixer) => fixer.replaceText(statement, `for (const ${binding} of ${iterable}) ${body}`),
        });
      }
      const callbackText = sourceCode.getText(callback);
      const mapped = knownArray
        ? `${wrapForMember(callee.object)}.map(${callbackText})`
        : fn.params.length <= 1
          ? `Array.from(${wrapForMember(callee.object)}.values(), ${callbackText})`
          : null;
      if (mapped) {
        suggestions.push({ messageId: 'awaitAllMap', fix: (fixer) => fixer.replaceText(statement, `await Promise.all(${mapped});`) });
      }
      return suggestions;
    }

    /** A callback whose `this`/`arguments` are its own cannot become a loop body. */
    function usesOwnThis(fn: FunctionNode): boolean {
      if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
      return someNodeInside(
        sourceCode,
        fn.body,
        (node) => node.type === AST_NODE_TYPES.ThisExpression || (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments'),
        (node) => !isFunctionNode(node) || node.type === AST_NODE_TYPES.ArrowFunctionExpression,
      );
    }

    /** A `return` in the callback ends one element's work early; a loop body cannot say that. */
    function returnsEarly(fn: FunctionNode): boolean {
      return fn.body.type === AST_NODE_TYPES.BlockStatement && someNodeInside(sourceCode, fn.body, (node) => node.type === AST_NODE_TYPES.ReturnStatement);
    }

    function wrapForMember(node: TSESTree.Node): string {
      const text = sourceCode.getText(node);
      return acceptsMemberAccess(sourceCode, node) ? text : `(${text})`;
    }

    function reportPredicate(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, predicate: TSESTree.Node, method: string): void {
      context.report({
        loc: getHeadLocation(sourceCode, predicate),
        messageId: 'predicate',
        data: { method },
        suggest: method === 'filter' ? filterSuggestions(call, callee, predicate) : [],
      });
    }

    /**
     * `const kept = xs.filter(async (x) => …);` becomes
     * `const keep = await Promise.all(xs.map(async (x) => …)); const kept = xs.filter((_, i) => keep[i]);`
     */
    function filterSuggestions(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, predicate: TSESTree.Node): Suggestions {
      const declarator = call.parent;
      const declaration = declarator.parent;
      const receiver = skipTypeWrappers(callee.object);
      if (
        declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.init !== call ||
        declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
        declaration.declarations.length !== 1 ||
        (receiver.type !== AST_NODE_TYPES.Identifier && receiver.type !== AST_NODE_TYPES.MemberExpression) ||
        !isAwaitAllowed(call) ||
        !isKnownArray(sourceCode, promises, receiver) ||
        !isGlobalName(sourceCode, call, 'Promise')
      ) {
        return [];
      }
      const flags = ['keep', 'keepFlags', 'passes'].find((name) => isGlobalName(sourceCode, call, name));
      if (!flags) return [];
      const list = sourceCode.getText(callee.object);
      const line = sourceCode.lines[declaration.loc.start.line - 1] ?? '';
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const separator = line.slice(0, declaration.loc.start.column).trim() === '' ? `\n${indent}` : ' ';
      return [
        {
          messageId: 'filterInTwoSteps',
          fix: (fixer) => [
            fixer.insertTextBefore(declaration, `const ${flags} = await Promise.all(${list}.map(${sourceCode.getText(predicate)}));${separator}`),
            fixer.replaceText(call, `${list}.filter((_, index) => ${flags}[index])`),
          ],
        },
      ];
    }

    function checkReducer(callback: TSESTree.Node, method: string): void {
      const fn = findFunctionDefinition(sourceCode, callback);
      if (!fn) return;
      const [accumulator] = fn.params;
      const awaitsAccumulator =
        accumulator?.type === AST_NODE_TYPES.Identifier &&
        someNodeInside(
          sourceCode,
          fn.body,
          (node) =>
            node.type === AST_NODE_TYPES.AwaitExpression &&
            someNodeInside(sourceCode, node.argument, (inner) => inner.type === AST_NODE_TYPES.Identifier && inner.name === accumulator.name),
        );
      if (!awaitsAccumulator) context.report({ loc: getHeadLocation(sourceCode, callback), messageId: 'reducer', data: { method } });
    }

    function checkUnhandledCallback(call: TSESTree.CallExpression, callback: TSESTree.Node, caller: string): void {
      // A body the code does not show might catch its errors: stay silent.
      const fn = findFunctionDefinition(sourceCode, callback);
      if (!fn || catchesItsErrors(fn)) return;
      context.report({
        loc: getHeadLocation(sourceCode, callback),
        messageId: 'unhandledCallback',
        data: { caller },
        suggest: unhandledCallbackSuggestions(callback, fn),
      });
    }

    function unhandledCallbackSuggestions(callback: TSESTree.Node, fn: FunctionNode): Suggestions {
      if (skipTypeWrappers(callback) === fn) {
        if (!fn.async) return [];
        const body =
          fn.body.type === AST_NODE_TYPES.BlockStatement
            ? sourceCode.getText(fn.body).slice(1, -1).trim()
            : `await ${sourceCode.getText(fn.body)};`;
        return [
          {
            messageId: 'catchInside',
            fix: (fixer) =>
              fixer.replaceText(fn.body, `{ try { ${body} } catch (error) { console.error(error); } }`),
          },
        ];
      }
      // Forward the parameters the function declares, by name, so the wrapper type-checks.
      if (fn.params.some((param) => param.type !== AST_NODE_TYPES.Identifier)) return [];
      const params = fn.params.map((param) => (param as TSESTree.Identifier).name).join(', ');
      const name = sourceCode.getText(callback);
      return [
        {
          messageId: 'catchAtCall',
          fix: (fixer) => fixer.replaceText(callback, `(${params}) => void ${name}(${params})${CATCH_HANDLER}`),
        },
      ];
    }

    function checkExecutor(node: TSESTree.NewExpression): void {
      const [executor] = node.arguments;
      if (!executor || !isGlobalReference(sourceCode, node.callee, 'Promise')) return;
      const fn = skipTypeWrappers(executor);
      if (!isFunctionNode(fn) || !fn.async) return;
      context.report({ loc: getHeadLocation(sourceCode, executor), messageId: 'executor', suggest: executorSuggestions(fn) });
    }

    /**
     * `new Promise(async (resolve, reject) => { … })` becomes
     * `new Promise((resolve, reject) => { (async () => { … })().catch(reject); })`: the same work,
     * and a failure rejects the promise instead of vanishing.
     */
    function executorSuggestions(fn: FunctionNode): Suggestions {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement || fn.params.some((param) => param.type !== AST_NODE_TYPES.Identifier)) {
        return [];
      }
      const [resolve, reject] = fn.params as TSESTree.Identifier[];
      const rejectName = reject?.name ?? 'reject';
      // A new `reject` parameter must not shadow a `reject` the body already uses.
      if (!reject && someNodeInside(sourceCode, fn.body, (inner) => inner.type === AST_NODE_TYPES.Identifier && inner.name === 'reject', intoNestedFunctions)) {
        return [];
      }
      const params = reject
        ? fn.params.map((param) => sourceCode.getText(param)).join(', ')
        : `${resolve ? sourceCode.getText(resolve) : '_resolve'}, reject`;
      const head = fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? `(${params}) =>` : `function (${params})`;
      const body = sourceCode.getText(fn.body);
      return [
        {
          messageId: 'rejectFromExecutor',
          fix: (fixer) => fixer.replaceText(fn, `${head} { (async () => ${body})().catch(${rejectName}); }`),
        },
      ];
    }

    /**
     * Type-aware: a promise-returning function where a `() => void` callback is expected. The
     * callee's declared parameters say where; an argument is typed only there, and the call is
     * resolved only for an `async` function passed where a generic parameter stands.
     */
    function checkVoidReturnArguments(call: TSESTree.CallExpression, callee: TSESTree.Node): void {
      if (!services) return;
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
      if (method !== null && (RESULT_USING_METHODS.has(method) || (options.ignoreRouteHandlers !== false && ROUTE_METHODS.has(method)))) {
        return;
      }
      // An executor's `resolve(…)` and `reject(…)` take a value, never a callback to call.
      if (isExecutorSettle(sourceCode, callee)) return;
      let expectationAt: ((index: number) => ParameterExpectation) | undefined;
      call.arguments.forEach((argument, index) => {
        const target = skipTypeWrappers(argument);
        if (!isFunctionNode(target) && target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return;
        // What is written rules out most arguments for free; the callee's declared parameter
        // then rules out most of the rest (a value, not a callback, is expected), once per call,
        // before the argument's own declaration is typed.
        const visible = returnsPromiseVisibly(sourceCode, target);
        if (visible === false) return;
        expectationAt ??= getParameterExpectations(services, sourceCode, call);
        const expectation = expectationAt(index);
        if (expectation === 'other') return;
        const shown = visible ?? promises.returnsPromiseByDeclaration(target);
        if (shown === false) return;
        if (expectation === 'dependsOnCall') {
          // A parameter typed by a type parameter: only the resolved call tells what it expects.
          if (!shown || !expectsVoidFunction(argument)) return;
        } else if (shown === undefined && !returnsPromise(argument)) {
          return;
        }
        context.report({ loc: getHeadLocation(sourceCode, argument), messageId: 'voidReturn', data: { caller: getDottedName(callee) ?? 'The caller' } });
      });
    }

    function expectsVoidFunction(node: TSESTree.Node): boolean {
      if (!services) return false;
      const { checker } = services;
      const contextual = checker.getContextualType(services.toTsNode(node) as never);
      if (!contextual) return false;
      const signatures = unionParts(contextual).flatMap((part) => part.getCallSignatures());
      return signatures.length > 0 && signatures.every((signature) => checker.typeToString(signature.getReturnType()) === 'void');
    }

    return {
      CallExpression: checkCall,
      NewExpression: checkExecutor,
      JSXAttribute(node) {
        if (!services || options.checkJsxAttributes !== true || options.checkVoidReturn === false) return;
        const value = node.value;
        if (value?.type !== AST_NODE_TYPES.JSXExpressionContainer || value.expression.type === AST_NODE_TYPES.JSXEmptyExpression) return;
        const expression = value.expression;
        if (returnsPromise(expression) && expectsVoidFunction(expression)) {
          context.report({ loc: getHeadLocation(sourceCode, expression), messageId: 'voidReturn', data: { caller: sourceCode.getText(node.name) } });
        }
      },
    };
  },
});

