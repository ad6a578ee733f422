import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { intoNestedFunctions, someNodeInside } from '../lib/ast.js';
import { type CancellableApi, DEFAULT_CANCELLABLE_APIS } from '../lib/cancellable-apis.js';
import { moduleExportSchema } from '../lib/call-specifiers.js';
import { createRule, derivedFromOptions } from '../lib/create-rule.js';
import { type FunctionNode, findEnclosingFunction } from '../lib/functions.js';
import {
  getStaticPropertyName,
  isGlobalName,
  isGlobalReference,
  mayUseCatalogue,
  normalizeModuleName,
  resolveModuleMember,
  skipTypeWrappers,
} from '../lib/modules.js';
import { mentionsAny } from '../lib/source-text.js';
import { getCalleeSignatures, getTypeServices, isFixedType, isTypeParameter } from '../lib/types.js';

export interface CancellableOption {
  module: string;
  name: string;
  optionsArgument: number | 'last';
}

type Options = [
  {
    timeoutRequired?: boolean;
    timeoutMs?: number;
    functions?: CancellableOption[];
    checkPropagation?: boolean;
    checkSwallowed?: boolean;
    checkLoops?: boolean;
  },
];

type MessageIds =
  | 'missingTimeout'
  | 'signalNotPassed'
  | 'swallowedAbort'
  | 'loopIgnoresSignal'
  | 'addTimeout'
  | 'passSignal'
  | 'rethrowAbort'
  | 'checkSignal';

/** A cancellable call found in the code, and where its options go. */
interface CancellableCall {
  call: TSESTree.CallExpression;
  api: Pick<CancellableApi, 'name' | 'optionsArgument' | 'needsTimeout'>;
  /** The options object literal, when there is one; `undefined` when the argument is missing. */
  options: TSESTree.ObjectExpression | undefined;
  /** The options are something the code does not show (a variable, a spread). */
  opaque: boolean;
}

const ABORT_CHECK_WORDS = /AbortError|TimeoutError|aborted|throwIfAborted|isAbort/;

/** The built-in cancellable APIs and the configured ones. */
const catalogueOf = derivedFromOptions((options: Options[0]): CancellableApi[] => [
  ...DEFAULT_CANCELLABLE_APIS,
  ...(options.functions ?? []).map((entry) => ({ ...entry, module: normalizeModuleName(entry.module) })),
]);

/** The catalogue's globals (`fetch`), by name. */
const globalApisOf = derivedFromOptions(
  (options: Options[0]): ReadonlyMap<string, CancellableApi> =>
    new Map(catalogueOf(options).filter((api) => api.module === 'global').map((api) => [api.name, api])),
);

/** The last name of every API in the catalogue: what a method call must be named to be one. */
const methodNamesOf = derivedFromOptions(
  (options: Options[0]): ReadonlySet<string> => new Set(catalogueOf(options).map((api) => api.name.split('.').pop() ?? api.name)),
);

export default createRule<Options, MessageIds>({
  name: 'require-abort-signal',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require cancellable async work to get a signal, and cancellation not to be swallowed',
      strictOptions: [{ checkLoops: true }],
    },
    hasSuggestions: true,
    messages: {
      missingTimeout:
        '{{name}}() has no signal, so a server that never answers keeps this request waiting forever; pass signal: AbortSignal.timeout(ms).',
      signalNotPassed:
        "{{name}}() does not get the '{{signal}}' this function received, so cancelling the caller does not cancel this work; pass it on.",
      swallowedAbort:
        'This catch swallows the AbortError of a cancelled operation, so the code carries on as if the work had succeeded; rethrow errors named AbortError or TimeoutError.',
      loopIgnoresSignal:
        "This loop keeps awaiting after '{{signal}}' is aborted, because it never checks it; call {{signal}}.throwIfAborted() at the start of each iteration.",
      addTimeout: 'Add `signal: AbortSignal.timeout({{ms}})`.',
      passSignal: "Pass '{{signal}}' on.",
      rethrowAbort: 'Rethrow cancellation errors.',
      checkSignal: 'Check the signal at the start of each iteration.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          timeoutRequired: { type: 'boolean', description: 'Report fetch and HTTP requests without any signal.' },
          timeoutMs: { type: 'integer', minimum: 1, description: 'The timeout suggestions write, in milliseconds.' },
          functions: {
            type: 'array',
            description: 'More cancellable calls: module, export name, and the index of the options argument.',
            items: moduleExportSchema(
              { optionsArgument: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['last'] }] } },
              ['optionsArgument'],
            ),
          },
          checkPropagation: { type: 'boolean', description: 'Report cancellable calls that do not get the signal in scope.' },
          checkSwallowed: { type: 'boolean', description: 'Report catch blocks that swallow cancellation.' },
          checkLoops: { type: 'boolean', description: 'Report loops that await without checking the signal in scope.' },
        },
      },
    ],
    defaultOptions: [
      { timeoutRequired: true, timeoutMs: 10_000, functions: [], checkPropagation: true, checkSwallowed: true, checkLoops: false },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const services = getTypeServices(sourceCode);
    const timeoutMs = options.timeoutMs ?? 10_000;
    const catalogue = catalogueOf(options);
    const methodNames = methodNamesOf(options);
    const globalApis = globalApisOf(options);

    function findApi(callee: TSESTree.Node): CancellableApi | null {
      const target = skipTypeWrappers(callee);
      if (target.type === AST_NODE_TYPES.Identifier) {
        // By name first: looking the name up in its scope costs more.
        const global = globalApis.get(target.name);
        if (global && isGlobalReference(sourceCode, target)) return global;
      }
      // A method is an API of the catalogue only under the last name of one (`http.request`).
      if (target.type === AST_NODE_TYPES.MemberExpression && !methodNames.has(getStaticPropertyName(target) ?? '')) return null;
      const member = resolveModuleMember(sourceCode, target);
      if (!member) return null;
      const name = member.path.join('.');
      return catalogue.find((api) => api.module === member.module && api.name === name) ?? null;
    }

    /**
     * Type-aware: a parameter whose type has `signal?: AbortSignal` makes any call cancellable.
     * The callee's declared signatures answer when they agree and no parameter type depends on
     * the call's type arguments; only then is the call resolved.
     */
    function findTypedOptionsArgument(call: TSESTree.CallExpression): number | null {
      if (!services) return null;
      const declared = getCalleeSignatures(services, sourceCode, call);
      const positions = new Set(declared.map((signature) => findSignalPosition(signature, true)));
      const [agreed] = positions;
      if (declared.length > 0 && positions.size === 1 && agreed !== undefined) return agreed;
      const signature = services.checker.getResolvedSignature(services.toTsNode(call) as never);
      return signature ? (findSignalPosition(signature, false) ?? null) : null;
    }

    /**
     * The position of the parameter typed with a `signal: AbortSignal`; of a declared signature,
     * `undefined` when a parameter's type depends on the call's type arguments.
     */
    function findSignalPosition(signature: ts.Signature, declared: boolean): number | null | undefined {
      if (!services) return null;
      const { checker } = services;
      const parameters = signature.getParameters();
      for (let index = 0; index < parameters.length; index++) {
        const type = checker.getNonNullableType(checker.getTypeOfSymbol(parameters[index]!));
        // `<T extends { signal?: AbortSignal }>(options: T)`: every argument may carry a signal,
        // though the one inferred for a call without it has none.
        if (declared && isTypeParameter(type)) {
          const constraint = checker.getBaseConstraintOfType(type);
          if (constraint && hasSignalProperty(checker, checker.getNonNullableType(constraint))) return index;
        }
        if (declared && !isFixedType(type)) return undefined;
        if (hasSignalProperty(checker, type)) return index;
      }
      return null;
    }

    function describeCall(call: TSESTree.CallExpression, withTypes: boolean): CancellableCall | null {
      const known = findApi(call.callee);
      let api: CancellableCall['api'] | null = known;
      if (!api && withTypes) {
        const index = findTypedOptionsArgument(call);
        if (index !== null) api = { name: sourceCode.getText(call.callee), optionsArgument: index };
      }
      if (!api) return null;
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
        return { call, api, options: undefined, opaque: true };
      }
      const index = api.optionsArgument === 'last' ? call.arguments.length - 1 : api.optionsArgument;
      const argument = index >= 0 ? call.arguments[index] : undefined;
      if (!argument || (api.optionsArgument === 'last' && argument.type !== AST_NODE_TYPES.ObjectExpression)) {
        return { call, api, options: undefined, opaque: false };
      }
      const options = skipTypeWrappers(argument);
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return { call, api, options: undefined, opaque: true };
      const opaque = options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
      return { call, api, options, opaque };
    }

    function passesSignal({ options }: CancellableCall): boolean {
      return (
        options?.properties.some(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            ((property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'signal') ||
              (property.key.type === AST_NODE_TYPES.Literal && property.key.value === 'signal')),
        ) ?? false
      );
    }

    /** The signal a surrounding function received: a `signal` parameter or option, or one typed `AbortSignal`. */
    function findSignalInScope(node: TSESTree.Node): string | null {
      for (let fn = findEnclosingFunction(node); fn; fn = findEnclosingFunction(fn)) {
        const name = findSignalParameter(fn);
        if (name === null) continue;
        // The name must still mean that parameter here.
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), name);
        return variable?.defs[0]?.type === 'Parameter' ? name : null;
      }
      return null;
    }

    /** Adds `signal` to the call's options: into the object literal, or as a new argument. */
    function addSignalFix(described: CancellableCall, value: string): TSESLint.ReportFixFunction | null {
      const { call, api, options } = described;
      const property = value === 'signal' ? 'signal' : `signal: ${value}`;
      if (options) {
        const last = options.properties[options.properties.length - 1];
        if (last) return (fixer) => fixer.insertTextAfter(last, `, ${property}`);
        return (fixer) => fixer.replaceText(options, `{ ${property} }`);
      }
      const index = api.optionsArgument === 'last' ? call.arguments.length : api.optionsArgument;
      const fillers = Array.from({ length: Math.max(0, index - call.arguments.length) }, () => 'undefined');
      const added = [...fillers, `{ ${property} }`].join(', ');
      const lastArgument = call.arguments[call.arguments.length - 1];
      if (lastArgument) return (fixer) => fixer.insertTextAfter(lastArgument, `, ${added}`);
      const closing = sourceCode.getLastToken(call);
      if (closing?.value !== ')') return null;
      return (fixer) => fixer.insertTextBefore(closing, added);
    }

    function checkCall(call: TSESTree.CallExpression): void {
      // Without types only the catalogue's APIs are checked; other calls need no scope search.
      if (!services && findApi(call.callee) === null) return;
      const signal = options.checkPropagation === false ? null : findSignalInScope(call);
      const described = describeCall(call, signal !== null);
      if (!described || described.opaque || passesSignal(described)) return;
      const name = described.api.name;
      if (signal !== null) {
        // A request still needs its own timeout; the caller's signal joins it.
        const needsTimeout = described.api.needsTimeout === true && options.timeoutRequired !== false;
        const value = needsTimeout ? `AbortSignal.any([${signal}, AbortSignal.timeout(${timeoutMs})])` : signal;
        const fix = !needsTimeout || isGlobalName(sourceCode, call, 'AbortSignal') ? addSignalFix(described, value) : null;
        context.report({
          node: call.callee,
          messageId: 'signalNotPassed',
          data: { name, signal },
          suggest: fix ? [{ messageId: 'passSignal', data: { signal }, fix }] : [],
        });
        return;
      }
      if (!described.api.needsTimeout || options.timeoutRequired === false) return;
      const fix = isGlobalName(sourceCode, call, 'AbortSignal') ? addSignalFix(described, `AbortSignal.timeout(${timeoutMs})`) : null;
      context.report({
        node: call.callee,
        messageId: 'missingTimeout',
        data: { name },
        suggest: fix ? [{ messageId: 'addTimeout', data: { ms: String(timeoutMs) }, fix }] : [],
      });
    }

    /** A catch that neither rethrows nor looks at what it caught, around an awaited call that can be aborted. */
    function checkCatch(handler: TSESTree.CatchClause): void {
      const tryStatement = handler.parent;
      const fn = findEnclosingFunction(handler);
      if (!fn?.async || tryStatement.type !== AST_NODE_TYPES.TryStatement) return;
      const abortable = someNodeInside(sourceCode, tryStatement.block, (node) => {
        if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
        const awaited = skipTypeWrappers(node.argument);
        if (awaited.type !== AST_NODE_TYPES.CallExpression) return false;
        const described = describeCall(awaited, false);
        return described !== null && passesSignal(described);
      });
      if (!abortable) return;
      const rethrows = someNodeInside(sourceCode, handler.body, (node) => node.type === AST_NODE_TYPES.ThrowStatement);
      if (rethrows || ABORT_CHECK_WORDS.test(sourceCode.getText(handler.body))) return;
      context.report({ loc: sourceCode.getFirstToken(handler)!.loc, messageId: 'swallowedAbort', suggest: rethrowFix(handler) });
    }

    function rethrowFix(handler: TSESTree.CatchClause): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const param = handler.param;
      if (param && param.type !== AST_NODE_TYPES.Identifier) return [];
      const name = param?.name ?? 'error';
      const check = `if (${name} instanceof Error && (${name}.name === 'AbortError' || ${name}.name === 'TimeoutError')) throw ${name};`;
      const open = sourceCode.getFirstToken(handler.body)!;
      return [
        {
          messageId: 'rethrowAbort',
          fix: (fixer) => {
            const fixes = [fixer.insertTextAfter(open, ` ${check}`)];
            if (!param) fixes.push(fixer.insertTextAfter(sourceCode.getFirstToken(handler)!, ` (${name})`));
            return fixes;
          },
        },
      ];
    }

    function checkLoop(loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement): void {
      const fn = findEnclosingFunction(loop);
      if (!fn?.async) return;
      const signal = findSignalInScope(loop);
      if (signal === null) return;
      const awaits = someNodeInside(sourceCode, loop.body, (node) => node.type === AST_NODE_TYPES.AwaitExpression);
      const usesSignal = someNodeInside(sourceCode, loop, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === signal, intoNestedFunctions);
      if (!awaits || usesSignal) return;
      const body = loop.body;
      const check = `${signal}.throwIfAborted();`;
      context.report({
        node: sourceCode.getFirstToken(loop)!,
        messageId: 'loopIgnoresSignal',
        data: { signal },
        suggest: [
          {
            messageId: 'checkSignal',
            fix: (fixer) =>
              body.type === AST_NODE_TYPES.BlockStatement
                ? fixer.insertTextAfter(sourceCode.getFirstToken(body)!, ` ${check}`)
                : fixer.replaceText(body, `{ ${check} ${sourceCode.getText(body)} }`),
          },
        ],
      });
    }

    return {
      // Without types only the catalogue's APIs are checked: a file that names none of its
      // globals and imports none of its modules has no call to look at.
      ...(services || mayUseCatalogue(sourceCode, catalogue) ? { CallExpression: checkCall } : {}),
      // A swallowed cancellation needs a call given `signal`; a loop's check, a parameter named
      // `signal` or annotated `AbortSignal`: files without the words have neither.
      ...(options.checkSwallowed !== false && mentionsAny(sourceCode, ['signal']) ? { CatchClause: checkCatch } : {}),
      ...(options.checkLoops && mentionsAny(sourceCode, ['signal', 'AbortSignal'])
        ? {
            ForStatement: checkLoop,
            ForOfStatement: checkLoop,
            ForInStatement: checkLoop,
            WhileStatement: checkLoop,
            DoWhileStatement: checkLoop,
          }
        : {}),
    };
  },
});

/** Whether values of `type` have a `signal` typed `AbortSignal`. */
function hasSignalProperty(checker: ts.TypeChecker, type: ts.Type): boolean {
  const signal = checker.getPropertyOfType(type, 'signal');
  return signal !== undefined && /AbortSignal/.test(checker.typeToString(checker.getTypeOfSymbol(signal)));
}

/** The name under which a function receives a signal, if it does. */
function findSignalParameter(fn: FunctionNode): string | null {
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier && (target.name === 'signal' || isAbortSignalAnnotation(target))) {
      return target.name;
    }
    if (target.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (key === 'signal' && value.type === AST_NODE_TYPES.Identifier) return value.name;
      }
    }
  }
  return null;
}

function isAbortSignalAnnotation(node: TSESTree.Identifier): boolean {
  const type = node.typeAnnotation?.typeAnnotation;
  const parts = type?.type === AST_NODE_TYPES.TSUnionType ? type.types : type ? [type] : [];
  return parts.some(
    (part) =>
      part.type === AST_NODE_TYPES.TSTypeReference &&
      part.typeName.type === AST_NODE_TYPES.Identifier &&
      part.typeName.name === 'AbortSignal',
  );
}

