import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { BLOCKING_APIS, BLOCKING_API_NAMES, type BlockingApi, type Replacement, findBlockingApi } from '../lib/blocking-apis.js';
import { moduleExportSchema } from '../lib/call-specifiers.js';
import { createRule, derivedFromOptions } from '../lib/create-rule.js';
import { type NeededImport, planImports } from '../lib/imports.js';
import { type FunctionNode, isFunctionNode } from '../lib/functions.js';
import {
  findVariableOf,
  getStaticPropertyName,
  isGlobalReference,
  type ModuleMember,
  mayNameModuleMember,
  mayUseCatalogue,
  normalizeModuleName,
  resolveModuleMember,
  skipTypeWrappers,
} from '../lib/modules.js';
import { getDeclaredModuleMember, getTypeServices } from '../lib/types.js';
import { mentionsAny } from '../lib/source-text.js';
import { isClockRead } from '../lib/clock.js';

export interface ApiSpecifier {
  module: string;
  name: string;
}

export interface AdditionalBlocking extends ApiSpecifier {
  /** A promise-returning export of the same module to use instead. */
  replacement?: string;
}

type Options = [
  {
    allow?: (string | ApiSpecifier)[];
    additionalBlocking?: AdditionalBlocking[];
    checkSyncCallbacks?: boolean;
  },
];

type MessageIds =
  | 'blockingIo'
  | 'blockingProcess'
  | 'blockingCpu'
  | 'blockingWait'
  | 'blockingInCallback'
  | 'busyWait'
  | 'usePromiseApi';

/** Array methods that call their callback before they return: blocking there blocks the caller. */
const SYNC_CALLBACK_METHODS = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
  'toSorted',
]);

const MESSAGE_BY_COST = {
  io: 'blockingIo',
  process: 'blockingProcess',
  cpu: 'blockingCpu',
  wait: 'blockingWait',
} as const;

/** Where a blocking call stands: the async function it blocks, and the sync callback it is in. */
interface BlockedContext {
  asyncFunction: FunctionNode;
  callback: { method: string } | null;
}

/** The configured extra blocking APIs by `module:name`, and every name worth resolving. */
const additionalApisOf = derivedFromOptions((options: Options[0]) => ({
  additional: new Map(
    (options.additionalBlocking ?? []).map((entry) => [`${normalizeModuleName(entry.module)}:${entry.name}`, entry]),
  ),
  candidateNames: new Set([...BLOCKING_API_NAMES, ...(options.additionalBlocking ?? []).map((entry) => entry.name)]),
  catalogue: [
    ...BLOCKING_APIS,
    ...(options.additionalBlocking ?? []).map((entry) => ({ module: normalizeModuleName(entry.module), name: entry.name })),
  ],
}));

export default createRule<Options, MessageIds>({
  name: 'no-blocking-in-async',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow synchronous blocking calls inside async functions',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      blockingIo:
        '{{name}}() blocks the event loop until the disk answers, so every other request waits while this async function runs; use {{alternative}} instead.',
      blockingProcess:
        '{{name}}() blocks the event loop until the child process exits, so nothing else runs meanwhile; use {{alternative}} instead.',
      blockingCpu:
        '{{name}}() runs on the main thread and blocks the event loop for the whole computation; use {{alternative}} (it runs on the libuv thread pool), or move the work to a worker_threads Worker.',
      blockingWait:
        'Atomics.wait() puts the main thread to sleep, freezing the event loop until another thread notifies it; use Atomics.waitAsync() instead.',
      blockingInCallback:
        '{{name}}() blocks the event loop inside a callback that {{method}}() runs synchronously in this async function; do the work with {{alternative}} before or instead of the {{method}}() (for example with await Promise.all(…)).',
      busyWait:
        'This loop spins until the clock passes a deadline, blocking the event loop the whole time; await a timer instead (setTimeout from node:timers/promises).',
      usePromiseApi: 'Use {{alternative}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            description: 'Blocking calls to accept: a name (`existsSync`, `fs.existsSync`) or `{ module, name }`.',
            items: {
              oneOf: [
                { type: 'string', minLength: 1 },
                moduleExportSchema(),
              ],
            },
          },
          additionalBlocking: {
            type: 'array',
            description: 'Blocking exports of other packages, with an optional promise-returning replacement.',
            items: moduleExportSchema({ replacement: { type: 'string', minLength: 1 } }),
          },
          checkSyncCallbacks: {
            type: 'boolean',
            description: 'Also report blocking calls in callbacks that array methods run synchronously.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], additionalBlocking: [], checkSyncCallbacks: true }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Every report is inside an async function.
    if (!mentionsAny(sourceCode, ['async'])) return {};
    const services = getTypeServices(sourceCode);
    const allow = options.allow ?? [];
    const { additional, candidateNames, catalogue } = additionalApisOf(options);

    function findBlockedContext(node: TSESTree.Node): BlockedContext | null {
      let callback: BlockedContext['callback'] = null;
      for (let current = node.parent; current; current = current.parent) {
        if (!isFunctionNode(current)) continue;
        if (current.async) return { asyncFunction: current, callback };
        const method = options.checkSyncCallbacks === false ? null : getSyncCallbackMethod(current);
        if (!method) return null;
        callback ??= { method };
      }
      return null;
    }

    function lookUp(member: ModuleMember): BlockingApi | null {
      const module = normalizeModuleName(member.module);
      const name = member.path.join('.');
      const extra = additional.get(`${module}:${name}`);
      if (extra) {
        return {
          module,
          name,
          cost: 'io',
          ...(extra.replacement ? { replacement: { kind: 'same-module', name: extra.replacement } as const } : {}),
        };
      }
      return findBlockingApi(module, name);
    }

    /**
     * The blocking API `callee` calls: by import resolution for likely names, then by the
     * checker's declaration (which also sees renamed re-exports of imported functions).
     */
    function resolveBlockingApi(callee: TSESTree.Node): { api: BlockingApi; member: ModuleMember | null } | null {
      const target = skipTypeWrappers(callee);
      const name =
        target.type === AST_NODE_TYPES.Identifier
          ? target.name
          : target.type === AST_NODE_TYPES.MemberExpression
            ? getStaticPropertyName(target)
            : null;
      if (name === null) return null;
      // A member's property is the export's own name; an identifier may be a renamed import or
      // an alias, which only resolving it tells.
      const likely = isLikelyBlockingName(name);
      if (likely || target.type === AST_NODE_TYPES.Identifier) {
        if (
          name === 'wait' &&
          target.type === AST_NODE_TYPES.MemberExpression &&
          isGlobalReference(sourceCode, target.object, 'Atomics')
        ) {
          const api = findBlockingApi('global', 'Atomics.wait');
          return api && { api, member: null };
        }
        const member = resolveModuleMember(sourceCode, target);
        const api = member && lookUp(member);
        if (api) return { api, member };
      }
      if (!services || !(likely || isImportedIdentifier(target))) return null;
      const declared = getDeclaredModuleMember(services, target);
      const typedApi = declared && lookUp(declared);
      return typedApi ? { api: typedApi, member: null } : null;
    }

    function isImportedIdentifier(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      return findVariableOf(sourceCode, node)?.defs[0]?.type === 'ImportBinding';
    }

    function isAllowed(api: BlockingApi): boolean {
      const bare = api.module.replace(/^node:/, '');
      return allow.some((entry) =>
        typeof entry === 'string'
          ? entry === api.name || entry === `${bare}.${api.name}` || entry === `${api.module}.${api.name}`
          : normalizeModuleName(entry.module) === api.module && entry.name === api.name,
      );
    }

    /**
     * A method call can only be a blocking API under one of their names (`fs.readFileSync`); a
     * plain call, only if its name is bound to a module export, or, with types, bears such a name
     * (the checker may trace it to one). Most calls are ruled out here, before the walk up to
     * their function.
     */
    function mayBeBlocking(callee: TSESTree.Node): boolean {
      const target = skipTypeWrappers(callee);
      if (target.type === AST_NODE_TYPES.Identifier) {
        return mayNameModuleMember(sourceCode, target) || (services !== null && isLikelyBlockingName(target.name));
      }
      if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = getStaticPropertyName(target);
      return name !== null && isLikelyBlockingName(name);
    }

    function isLikelyBlockingName(name: string): boolean {
      return candidateNames.has(name) || name.endsWith('Sync');
    }

    function checkCall(call: TSESTree.CallExpression): void {
      if (!mayBeBlocking(call.callee)) return;
      const blocked = findBlockedContext(call);
      if (!blocked) return;
      const resolved = resolveBlockingApi(call.callee);
      if (!resolved || isAllowed(resolved.api)) return;
      const { api } = resolved;
      const alternative = describeAlternative(api);
      const data = { name: api.name, alternative, method: blocked.callback?.method ?? '' };
      if (blocked.callback) {
        context.report({ node: call.callee, messageId: 'blockingInCallback', data });
        return;
      }
      const fix = buildReplacementFix(call, resolved.api, resolved.member);
      context.report({
        node: call.callee,
        messageId: MESSAGE_BY_COST[api.cost],
        data,
        suggest: fix ? [{ messageId: 'usePromiseApi', data: { alternative }, fix }] : [],
      });
    }

    function buildReplacementFix(
      call: TSESTree.CallExpression,
      api: BlockingApi,
      member: ModuleMember | null,
    ): TSESLint.ReportFixFunction | null {
      const replacement = api.replacement;
      if (!replacement || !member || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
        return null;
      }
      if (replacement.kind === 'promisify' && replacement.onlyWhenResultUnused && call.parent.type !== AST_NODE_TYPES.ExpressionStatement) {
        return null;
      }
      const callee = skipTypeWrappers(call.callee);
      const prefix = usesNodePrefix(sourceCode.ast) ? 'node:' : '';
      const needs = importsFor(replacement, api, callee, prefix);
      const plan = planImports(sourceCode, call, needs.imports);
      if (!plan) return null;
      const args = call.arguments.map((argument) => sourceCode.getText(argument)).join(', ');
      const expression = needs.render(plan.locals, args);
      // `fs.readFileSync(p).toString()` needs `(await …).toString()`.
      const needsParens =
        (call.parent.type === AST_NODE_TYPES.MemberExpression && call.parent.object === call) ||
        (call.parent.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call) ||
        call.parent.type === AST_NODE_TYPES.TaggedTemplateExpression;
      const text = needsParens ? `(await ${expression})` : `await ${expression}`;
      return (fixer) => [...plan.fixes(fixer), fixer.replaceText(call, text)];
    }

    /**
     * What the replacement needs imported, and how to write the call with the local names.
     * A member call on the module object (`fs.readFileSync`) reuses that object.
     */
    function importsFor(
      replacement: Replacement,
      api: BlockingApi,
      callee: TSESTree.Node,
      prefix: string,
    ): { imports: NeededImport[]; render(locals: string[], args: string): string } {
      const moduleObject =
        callee.type === AST_NODE_TYPES.MemberExpression && api.name.split('.').length === 1
          ? sourceCode.getText(callee.object)
          : null;
      const bareModule = api.module.replace(/^node:/, '');
      switch (replacement.kind) {
        case 'promise-module':
          return moduleObject
            ? { imports: [], render: (_, args) => `${moduleObject}.promises.${replacement.name}(${args})` }
            : {
                imports: [{ source: `${prefix}${replacement.module.replace(/^node:/, '')}`, name: replacement.name }],
                render: ([local], args) => `${local}(${args})`,
              };
        case 'exists':
          return moduleObject
            ? { imports: [], render: (_, args) => `${moduleObject}.promises.access(${args}).then(() => true, () => false)` }
            : {
                imports: [{ source: `${prefix}fs/promises`, name: 'access' }],
                render: ([local], args) => `${local}(${args}).then(() => true, () => false)`,
              };
        case 'promisify':
          return moduleObject
            ? {
                imports: [{ source: `${prefix}util`, name: 'promisify' }],
                render: ([promisify], args) => `${promisify}(${moduleObject}.${replacement.name})(${args})`,
              }
            : {
                imports: [
                  { source: `${prefix}util`, name: 'promisify' },
                  { source: `${prefix}${bareModule}`, name: replacement.name },
                ],
                render: ([promisify, fn], args) => `${promisify}(${fn})(${args})`,
              };
        case 'same-module':
          return moduleObject
            ? { imports: [], render: (_, args) => `${moduleObject}.${replacement.name}(${args})` }
            : {
                imports: [{ source: api.module, name: replacement.name }],
                render: ([local], args) => `${local}(${args})`,
              };
      }
    }

    function checkLoop(loop: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement): void {
      if (!loop.test || !readsClock(loop.test) || !isTrivialBody(loop.body)) return;
      const blocked = findBlockedContext(loop);
      if (!blocked) return;
      context.report({ node: loop.test, messageId: 'busyWait' });
    }

    /** Whether `node` reads the clock: `Date.now()`, `performance.now()`, `process.hrtime()`, `new Date()`. */
    function readsClock(node: TSESTree.Node): boolean {
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression:
          return isClockRead(sourceCode, node) || readsClock(node.callee) || node.arguments.some(readsClock);
        case AST_NODE_TYPES.NewExpression:
          return isGlobalReference(sourceCode, node.callee, 'Date');
        case AST_NODE_TYPES.BinaryExpression:
        case AST_NODE_TYPES.LogicalExpression:
          return readsClock(node.left) || readsClock(node.right);
        case AST_NODE_TYPES.MemberExpression:
          return readsClock(node.object);
        case AST_NODE_TYPES.AssignmentExpression:
          return readsClock(node.right);
        case AST_NODE_TYPES.UnaryExpression:
          return readsClock(node.argument);
        default:
          return false;
      }
    }

    return {
      // Without types only the table's APIs are found: a file that reaches none of their modules
      // (nor `Atomics`) has no call to look at.
      ...(services || mayUseCatalogue(sourceCode, catalogue) ? { CallExpression: checkCall } : {}),
      WhileStatement: checkLoop,
      DoWhileStatement: checkLoop,
      ForStatement: checkLoop,
    };
  },
});

/** Whether the file's own imports and requires spell built-ins with `node:`, so added ones match. */
function usesNodePrefix(program: TSESTree.Program): boolean {
  return program.body.some((node) => {
    if (node.type === AST_NODE_TYPES.ImportDeclaration) return node.source.value.startsWith('node:');
    if (node.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    return node.declarations.some((declarator) => {
      const init = declarator.init;
      const [source] = init?.type === AST_NODE_TYPES.CallExpression ? init.arguments : [];
      return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' && source.value.startsWith('node:');
    });
  });
}

/** The array method a function is the callback of, when it runs synchronously. */
function getSyncCallbackMethod(fn: FunctionNode): string | null {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = getStaticPropertyName(callee);
  return method !== null && SYNC_CALLBACK_METHODS.has(method) ? method : null;
}

/** A loop body that does nothing but wait: empty, or only bookkeeping without calls or awaits. */
function isTrivialBody(body: TSESTree.Statement): boolean {
  if (body.type === AST_NODE_TYPES.EmptyStatement) return true;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return isBookkeeping(body);
  return body.body.every(isBookkeeping);
}

function isBookkeeping(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = statement.expression;
  return (
    (expression.type === AST_NODE_TYPES.UpdateExpression && expression.argument.type === AST_NODE_TYPES.Identifier) ||
    (expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.left.type === AST_NODE_TYPES.Identifier &&
      isClockOrLiteral(expression.right))
  );
}

function isClockOrLiteral(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.Identifier) return true;
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    getStaticPropertyName(node.callee) === 'now' &&
    node.arguments.length === 0
  );
}

/** How to describe the non-blocking alternative in a message. */
function describeAlternative(api: BlockingApi): string {
  const bare = api.module.replace(/^node:/, '');
  const replacement = api.replacement;
  switch (replacement?.kind) {
    case 'promise-module':
      return `${replacement.module.replace(/^node:/, '')} ${replacement.name}()`;
    case 'exists':
      return 'fs/promises access()';
    case 'promisify':
      return `util.promisify(${bare}.${replacement.name})`;
    case 'same-module':
      return `${bare} ${replacement.name}()`;
    default:
      if (api.module === 'node:child_process') return 'child_process.spawn() with events';
      return 'the asynchronous API';
  }
}
