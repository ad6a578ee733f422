import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../lib/create-rule.js';
import { CATCH_HANDLER, acceptsMemberAccess, prefixOperator, wrapInTryCatch } from '../lib/fix.js';
import {
  findEnclosingStatement,
  findExecutionOwner,
  findGuardingTry,
  getStatementList,
  isAwaitAllowed,
  isFunctionNode,
  isInside,
} from '../lib/functions.js';
import {
  findConstantVariable,
  findGlobalCalls,
  getStaticPropertyName,
  isGlobalName,
  isGlobalReference,
} from '../lib/modules.js';
import { isHandledChain, isNeverPromise, isRejectionHandler, settlesWithoutRejecting } from '../lib/promises.js';
import { mentionsAny } from '../lib/source-text.js';

type Method = 'all' | 'race' | 'any';

type Options = [{ methods?: Method[]; allowPropagation?: boolean }];

type MessageIds =
  | 'unguarded'
  | 'notAwaitedInTry'
  | 'raceTimerNotCleared'
  | 'wrapInTryCatch'
  | 'addCatch'
  | 'useAllSettled'
  | 'addAwait'
  | 'clearRaceTimer';

/** How the promise a `Promise.all(…)` call returns is dealt with. */
type Verdict =
  | { kind: 'handled' }
  | { kind: 'unguarded'; awaited?: TSESTree.AwaitExpression; end: TSESTree.Node }
  | { kind: 'notAwaitedInTry'; end: TSESTree.Node };

/** A timeout promise in a race: `new Promise((_, reject) => setTimeout(…))`. */
interface RaceTimer {
  call: TSESTree.CallExpression;
  promise: TSESTree.NewExpression;
  timer: TSESTree.CallExpression;
}

const HANDLED: Verdict = { kind: 'handled' };
const MAX_ALIAS_DEPTH = 4;
const HANDLING_COMMENT = 'The other operations are still running: handle or report the failure here.';

export default createRule<Options, MessageIds>({
  name: 'no-unguarded-promise-all',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the rejection of `Promise.all` to be handled where the batch is started',
      recommended: 'warn',
      // Letting an awaited batch's error reach the caller is idiomatic; the recommended configs
      // report only batches whose rejection nobody can ever see.
      recommendedOptions: [{ allowPropagation: true }],
      strictOptions: [{ methods: ['all', 'race', 'any'] }],
    },
    hasSuggestions: true,
    messages: {
      unguarded:
        'Promise.{{method}}() rejects as soon as one operation fails while the others keep running, and nothing here handles that rejection; wrap the await in try/catch, add .catch(), or use Promise.allSettled() when every outcome matters.',
      notAwaitedInTry:
        'This Promise.{{method}}() is not awaited inside the try, so the catch never sees its rejection (it becomes an unhandled rejection); add await.',
      raceTimerNotCleared:
        'The timeout timer in this Promise.race() is never cleared, so it keeps the process alive and holds its closure after the race is settled; keep its id and clearTimeout() it when the race ends.',
      wrapInTryCatch: 'Wrap the statement in try/catch.',
      addCatch: 'Add a `.catch(…)` handler.',
      useAllSettled: 'Wait for every outcome with `Promise.allSettled`.',
      addAwait: 'Add `await`.',
      clearRaceTimer: 'Clear the timer when the race settles.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          methods: {
            type: 'array',
            items: { type: 'string', enum: ['all', 'race', 'any'] },
            uniqueItems: true,
            description: 'The `Promise` combinators whose rejection must be handled.',
          },
          allowPropagation: {
            type: 'boolean',
            description: 'Accept `await Promise.all(…)` in an async function, letting the error reach the caller.',
          },
        },
      },
    ],
    defaultOptions: [{ methods: ['all'], allowPropagation: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Every report is about a combinator (or a race timer) of the global Promise.
    if (!mentionsAny(sourceCode, ['Promise'])) return {};
    const methods = new Set<string>(options.methods ?? ['all']);
    const raceTimers: RaceTimer[] = [];
    const clearTimeoutCalls: TSESTree.CallExpression[] = [];

    function classify(node: TSESTree.Node, depth: number): Verdict {
      const parent = node.parent;
      if (!parent) return HANDLED;
      switch (parent.type) {
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.LogicalExpression:
          return parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node
            ? HANDLED
            : classify(parent, depth);
        case AST_NODE_TYPES.MemberExpression:
          return parent.object === node ? classifyChain(parent, depth) : HANDLED;
        case AST_NODE_TYPES.AwaitExpression:
          return classifyAwait(parent);
        case AST_NODE_TYPES.ExpressionStatement:
        case AST_NODE_TYPES.UnaryExpression:
          return findGuardingTry(node) ? { kind: 'notAwaitedInTry', end: node } : { kind: 'unguarded', end: node };
        case AST_NODE_TYPES.VariableDeclarator:
          return parent.init === node ? classifyVariable(parent, node, depth) : HANDLED;
        default:
          // Returned, yielded, passed as an argument, stored in an object or an outer variable:
          // handed to code that may well handle it.
          return HANDLED;
      }
    }

    function classifyChain(member: TSESTree.MemberExpression, depth: number): Verdict {
      const call = member.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return HANDLED;
      switch (getStaticPropertyName(member)) {
        case 'catch':
          return isRejectionHandler(sourceCode, call.arguments[0]) ? HANDLED : classify(call, depth);
        case 'then':
          return isRejectionHandler(sourceCode, call.arguments[1]) ? HANDLED : classify(call, depth);
        case 'finally':
          return classify(call, depth);
        default:
          return HANDLED;
      }
    }

    function classifyAwait(awaited: TSESTree.AwaitExpression): Verdict {
      if (findGuardingTry(awaited)) return HANDLED;
      // `return await Promise.all(…)` hands the outcome to the caller like `return Promise.all(…)`.
      if (awaited.parent.type === AST_NODE_TYPES.ReturnStatement) return HANDLED;
      if (awaited.parent.type === AST_NODE_TYPES.ArrowFunctionExpression) return HANDLED;
      if (options.allowPropagation) {
        // A top-level await in a module propagates too: the module fails to load, loudly.
        const owner = findExecutionOwner(awaited);
        if ((isFunctionNode(owner) && owner.async) || owner.type === AST_NODE_TYPES.Program) return HANDLED;
      }
      return { kind: 'unguarded', awaited, end: awaited };
    }

    /** A stored promise is handled when any read of it hands it on or handles it. */
    function classifyVariable(
      declarator: TSESTree.VariableDeclarator,
      init: TSESTree.Node,
      depth: number,
    ): Verdict {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || depth >= MAX_ALIAS_DEPTH) return HANDLED;
      const variable = findConstantVariable(sourceCode, declarator.id);
      if (!variable) return HANDLED;
      const reads = variable.references.filter((reference) => reference.isRead());
      if (reads.length === 0) {
        return findGuardingTry(init) ? { kind: 'notAwaitedInTry', end: init } : { kind: 'unguarded', end: init };
      }
      let verdict: Verdict = HANDLED;
      for (const read of reads) {
        const readVerdict = classify(read.identifier, depth + 1);
        if (readVerdict.kind === 'handled') return HANDLED;
        verdict = readVerdict;
      }
      return verdict;
    }

    function suggestionsFor(
      verdict: Exclude<Verdict, { kind: 'handled' }>,
      call: TSESTree.CallExpression,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const { end } = verdict;
      if (verdict.kind === 'notAwaitedInTry') {
        if (isAwaitAllowed(end) && end.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
          suggestions.push({ messageId: 'addAwait', fix: prefixOperator(sourceCode, end, 'await') });
        }
        return suggestions;
      }
      if (verdict.awaited) {
        const statement = findEnclosingStatement(verdict.awaited);
        const last = statement && findLastStatementUsingBindings(statement);
        if (statement && last) {
          suggestions.push({
            messageId: 'wrapInTryCatch',
            fix: wrapInTryCatch(sourceCode, statement, last, HANDLING_COMMENT),
          });
        }
        const resultUnused = verdict.awaited.parent.type === AST_NODE_TYPES.ExpressionStatement;
        const callee = call.callee as TSESTree.MemberExpression;
        if (resultUnused && verdict.awaited.argument === call && getStaticPropertyName(callee) === 'all') {
          suggestions.push({ messageId: 'useAllSettled', fix: (fixer) => fixer.replaceText(callee.property, 'allSettled') });
        }
        return suggestions;
      }
      if (end.parent?.type === AST_NODE_TYPES.ExpressionStatement && acceptsMemberAccess(sourceCode, end)) {
        suggestions.push({ messageId: 'addCatch', fix: (fixer) => fixer.insertTextAfter(end, CATCH_HANDLER) });
      }
      return suggestions;
    }

    /**
     * How far a `try` block must reach so that the names `statement` declares stay in scope for
     * the code that reads them: `statement` itself, or the rest of its block; `null` when a
     * `var` or a use outside the block makes wrapping unsafe.
     */
    function findLastStatementUsingBindings(statement: TSESTree.Node): TSESTree.Node | null {
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return statement;
      if (statement.kind === 'var') return null;
      const siblings = getStatementList(statement) ?? [];
      let last: TSESTree.Node = statement;
      for (const declarator of statement.declarations) {
        for (const variable of sourceCode.getDeclaredVariables(declarator)) {
          for (const { identifier } of variable.references) {
            const holder = siblings.find((sibling) => isInside(identifier, sibling));
            if (!holder) return null;
            if (holder.range[0] > last.range[0]) last = holder;
          }
        }
      }
      return last;
    }

    function checkCombinator(call: TSESTree.CallExpression): void {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !isGlobalReference(sourceCode, callee.object, 'Promise')) {
        return;
      }
      const method = getStaticPropertyName(callee);
      if (method === 'race') collectRaceTimers(call);
      if (method === null || !methods.has(method)) return;
      const verdict = classify(call, 0);
      if (verdict.kind === 'handled' || handlesEveryOperation(call)) return;
      context.report({
        node: callee,
        messageId: verdict.kind,
        data: { method },
        suggest: suggestionsFor(verdict, call),
      });
    }

    /**
     * Whether each operation of the batch handles its own rejection, so the combinator never
     * rejects: `Promise.all([a().catch(h), b().catch(h)])`, or
     * `Promise.all(ids.map((id) => load(id).catch(h)))`.
     */
    function handlesEveryOperation(call: TSESTree.CallExpression): boolean {
      const [entries] = call.arguments;
      if (entries?.type === AST_NODE_TYPES.ArrayExpression) {
        return entries.elements.length > 0 && entries.elements.every((entry) => entry !== null && isHandledChain(sourceCode, entry));
      }
      if (
        entries?.type !== AST_NODE_TYPES.CallExpression ||
        entries.callee.type !== AST_NODE_TYPES.MemberExpression ||
        getStaticPropertyName(entries.callee) !== 'map'
      ) {
        return false;
      }
      const [callback] = entries.arguments;
      return callback !== undefined && isFunctionNode(callback) && settlesWithoutRejecting(sourceCode, callback, givesNoRejection);
    }

    /**
     * Whether what a `.map()` callback gives back cannot reject: it returns handled chains or
     * plain values only, and, when async, every await in it sits in a `try … catch` or awaits a
     * handled chain (`async (id) => { try { await save(id); } catch (error) { log(error); } }`).
     * An awaited value is judged where it is awaited.
     */
    function givesNoRejection(value: TSESTree.Node): boolean {
      return isHandledChain(sourceCode, value) || isNeverPromise(value);
    }

    /** `new Promise((_, reject) => setTimeout(…))` entries of a race's array. */
    function collectRaceTimers(call: TSESTree.CallExpression): void {
      const [entries] = call.arguments;
      if (entries?.type !== AST_NODE_TYPES.ArrayExpression) return;
      for (const entry of entries.elements) {
        const promise = entry && findTimeoutPromise(entry);
        const [executor] = promise?.arguments ?? [];
        const timer = executor && isFunctionNode(executor) ? findTimerCall(executor.body) : null;
        if (promise && timer) raceTimers.push({ call, promise, timer });
      }
    }

    function findTimeoutPromise(entry: TSESTree.Node): TSESTree.NewExpression | null {
      let target = entry;
      if (target.type === AST_NODE_TYPES.Identifier) {
        const definition = findConstantVariable(sourceCode, target)?.defs[0];
        if (definition?.type !== 'Variable' || !definition.node.init) return null;
        target = definition.node.init;
      }
      return target.type === AST_NODE_TYPES.NewExpression && isGlobalReference(sourceCode, target.callee, 'Promise')
        ? target
        : null;
    }

    /** The `setTimeout(…)` an executor starts directly, unless it is `unref()`ed. */
    function findTimerCall(body: TSESTree.Node): TSESTree.CallExpression | null {
      const expression =
        body.type === AST_NODE_TYPES.BlockStatement
          ? body.body.length === 1 && body.body[0]?.type === AST_NODE_TYPES.ExpressionStatement
            ? body.body[0].expression
            : null
          : body;
      if (
        expression?.type === AST_NODE_TYPES.CallExpression &&
        isGlobalReference(sourceCode, expression.callee, 'setTimeout')
      ) {
        return expression;
      }
      return null;
    }

    function reportUnclearedRaceTimers(): void {
      for (const raceTimer of raceTimers) {
        const owner = findExecutionOwner(raceTimer.call);
        if (clearTimeoutCalls.some((clear) => isInside(clear, owner))) continue;
        context.report({
          node: raceTimer.timer.callee,
          messageId: 'raceTimerNotCleared',
          suggest: clearRaceTimerFix(raceTimer),
        });
      }
    }

    /**
     * Keeps the timer's id in a variable declared before the timeout promise is created, and
     * clears it in a `.finally()` on the race.
     */
    function clearRaceTimerFix({ call, promise, timer }: RaceTimer): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const statement = findEnclosingStatement(promise);
      const raceStatement = findEnclosingStatement(call);
      if (
        !statement ||
        !raceStatement ||
        getStatementList(statement) !== getStatementList(raceStatement) ||
        !acceptsMemberAccess(sourceCode, call)
      ) {
        return [];
      }
      const name = ['timer', 'raceTimer', 'timeoutId'].find((candidate) => isGlobalName(sourceCode, call, candidate));
      if (!name) return [];
      const isTypeScript = /\.[cm]?tsx?$/.test(context.filename);
      const declaration = isTypeScript
        ? `let ${name}: ReturnType<typeof setTimeout> | undefined;`
        : `let ${name};`;
      const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const startsLine = line.slice(0, statement.loc.start.column).trim() === '';
      return [
        {
          messageId: 'clearRaceTimer',
          fix: (fixer) => [
            fixer.insertTextBefore(statement, startsLine ? `${declaration}\n${indent}` : `${declaration} `),
            fixer.insertTextBefore(timer, `(${name} = `),
            fixer.insertTextAfter(timer, ')'),
            fixer.insertTextAfter(call, `.finally(() => clearTimeout(${name}))`),
          ],
        },
      ];
    }

    // Every report is about a call of the global Promise's methods: found from the references
    // to it, without visiting the file's other calls.
    return {
      'Program:exit'() {
        for (const call of findGlobalCalls(sourceCode, 'Promise', { method: true })) checkCombinator(call);
        if (raceTimers.length === 0) return;
        clearTimeoutCalls.push(...findGlobalCalls(sourceCode, 'clearTimeout', { method: false }));
        reportUnclearedRaceTimers();
      },
    };
  },
});
