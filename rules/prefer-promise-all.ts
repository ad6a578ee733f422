import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import {
  type AwaitStatement,
  buildAwaitAllText,
  describeAwaitStatement,
  findAwaitStatement,
  isBindingAwaitStatement,
} from '../lib/await-statements.js';
import { getDottedName } from '../lib/call-specifiers.js';
import { intoNestedFunctions, someNodeInside, walkSubtree } from '../lib/ast.js';
import { createRule, derivedFromOptions } from '../lib/create-rule.js';
import { acceptsMemberAccess } from '../lib/fix.js';
import { findEnclosingFunction, getStatementList, isFunctionNode, isInside } from '../lib/functions.js';
import {
  findVariableOf,
  getStaticPropertyName,
  isGlobalName,
  isGlobalReference,
  resolveModuleMember,
  skipTypeWrappers,
} from '../lib/modules.js';
import { getPromiseDetector, isKnownArray } from '../lib/promises.js';
import { isClockRead } from '../lib/clock.js';
import { detachFromSource, mentionsAny } from '../lib/source-text.js';

type Options = [
  {
    orderingCalls?: string[];
    readMethods?: string[];
    checkLoops?: boolean;
    minRunLength?: number;
  },
];

type MessageIds =
  | 'sequentialAwaits'
  | 'sequentialLoop'
  | 'awaitInCombinator'
  | 'awaitTogether'
  | 'mapConcurrently'
  | 'removeAwaits';

const DEFAULT_ORDERING_CALLS = [
  'connect',
  'open',
  'init',
  'initialize',
  'start',
  'begin',
  'lock',
  'acquire',
  'login',
  'authenticate',
  'commit',
  'rollback',
  'close',
  'end',
  'release',
  'disconnect',
  'flush',
  'migrate',
  'setup',
  'teardown',
  'stop',
  'shutdown',
  'dispose',
  'destroy',
  'assert',
  'validate',
  'verify',
  'check',
  'ensure',
  'on',
];

const DEFAULT_READ_METHODS = ['get', 'fetch', 'load', 'read', 'find', 'list', 'count', 'search', 'lookup', 'stat', 'exists', 'has'];

/** Helpers whose only job is to wait: an await of one marks the order as intended. */
const DELAY_NAMES = new Set(['sleep', 'delay', 'wait', 'setTimeout', 'timeout', 'pause']);

/** Words in a call's name that mean it talks to the user, one question at a time. */
const INTERACTIVE_WORDS = new Set(['prompt', 'prompts', 'inquirer', 'ask', 'question', 'confirm', 'password', 'passwords', 'otp']);

/** Methods that change the object they are called on. */
const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'set', 'add', 'delete', 'clear', 'sort', 'reverse', 'fill', 'copyWithin']);

// Words of the call names that open and close a transaction or a lock.
const CRITICAL_SECTION_START = new Set(['begin', 'transaction', 'lock', 'acquire']);
const CRITICAL_SECTION_END = new Set(['commit', 'rollback', 'release', 'unlock', 'end']);

const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** Names are matched by their lower-case camelCase words (see `wordsOf`). */
const nameWordsOf = derivedFromOptions((options: Options[0]) => ({
  readWords: new Set((options.readMethods ?? DEFAULT_READ_METHODS).map((word) => word.toLowerCase())),
  orderingWords: new Set((options.orderingCalls ?? DEFAULT_ORDERING_CALLS).map((word) => word.toLowerCase())),
}));

/** The call an awaited operand starts, seen through `.then/.catch/.finally` chains. */
interface StartedCall {
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  name: string | null;
  /** What the call acts on: `db`, `this.repo`, `module:node:fs/promises`; `null` for a local function. */
  receiver: string | null;
}

type Loop = TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.ForStatement;

/** What one loop's body does, gathered in one walk over the outermost loop that awaits. */
interface LoopFrame {
  loop: Loop;
  owner: TSESTree.Node | null;
  awaits: TSESTree.AwaitExpression[];
  writes: TSESTree.Node[];
  exits: boolean;
  continues: boolean;
  yields: boolean;
  /** Prints (console, stdout, an `output`/`print` helper): iterations must print in order. */
  prints: boolean;
  /** Reads a clock (`performance.now()`): each iteration is timed, or paced, on its own. */
  timed: boolean;
}

export default createRule<Options, MessageIds>({
  name: 'prefer-promise-all',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer starting independent async operations together over awaiting them one after another',
      recommended: 'warn',
    },
    hasSuggestions: true,
    messages: {
      sequentialAwaits:
        'These {{count}} awaits run one after another although none needs what another produces, so the function waits for the sum of their times instead of the longest; start them together with Promise.all.',
      sequentialLoop:
        'Each iteration waits for the previous one although no iteration depends on another, so the loop takes the sum of all their times; run them together with Promise.all(… .map(async …)).',
      awaitInCombinator:
        'The awaits inside this array run the operations one after another before Promise.{{method}}() even starts; pass the promises themselves.',
      awaitTogether: 'Await them together with `Promise.all`.',
      mapConcurrently: 'Run the iterations together with `Promise.all`.',
      removeAwaits: 'Remove the inner `await`s.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          orderingCalls: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Call names (or name prefixes before a capital) that establish order and split a run.',
          },
          readMethods: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Method-name prefixes of reads, which may run together on one receiver.',
          },
          checkLoops: {
            type: 'boolean',
            description: 'Report loops whose iterations await independent work.',
          },
          minRunLength: {
            type: 'integer',
            minimum: 2,
            description: 'How many consecutive independent awaits make a run worth reporting.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        orderingCalls: DEFAULT_ORDERING_CALLS,
        readMethods: DEFAULT_READ_METHODS,
        checkLoops: true,
        minRunLength: 2,
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Every report is about awaits.
    if (!mentionsAny(sourceCode, ['await'])) return {};
    const promises = getPromiseDetector(context);
    const minRunLength = options.minRunLength ?? 2;
    // The walk over a loop that awaits: the loops and the functions it is inside of, innermost last.
    const loopFrames: LoopFrame[] = [];
    const functionStack: TSESTree.Node[] = [];

    const { readWords, orderingWords } = nameWordsOf(options);
    const isReadName = (name: string | null): boolean => name !== null && readWords.has(wordsOf(name)[0] ?? '');
    const isOrderingName = (name: string | null): boolean =>
      name !== null && wordsOf(name).some((word) => orderingWords.has(word));

    function describeStartedCall(operand: TSESTree.Node): StartedCall | null {
      let target = skipTypeWrappers(operand);
      // `fetch(url).then(parse)` starts `fetch`.
      while (
        target.type === AST_NODE_TYPES.CallExpression &&
        target.callee.type === AST_NODE_TYPES.MemberExpression &&
        ['then', 'catch', 'finally'].includes(getStaticPropertyName(target.callee) ?? '')
      ) {
        target = skipTypeWrappers(target.callee.object);
      }
      if (target.type !== AST_NODE_TYPES.CallExpression && target.type !== AST_NODE_TYPES.NewExpression) return null;
      const callee = unwrapCallee(target.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = skipTypeWrappers(callee.object);
        return {
          call: target,
          name: getStaticPropertyName(callee),
          receiver: getDottedName(object) ?? sourceCode.getText(object),
        };
      }
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const module = resolveModuleMember(sourceCode, callee)?.module;
        return { call: target, name: callee.name, receiver: module ? `module:${module}` : null };
      }
      return { call: target, name: null, receiver: null };
    }

    /** An await of a delay: the code wants the pause, and the order around it. */
    function isDelay(started: StartedCall): boolean {
      if (started.name !== null && DELAY_NAMES.has(started.name)) return true;
      const { call } = started;
      if (call.type !== AST_NODE_TYPES.NewExpression || !isGlobalReference(sourceCode, call.callee, 'Promise')) return false;
      const executor = call.arguments[0];
      return (
        executor !== undefined &&
        isFunctionNode(executor) &&
        someNodeInside(sourceCode, executor.body, (inner) => isGlobalReference(sourceCode, inner, 'setTimeout'))
      );
    }

    function isCombinatorCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
      const callee = skipTypeWrappers(call.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        isGlobalReference(sourceCode, callee.object, 'Promise') &&
        COMBINATORS.has(getStaticPropertyName(callee) ?? '')
      );
    }

    /** Whether awaiting `operand` starts work worth overlapping (not an already-started promise). */
    function startsIndependentWork(operand: TSESTree.Node, started: StartedCall | null): started is StartedCall {
      return startsWorkVisibly(started) && (!promises.typeAware || promises.isPromiseValued(operand));
    }

    /** What the call itself shows about starting work worth overlapping; types may still say no. */
    function startsWorkVisibly(started: StartedCall | null): started is StartedCall {
      if (!started || isDelay(started) || isOrderingName(started.name) || isInteractive(started.name)) return false;
      // `prompt.select(…)`, `inquirer.input(…)`: the receiver says it asks the user.
      if (started.receiver !== null && isInteractive(started.receiver.split('.').pop()?.replace(/_\d+$/, '') ?? null)) return false;
      // `await Promise.all(…)` gathers work already started: a phase boundary, not new work.
      return !isCombinatorCall(started.call);
    }

    /**
     * The parts of a run between awaits of values that are not promises (with types only). Asked
     * once a run is complete, so that only awaits in runs long enough to report are typed.
     */
    function splitAtNonPromises(run: RunItem[]): RunItem[][] {
      if (!promises.typeAware) return [run];
      const parts: RunItem[][] = [[]];
      for (const item of run) {
        if (promises.isPromiseValued(item.operand)) parts[parts.length - 1]!.push(item);
        else parts.push([]);
      }
      return parts;
    }

    // --- runs of awaits -------------------------------------------------------------------------

    interface RunItem extends AwaitStatement {
      started: StartedCall;
      /** What the call acts on (see `namesUsedByCall`), worked out once for both checks. */
      names: Set<string>;
    }

    /**
     * What the statements of a run so far write and touch, so that each new statement is
     * checked against all of them at once (a long run stays linear).
     */
    interface RunState {
      written: Set<TSESLint.Scope.Variable>;
      /** The names of `written`: most identifiers read are ruled out by name, without a scope lookup. */
      writtenNames: Set<string>;
      writesThis: boolean;
      receivers: { all: Set<string>; nonRead: Set<string> };
      localFunctions: { all: Set<string>; nonRead: Set<string> };
      touched: { all: Set<string>; nonRead: Set<string> };
    }

    const emptyRunState = (): RunState => ({
      written: new Set(),
      writtenNames: new Set(),
      writesThis: false,
      receivers: { all: new Set(), nonRead: new Set() },
      localFunctions: { all: new Set(), nonRead: new Set() },
      touched: { all: new Set(), nonRead: new Set() },
    });

    /** How many await statements with a binding each statement list seen so far holds. */
    const awaitStatementCounts = new Map<readonly TSESTree.Node[], number>();

    /**
     * Counts the await statement `node` makes, if it keeps a result (a run is made of those
     * alone); a list is checked once, when it turns out to hold enough of them for a run, and
     * only if enough of them follow one another (most lists hold none, or one, or awaits with
     * other statements between them).
     */
    function countAwaitStatement(node: TSESTree.AwaitExpression): void {
      const described = findAwaitStatement(node);
      const statements = described?.binding && getStatementList(described.statement);
      if (!statements) return;
      // A script cannot await at its top level.
      const { parent } = described.statement;
      if (parent.type === AST_NODE_TYPES.Program && parent.sourceType !== 'module') return;
      const count = (awaitStatementCounts.get(statements) ?? 0) + 1;
      awaitStatementCounts.set(statements, count);
      if (count === minRunLength && hasConsecutiveBindingAwaits(statements)) checkStatementList(statements);
    }

    function hasConsecutiveBindingAwaits(statements: readonly TSESTree.Node[]): boolean {
      let consecutive = 0;
      for (const statement of statements) {
        consecutive = isBindingAwaitStatement(statement) ? consecutive + 1 : 0;
        if (consecutive === minRunLength) return true;
      }
      return false;
    }

    function checkStatementList(statements: readonly TSESTree.Node[]): void {
      let run: RunItem[] = [];
      let state = emptyRunState();
      // Between `begin`/`lock`/`acquire` and `commit`/`release`, statements share a transaction
      // or a lock: their order is the point.
      let inCriticalSection = startsInCriticalSection(statements);
      const flush = (): void => {
        // Most statements end a run that never started: nothing to reset.
        if (run.length === 0) return;
        if (run.length >= minRunLength && !inCriticalSection) {
          for (const part of splitAtNonPromises(run)) if (part.length >= minRunLength) reportRun(part);
        }
        run = [];
        state = emptyRunState();
      };
      for (const statement of statements) {
        const described = describeAwaitStatement(statement);
        const started = described && describeStartedCall(described.operand);
        const mark = criticalSectionMarkOf(started?.name ?? callNameOf(statement));
        if (mark !== null) {
          flush();
          inCriticalSection = mark === 'start';
          continue;
        }
        if (!described || !startsWorkVisibly(started) || containsAwait(described.operand)) {
          flush();
          continue;
        }
        // An await that keeps nothing is a step taken for its effect (`await save(x);`) or a
        // guard that throws (`await stat(path);`): later work may rely on it, so it is a barrier.
        if (!described.binding) {
          flush();
          continue;
        }
        const item: RunItem = { ...described, started, names: namesUsedByCall(started.call) };
        if (dependsOnRun(item, state)) flush();
        run.push(item);
        addToRun(item, state);
      }
      flush();
    }

    /** Whether a statement's call opens a transaction or takes a lock (`start`), or ends one (`end`). */
    function criticalSectionMarkOf(name: string | null): 'start' | 'end' | null {
      if (name === null) return null;
      const words = wordsOf(name);
      if (words.some((word) => CRITICAL_SECTION_START.has(word))) return 'start';
      return words.some((word) => CRITICAL_SECTION_END.has(word)) ? 'end' : null;
    }

    /**
     * Whether a nested block starts inside a transaction or under a lock taken by an enclosing
     * block of the same function: `await lock.acquire(); try { … } finally { lock.release(); }`.
     * The nearest earlier start or end, block by block outwards, decides.
     */
    function startsInCriticalSection(statements: readonly TSESTree.Node[]): boolean {
      for (let node = statements[0]?.parent; node && !isFunctionNode(node); node = node.parent) {
        const siblings = getStatementList(node);
        if (!siblings) continue;
        for (let index = siblings.indexOf(node) - 1; index >= 0; index--) {
          const sibling = siblings[index]!;
          const described = describeAwaitStatement(sibling);
          const mark = criticalSectionMarkOf(
            (described && describeStartedCall(described.operand))?.name ?? callNameOf(sibling),
          );
          if (mark !== null) return mark === 'start';
        }
      }
      return false;
    }

    function containsAwait(node: TSESTree.Node): boolean {
      return someNodeInside(
        sourceCode,
        node,
        (inner) => inner.type === AST_NODE_TYPES.AwaitExpression || inner.type === AST_NODE_TYPES.YieldExpression,
      );
    }

    /**
     * Whether `item` must wait for the run so far: it reads what an earlier statement wrote, or
     * shares a receiver, a local function or a variable with an earlier call where not both
     * are reads.
     */
    function dependsOnRun(item: RunItem, state: RunState): boolean {
      const { operand, binding, started } = item;
      if (state.writesThis && someNodeInside(sourceCode, operand, isThisExpression)) return true;
      if (state.writtenNames.size > 0) {
        const readsWritten = (inner: TSESTree.Node): boolean => {
          if (inner.type !== AST_NODE_TYPES.Identifier || !state.writtenNames.has(inner.name) || !isReference(inner)) return false;
          const variable = findVariableOf(sourceCode, inner);
          return variable !== null && state.written.has(variable);
        };
        if (someNodeInside(sourceCode, operand, readsWritten, intoNestedFunctions)) return true;
        if (binding && someNodeInside(sourceCode, binding.target, readsWritten, intoNestedFunctions)) return true;
      }
      // Reads may run together; anything else waits for whatever touched the same thing.
      const pick = (sets: { all: Set<string>; nonRead: Set<string> }): Set<string> =>
        isReadName(started.name) ? sets.nonRead : sets.all;
      if (started.receiver !== null && pick(state.receivers).has(started.receiver)) return true;
      if (started.receiver === null && started.name !== null && pick(state.localFunctions).has(started.name)) return true;
      const touched = pick(state.touched);
      for (const name of item.names) if (touched.has(name)) return true;
      return false;
    }

    function addToRun(item: RunItem, state: RunState): void {
      const { binding, started } = item;
      const read = isReadName(started.name);
      const add = (sets: { all: Set<string>; nonRead: Set<string> }, value: string): void => {
        sets.all.add(value);
        if (!read) sets.nonRead.add(value);
      };
      if (started.receiver !== null) add(state.receivers, started.receiver);
      else if (started.name !== null) add(state.localFunctions, started.name);
      for (const name of item.names) add(state.touched, name);
      if (!binding) return;
      if (isRootedAtThis(binding.target)) state.writesThis = true;
      for (const identifier of collectIdentifiers(binding.target)) {
        const variable = findVariableOf(sourceCode, identifier);
        if (!variable) continue;
        state.written.add(variable);
        state.writtenNames.add(variable.name);
      }
    }

    /**
     * The variables (and `this`) a call acts on: its receiver's root and whatever its arguments
     * use, however deeply (`arb.reify()`, `finish({ arb })`, `mkdir(dirname(bucket))`). Two calls
     * that touch the same thing are taken to act on it in order.
     */
    function namesUsedByCall(call: TSESTree.CallExpression | TSESTree.NewExpression): Set<string> {
      const names = new Set<string>();
      const collect = (node: TSESTree.Node): boolean => {
        if (node.type === AST_NODE_TYPES.ThisExpression) names.add('this');
        else if (node.type === AST_NODE_TYPES.Identifier && isReference(node)) names.add(node.name);
        return false;
      };
      const callee = skipTypeWrappers(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression) someNodeInside(sourceCode, callee.object, collect);
      for (const argument of call.arguments) someNodeInside(sourceCode, argument, collect);
      return names;
    }

    function reportRun(run: RunItem[]): void {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const text = isGlobalName(sourceCode, first.statement, 'Promise') ? buildAwaitAllText(sourceCode, run) : null;
      context.report({
        // The first await of the run: where the operations would start together.
        node: first.awaitExpression,
        messageId: 'sequentialAwaits',
        data: { count: String(run.length) },
        suggest:
          text === null
            ? []
            : [{ messageId: 'awaitTogether', fix: (fixer) => fixer.replaceTextRange([first.statement.range[0], last.statement.range[1]], text) }],
      });
    }

    // --- loops ----------------------------------------------------------------------------------

    /**
     * The loops an await of their own function is inside of: only their iterations can wait for
     * each other. The rest of the file's loops are never looked at.
     */
    const awaitingLoops = new Set<Loop>();

    function noteAwaitingLoops(node: TSESTree.AwaitExpression): void {
      for (let current: TSESTree.Node | undefined = node.parent; current && !isFunctionNode(current); current = current.parent) {
        if (!isLoop(current)) continue;
        // Its outer loops were noted with it.
        if (awaitingLoops.has(current)) return;
        awaitingLoops.add(current);
      }
    }

    /**
     * Walks each outermost awaiting loop once, the loops inside it (in nested functions too)
     * gathered in the same walk, each checked as the walk leaves it.
     */
    function checkAwaitingLoops(): void {
      for (const loop of awaitingLoops) {
        if (hasAncestor(loop, (ancestor) => isLoop(ancestor) && awaitingLoops.has(ancestor))) continue;
        const owner = findEnclosingFunction(loop);
        functionStack.length = 0;
        if (owner) functionStack.push(owner);
        walkSubtree(sourceCode, loop, enterInLoop, exitInLoop);
      }
    }

    /** What the statements inside an awaiting loop do, in the walk's order. */
    function enterInLoop(node: TSESTree.Node): void {
      switch (node.type) {
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionDeclaration:
        case AST_NODE_TYPES.FunctionExpression:
          functionStack.push(node);
          break;
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
        case AST_NODE_TYPES.ForStatement:
          enterLoop(node);
          break;
        case AST_NODE_TYPES.AwaitExpression:
          currentFrame()?.awaits.push(node);
          break;
        case AST_NODE_TYPES.YieldExpression: {
          const frame = currentFrame();
          if (frame) frame.yields = true;
          break;
        }
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.ThrowStatement: {
          const frame = currentFrame();
          if (frame) frame.exits = true;
          break;
        }
        case AST_NODE_TYPES.BreakStatement:
        case AST_NODE_TYPES.ContinueStatement:
          recordExit(node);
          break;
        case AST_NODE_TYPES.AssignmentExpression:
          recordWrite(node.left);
          break;
        case AST_NODE_TYPES.UpdateExpression:
          recordWrite(node.argument);
          break;
        case AST_NODE_TYPES.CallExpression:
          recordCall(node);
          break;
        default:
          break;
      }
    }

    function exitInLoop(node: TSESTree.Node): void {
      if (isFunctionNode(node)) functionStack.pop();
      else if (isLoop(node)) exitLoop();
    }

    function enterLoop(loop: Loop): void {
      loopFrames.push({
        loop,
        owner: functionStack[functionStack.length - 1] ?? null,
        awaits: [],
        writes: [],
        exits: false,
        continues: false,
        yields: false,
        prints: false,
        timed: false,
      });
    }

    function currentFrame(): LoopFrame | undefined {
      const frame = loopFrames[loopFrames.length - 1];
      return frame && frame.owner === (functionStack[functionStack.length - 1] ?? null) ? frame : undefined;
    }

    function exitLoop(): void {
      const frame = loopFrames.pop();
      if (!frame) return;
      const parent = loopFrames[loopFrames.length - 1];
      if (parent) {
        parent.writes.push(...frame.writes);
        parent.prints ||= frame.prints;
        parent.timed ||= frame.timed;
        if (parent.owner === frame.owner) {
          parent.awaits.push(...frame.awaits);
          parent.exits ||= frame.exits;
          parent.yields ||= frame.yields;
        }
      }
      const isForAwait = frame.loop.type === AST_NODE_TYPES.ForOfStatement && frame.loop.await;
      if (!isForAwait) checkLoop(frame);
    }

    function checkLoop(frame: LoopFrame): void {
      const { loop } = frame;
      if (frame.exits || frame.yields || frame.prints || frame.timed || frame.awaits.length === 0) return;
      if (loop.type === AST_NODE_TYPES.ForStatement && !isCollectionLoop(loop)) return;
      const started = frame.awaits.map((awaited) => describeStartedCall(awaited.argument));
      // Awaiting promises that were started before the loop costs nothing: they already overlap.
      if (!frame.awaits.some((awaited, index) => startsIndependentWork(awaited.argument, started[index] ?? null))) return;
      if (started.some((call) => call && (isDelay(call) || isOrderingName(call.name)))) return;
      if (started.some((call) => call && !isReadName(call.name) && (isOuterReceiver(call, loop) || usesOuterState(call, loop)))) {
        return;
      }
      // `for (item of items)` writes an outer `item` on every iteration.
      if (loop.type !== AST_NODE_TYPES.ForStatement && loop.left.type !== AST_NODE_TYPES.VariableDeclaration) return;
      const collected = findCollectingPush(frame);
      // Writes in a `for` head (`i++`) step the loop itself; only the body's writes are shared state.
      const bodyWrites = frame.writes.filter((write) => isInside(write, loop.body));
      if (bodyWrites.some((write) => write !== collected?.callee.object && isOuterWrite(write, loop))) return;
      context.report({
        loc: { start: loop.loc.start, end: sourceCode.getTokenBefore(loop.body)?.loc.end ?? loop.loc.end },
        messageId: 'sequentialLoop',
        suggest: buildLoopSuggestion(frame, collected),
      });
    }

    /**
     * `for (const x of xs) { results.push(await f(x)); }`: the one write `map` reproduces
     * exactly, the results in the same order. Only as the whole body, into a local array the
     * awaited expression does not read.
     */
    function findCollectingPush(frame: LoopFrame): (TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) | null {
      const { loop } = frame;
      const statement = loop.body.type === AST_NODE_TYPES.BlockStatement && loop.body.body.length === 1 ? loop.body.body[0] : loop.body;
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
      const call = statement.expression;
      if (
        call.type !== AST_NODE_TYPES.CallExpression ||
        call.callee.type !== AST_NODE_TYPES.MemberExpression ||
        getStaticPropertyName(call.callee) !== 'push' ||
        call.callee.object.type !== AST_NODE_TYPES.Identifier ||
        call.arguments.length !== 1 ||
        call.arguments[0]?.type !== AST_NODE_TYPES.AwaitExpression
      ) {
        return null;
      }
      const target = call.callee.object;
      const variable = findVariableOf(sourceCode, target);
      const declaredHere = variable?.defs[0]?.node && findEnclosingFunction(variable.defs[0].node) === findEnclosingFunction(loop);
      const readByOperand = variable?.references.some((reference) => isInside(reference.identifier, call.arguments[0]!));
      return declaredHere && !readByOperand ? (call as TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) : null;
    }

    /** A receiver shared by every iteration: `this`, a module, or a variable from outside the loop. */
    function isOuterReceiver(call: StartedCall, loop: Loop): boolean {
      if (call.receiver === null) return false;
      if (call.receiver.startsWith('module:') || call.receiver === 'this' || call.receiver.startsWith('this.')) return true;
      const callee = unwrapCallee(call.call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const root = rootIdentifier(callee.object);
      if (!root) return true;
      return !isDeclaredInside(root, loop);
    }

    /** An awaited call handed something every iteration shares (`run(suite, runner)`). */
    function usesOuterState(call: StartedCall, loop: Loop): boolean {
      return call.call.arguments.some((argument) =>
        someNodeInside(sourceCode, argument, (node) => {
          if (node.type === AST_NODE_TYPES.ThisExpression) return true;
          if (node.type !== AST_NODE_TYPES.Identifier || !isReference(node)) return false;
          const variable = findVariableOf(sourceCode, node);
          // Globals and imports (constants, helpers) are not state a call could share.
          const definition = variable?.defs[0];
          if (!definition || definition.type === 'ImportBinding' || definition.type === 'FunctionName') return false;
          // The value an enclosing loop iterates over is that iteration's own, not shared, and
          // reading an element of the collection being walked shares nothing either.
          if (isEnclosingLoopVariable(definition.name, loop) || isIteratedCollection(node, loop)) return false;
          return !isDeclaredInside(node, loop);
        }),
      );
    }

    function isIteratedCollection(node: TSESTree.Identifier, loop: Loop): boolean {
      const collection =
        loop.type === AST_NODE_TYPES.ForStatement
          ? loop.test?.type === AST_NODE_TYPES.BinaryExpression && loop.test.right.type === AST_NODE_TYPES.MemberExpression
            ? loop.test.right.object
            : null
          : loop.right;
      const root = collection && rootIdentifier(collection);
      return root !== null && root.name === node.name;
    }

    function isEnclosingLoopVariable(name: TSESTree.Node, loop: Loop): boolean {
      return hasAncestor(
        loop,
        (outer) =>
          (outer.type === AST_NODE_TYPES.ForOfStatement || outer.type === AST_NODE_TYPES.ForInStatement) &&
          outer.left.type === AST_NODE_TYPES.VariableDeclaration &&
          outer.left.kind === 'const' &&
          isInside(name, outer.left),
      );
    }

    function isOuterWrite(target: TSESTree.Node, loop: Loop): boolean {
      const root = rootIdentifier(target);
      if (!root) return true; // `this.x = …`, `getState().x = …`
      return !isDeclaredInside(root, loop);
    }

    function isDeclaredInside(identifier: TSESTree.Identifier, loop: Loop): boolean {
      const variable = findVariableOf(sourceCode, identifier);
      const definition = variable?.defs[0];
      if (!definition) return false;
      // The loop's own variable is new in each iteration (for `let`/`const` heads).
      if (isInside(definition.name, loop.body)) return true;
      const head = loop.type === AST_NODE_TYPES.ForStatement ? loop.init : loop.left;
      return (
        head?.type === AST_NODE_TYPES.VariableDeclaration && head.kind !== 'var' && isInside(definition.name, head)
      );
    }

    function buildLoopSuggestion(
      frame: LoopFrame,
      collected: (TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) | null,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const { loop } = frame;
      if (
        loop.type !== AST_NODE_TYPES.ForOfStatement ||
        frame.continues ||
        loop.parent.type === AST_NODE_TYPES.LabeledStatement ||
        loop.left.type !== AST_NODE_TYPES.VariableDeclaration ||
        loop.left.kind === 'var' ||
        !isGlobalName(sourceCode, loop, 'Promise') ||
        !isGlobalName(sourceCode, loop, 'Array')
      ) {
        return [];
      }
      const [declarator] = loop.left.declarations;
      if (!declarator) return [];
      const parameter = sourceCode.getText(declarator.id);
      const awaited = collected?.arguments[0];
      const body =
        awaited?.type === AST_NODE_TYPES.AwaitExpression
          ? sourceCode.getText(awaited.argument)
          : loop.body.type === AST_NODE_TYPES.BlockStatement
            ? sourceCode.getText(loop.body)
            : `{ ${sourceCode.getText(loop.body)} }`;
      const callback = `async (${parameter}) => ${body.startsWith('{') && awaited ? `(${body})` : body}`;
      const iterableText = sourceCode.getText(loop.right);
      const mapped =
        isKnownArray(sourceCode, promises, skipTypeWrappers(loop.right)) && acceptsMemberAccess(sourceCode, loop.right)
          ? `${iterableText}.map(${callback})`
          : `Array.from(${iterableText}, ${callback})`;
      const replacement = collected
        ? `${sourceCode.getText(collected.callee.object)}.push(...(await Promise.all(${mapped})));`
        : `await Promise.all(${mapped});`;
      return [{ messageId: 'mapConcurrently', fix: (fixer) => fixer.replaceText(loop, replacement) }];
    }

    function recordExit(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): void {
      const target = findJumpTarget(node);
      for (let index = loopFrames.length - 1; index >= 0; index--) {
        const frame = loopFrames[index]!;
        if (frame.loop === target) {
          if (node.type === AST_NODE_TYPES.ContinueStatement) frame.continues = true;
          else frame.exits = true;
          return;
        }
        // A jump out of this loop to an outer one ends this loop's iterations early.
        if (target === null || isInside(frame.loop, target)) frame.exits = true;
        else return;
      }
    }

    function recordWrite(target: TSESTree.Node): void {
      loopFrames[loopFrames.length - 1]?.writes.push(target);
    }

    // --- awaits inside a combinator's array -----------------------------------------------------

    function checkCombinatorArray(call: TSESTree.CallExpression): void {
      const callee = call.callee;
      const entries = call.arguments[0];
      if (entries?.type !== AST_NODE_TYPES.ArrayExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = getStaticPropertyName(callee);
      if (method === null || !COMBINATORS.has(method) || !isGlobalReference(sourceCode, callee.object, 'Promise')) return;
      const awaited = entries.elements.filter(
        (element): element is TSESTree.AwaitExpression => element?.type === AST_NODE_TYPES.AwaitExpression,
      );
      if (awaited.length === 0) return;
      context.report({
        node: entries,
        messageId: 'awaitInCombinator',
        data: { method },
        suggest: [
          {
            messageId: 'removeAwaits',
            fix: (fixer) =>
              awaited.map((element) => {
                const keyword = sourceCode.getFirstToken(element)!;
                const next = sourceCode.getTokenAfter(keyword)!;
                return fixer.removeRange([keyword.range[0], next.range[0]]);
              }),
          },
        ],
      });
    }

    /** `console.log(…)`, `process.stdout.write(…)`, `output.standard(…)`, `printRow(…)`. */
    function isOutputCall(callee: TSESTree.Node): boolean {
      const dotted = getDottedName(callee);
      if (dotted === null) return false;
      const [root] = dotted.split('.');
      if (root === 'console' && isGlobalName(sourceCode, callee, 'console')) return true;
      if (/^process\.(stdout|stderr)\.write$/.test(dotted)) return true;
      return dotted.split('.').some((part) => wordsOf(part).some((word) => word === 'output' || word === 'print'));
    }

    /** What a call inside an awaiting loop writes or prints. */
    function recordCall(node: TSESTree.CallExpression): void {
      const callee = node.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && MUTATING_METHODS.has(getStaticPropertyName(callee) ?? '')) {
        recordWrite(callee.object);
      }
      // `Object.assign(target, …)` writes its first argument.
      const [target] = node.arguments;
      if (
        target &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        getStaticPropertyName(callee) === 'assign' &&
        isGlobalReference(sourceCode, callee.object, 'Object')
      ) {
        recordWrite(target);
      }
      const frame = loopFrames[loopFrames.length - 1];
      if (frame && !frame.prints && isOutputCall(callee)) frame.prints = true;
      if (frame && !frame.timed && isClockRead(sourceCode, node)) frame.timed = true;
    }

    // Every report starts from an await: a run of await statements, a loop that awaits, an await
    // in a combinator's array. The rest of the file is never visited.
    return {
      AwaitExpression(node) {
        countAwaitStatement(node);
        if (options.checkLoops !== false) noteAwaitingLoops(node);
        // `Promise.all([await a, b])`: checked once, at its first awaited element.
        const entries = node.parent;
        if (
          entries.type === AST_NODE_TYPES.ArrayExpression &&
          entries.parent.type === AST_NODE_TYPES.CallExpression &&
          entries.parent.arguments[0] === entries &&
          entries.elements.find((element) => element?.type === AST_NODE_TYPES.AwaitExpression) === node
        ) {
          checkCombinatorArray(entries.parent);
        }
      },
      'Program:exit': checkAwaitingLoops,
    };
  },
});

/** The name of the call a statement makes, awaited or not (`lock.release();`). */
function callNameOf(statement: TSESTree.Node): string | null {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  let expression = skipTypeWrappers(statement.expression);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTypeWrappers(expression.argument);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipTypeWrappers(expression.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
}

/** The function a call calls, seen through type wrappers and compiled `(0, module_1.name)(…)` calls. */
function unwrapCallee(node: TSESTree.Node): TSESTree.Node {
  const callee = skipTypeWrappers(node);
  const last = callee.type === AST_NODE_TYPES.SequenceExpression ? callee.expressions[callee.expressions.length - 1] : undefined;
  return last ? skipTypeWrappers(last) : callee;
}

/** `readPasswords`, `promptUser`, `ask`: the user answers one prompt at a time. */
function isInteractive(name: string | null): boolean {
  return name !== null && wordsOf(name).some((word) => INTERACTIVE_WORDS.has(word));
}

const wordCache = new Map<string, readonly string[]>();

/**
 * The lower-case camelCase words of a name, leading `_#$` dropped:
 * `_initServer` → `init`, `server`; `beginTransaction` → `begin`, `transaction`.
 */
function wordsOf(name: string): readonly string[] {
  let words = wordCache.get(name);
  if (!words) {
    // The name and its words outlive the file they were read from.
    const key = detachFromSource(name);
    words = key
      .replace(/^[_#$]+/, '')
      .split(/(?=[A-Z0-9])|_/)
      .filter((word) => word !== '')
      .map((word) => word.toLowerCase());
    if (wordCache.size > 10_000) wordCache.clear();
    wordCache.set(key, words);
  }
  return words;
}

/** The loop a `break`/`continue` leaves: its label's loop, or the nearest loop (or switch). */
function findJumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return null;
    if (node.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === node.label.name) return current.body;
      continue;
    }
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return current;
      case AST_NODE_TYPES.SwitchStatement:
        if (node.type === AST_NODE_TYPES.BreakStatement) return current;
        break;
      default:
        break;
    }
  }
  return null;
}

/** `for (let i = 0; i < items.length; i++)`: a walk over a collection, not a counter or a poll. */
function isCollectionLoop(loop: TSESTree.ForStatement): boolean {
  const { init, test, update } = loop;
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.declarations.length !== 1) return false;
  const index = init.declarations[0]?.id;
  if (index?.type !== AST_NODE_TYPES.Identifier) return false;
  const comparesIndex =
    test?.type === AST_NODE_TYPES.BinaryExpression &&
    (test.operator === '<' || test.operator === '<=') &&
    test.left.type === AST_NODE_TYPES.Identifier &&
    test.left.name === index.name &&
    test.right.type === AST_NODE_TYPES.MemberExpression &&
    getStaticPropertyName(test.right) === 'length';
  const steps =
    (update?.type === AST_NODE_TYPES.UpdateExpression &&
      update.operator === '++' &&
      update.argument.type === AST_NODE_TYPES.Identifier &&
      update.argument.name === index.name) ||
    (update?.type === AST_NODE_TYPES.AssignmentExpression &&
      update.operator === '+=' &&
      update.left.type === AST_NODE_TYPES.Identifier &&
      update.left.name === index.name &&
      update.right.type === AST_NODE_TYPES.Literal &&
      update.right.value === 1);
  return comparesIndex && steps;
}

function isLoop(node: TSESTree.Node): node is Loop {
  return (
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForStatement
  );
}

function hasAncestor(node: TSESTree.Node, predicate: (ancestor: TSESTree.Node) => boolean): boolean {
  for (let current = node.parent; current; current = current.parent) if (predicate(current)) return true;
  return false;
}

function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | null {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTypeWrappers(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}

/** Whether an identifier names a variable here (not a property key or member name). */
const isThisExpression = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.ThisExpression;

function isReference(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.object === node || parent.computed;
  if (parent?.type === AST_NODE_TYPES.Property) return parent.value === node || parent.computed;
  return true;
}

/** `this.x = …`: the write lands on the instance. */
function isRootedAtThis(target: TSESTree.Node): boolean {
  let current = target;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current.type === AST_NODE_TYPES.ThisExpression;
}

/** Every identifier a binding pattern or assignment target names (members: their root). */
function collectIdentifiers(target: TSESTree.Node): TSESTree.Identifier[] {
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return [target];
    case AST_NODE_TYPES.MemberExpression: {
      const root = rootIdentifier(target);
      return root ? [root] : [];
    }
    case AST_NODE_TYPES.ArrayPattern:
      return target.elements.flatMap((element) => (element ? collectIdentifiers(element) : []));
    case AST_NODE_TYPES.ObjectPattern:
      return target.properties.flatMap((property) =>
        property.type === AST_NODE_TYPES.RestElement ? collectIdentifiers(property.argument) : collectIdentifiers(property.value),
      );
    case AST_NODE_TYPES.AssignmentPattern:
      return collectIdentifiers(target.left);
    case AST_NODE_TYPES.RestElement:
      return collectIdentifiers(target.argument);
    default:
      return [];
  }
}
