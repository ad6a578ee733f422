import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { someNodeInside } from '../lib/ast.js';
import { type CallSpecifier, callSpecifierSchema, matchesCallSpecifier, moduleExportSchema } from '../lib/call-specifiers.js';
import { createRule, derivedFromOptions } from '../lib/create-rule.js';
import {
  type FunctionNode,
  type LocalBinding,
  asLocalBinding,
  findEnclosingFunction,
  getStatementList,
  isAwaitAllowed,
  isFunctionNode,
  isInside,
} from '../lib/functions.js';
import {
  getStaticPropertyName,
  findFunctionDefinition,
  isGlobalReference,
  type ModuleMember,
  mayUseCatalogue,
  normalizeModuleName,
  resolveModuleMember,
  skipTypeWrappers,
} from '../lib/modules.js';
import { DEFAULT_RESOURCES, GENERIC_RELEASE_METHODS, type ResourceKind } from '../lib/resources.js';
import {
  type FunctionImplementation,
  type TypeServices,
  getCalleeImplementation,
  getDeclaredType,
  getTypeServices,
  loadTypeScript,
} from '../lib/types.js';

export interface ResourceOption {
  module: string;
  name: string;
  release: string | string[];
}

type Options = [{ resources?: ResourceOption[]; ownershipFunctions?: CallSpecifier[] }];

type MessageIds = 'neverReleased' | 'releasedOnlyOnSuccess' | 'useAwaitUsing' | 'releaseInFinally';

/** A resource bound to a local variable, and where it stands. */
interface Acquisition extends LocalBinding {
  owner: FunctionNode;
  kind: ResourceKind;
}

/** A variable holding a resource in some function: the acquiring one, or a helper it is passed to. */
type Holder = Pick<Acquisition, 'owner' | 'kind'>;

const DEFAULT_OWNERSHIP: CallSpecifier[] = [
  // pipeline() closes every stream it is given, on success and on failure.
  { from: 'package', package: 'node:stream/promises', name: 'pipeline' },
  { from: 'package', package: 'node:stream', name: 'pipeline' },
];

// Disposable in their typings, but not something to release here: one-shot timers and child
// processes end by themselves, and disposable stacks exist to hand resources on.
const SELF_ENDING_TYPES = new Set([
  'Timeout',
  'Immediate',
  'ChildProcess',
  'ChildProcessWithoutNullStreams',
  'ChildProcessByStdio',
  'DisposableStack',
  'AsyncDisposableStack',
]);

/** Methods that take a value over: a collection or a disposer stores it, `src.pipe(dest)` ends it. */
const STORING_METHODS = new Set(['push', 'unshift', 'splice', 'set', 'add', 'use', 'adopt', 'defer', 'pipe']);

/** `list.push(x)`, `frame.setContext(x)`, `registry.addClient(x)`: the receiver keeps it. */
function isStoringMethod(name: string | null): boolean {
  if (name === null) return false;
  return STORING_METHODS.has(name) || /^(set|add|register|attach|adopt|track|store)[A-Z]/.test(name);
}

/** Calling one of these on a value of a disposable type keeps it alive on purpose. */
const LONG_LIVED_TYPED = ['on', 'once', 'addListener', 'listen'];

/** The built-in resources and the configured ones. */
const catalogueOf = derivedFromOptions((options: Options[0]): ResourceKind[] => [
  ...DEFAULT_RESOURCES,
  ...(options.resources ?? []).map((entry): ResourceKind => {
    const release = typeof entry.release === 'string' ? [entry.release] : entry.release;
    return {
      module: normalizeModuleName(entry.module),
      name: entry.name,
      release,
      releaseStatement: `await $.${release[0] ?? 'close'}();`,
    };
  }),
]);

export default createRule<Options, MessageIds>({
  name: 'no-unclosed-resources',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require resources opened in a function to be released on every path',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      neverReleased:
        "'{{name}}' is opened here but never released, so every call leaks a {{what}} until the process runs out of them; {{remedy}}.",
      releasedOnlyOnSuccess:
        "'{{name}}' is released only when nothing before the release throws or returns early, so a failure leaks the {{what}}; {{remedy}}.",
      useAwaitUsing: 'Declare it with `await using`.',
      releaseInFinally: 'Release it in a `finally` block.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          resources: {
            type: 'array',
            description: 'More resources: the export that opens one, and the methods that release it.',
            items: moduleExportSchema(
              {
                release: {
                  oneOf: [
                    { type: 'string', minLength: 1 },
                    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
                  ],
                },
              },
              ['release'],
            ),
          },
          ownershipFunctions: {
            type: 'array',
            items: callSpecifierSchema,
            description: 'Functions that take over a resource passed to them (and release it).',
          },
        },
      },
    ],
    defaultOptions: [{ resources: [], ownershipFunctions: DEFAULT_OWNERSHIP }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const services = getTypeServices(sourceCode);
    const catalogue = catalogueOf(options);
    // Without types only the catalogue's resources are known: a file that names none of its
    // globals and imports none of its modules acquires none.
    if (!services && !mayUseCatalogue(sourceCode, catalogue)) return {};
    const ownership = options.ownershipFunctions ?? DEFAULT_OWNERSHIP;

    function findResourceKind(init: TSESTree.Expression, id: TSESTree.Identifier): ResourceKind | null {
      const target = acquiringCall(init);
      if (!target) return null;
      const callee = skipTypeWrappers(target.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        // By name first: looking the name up in its scope costs more.
        const global = catalogue.find((kind) => kind.module === 'global' && kind.name === callee.name);
        if (global && isGlobalReference(sourceCode, callee)) return global;
      }
      const member = resolveModuleMember(sourceCode, callee);
      const known = member && catalogue.find((kind) => matchesExport(kind, member));
      if (known) return known;
      // With types, a disposable value counts when the code shows it is acquired here — built
      // with `new`, or from a call named for it (`open…`, `connect…`) — not a reference to one
      // that lives elsewhere (`this.frame.page()`).
      if (!services || (target.type === AST_NODE_TYPES.CallExpression && !isAcquisitionName(calleeName(callee)))) return null;
      if (SELF_ENDING_TYPES.has(calleeName(callee) ?? '')) return null;
      return findDisposableKind(services, id, target);
    }

    /** Type-aware: any value whose own type (not the standard library's) is disposable. */
    function findDisposableKind(
      typeServices: TypeServices,
      id: TSESTree.Identifier,
      acquisition: TSESTree.CallExpression | TSESTree.NewExpression,
    ): ResourceKind | null {
      const callee = skipTypeWrappers(acquisition.callee);
      if (
        callee.type === AST_NODE_TYPES.Identifier &&
        (callee.name === 'setTimeout' || callee.name === 'setImmediate')
      ) {
        return null;
      }
      const { checker, program } = typeServices;
      const type = acquiredType(typeServices, id, acquisition);
      if (SELF_ENDING_TYPES.has(type.getSymbol()?.getName() ?? '')) return null;
      // The resource's own type must come from a package or the project: iterators and
      // generators are disposable in the standard library (and Node's compatibility typings).
      const ownDeclarations = type.getSymbol()?.getDeclarations() ?? [];
      if (!ownDeclarations.some((declaration: ts.Declaration) => !isStandardLibrary(program, declaration))) return null;
      const disposer = checker.getPropertiesOfType(type).find((property) => {
        const name = property.getName();
        return name.startsWith('__@asyncDispose') || name.startsWith('__@dispose');
      });
      if (!disposer) return null;
      const isAsync = disposer.getName().startsWith('__@asyncDispose');
      const releases = GENERIC_RELEASE_METHODS.filter((method) => checker.getPropertyOfType(type, method));
      const [first] = releases;
      return {
        module: 'typed',
        name: type.getSymbol()?.getName() ?? 'resource',
        release: releases,
        releaseStatement: first ? `${isAsync ? 'await ' : ''}$.${first}();` : '',
        asyncDispose: isAsync,
      };
    }

    /**
     * The type of what was acquired. For `new C(…)` the class's declared instance type says which
     * members it has whatever its type arguments are, without resolving the constructor call; for
     * `open(…)`, what its one signature declares it returns, when that is the same for every call.
     */
    function acquiredType(
      typeServices: TypeServices,
      id: TSESTree.Identifier,
      acquisition: TSESTree.CallExpression | TSESTree.NewExpression,
    ): ts.Type {
      const { checker } = typeServices;
      if (acquisition.type === AST_NODE_TYPES.NewExpression) {
        const signatures = checker.getTypeAtLocation(typeServices.toTsNode(acquisition.callee)).getConstructSignatures();
        const instance = signatures[0]?.getReturnType().getSymbol();
        if (instance && signatures.every((signature) => signature.getReturnType().getSymbol() === instance)) {
          return signatures[0]!.getReturnType();
        }
      }
      return getDeclaredType(typeServices, sourceCode, id)?.type ?? checker.getTypeAtLocation(typeServices.toTsNode(id));
    }

    function checkDeclarator(node: TSESTree.VariableDeclarator): void {
      // Only a call or `new` acquires: most declarators hold something else.
      if (!node.init || !acquiringCall(node.init)) return;
      const binding = asLocalBinding(node);
      if (!binding) return;
      // Module-level resources live as long as the process; only functions are checked.
      const owner = findEnclosingFunction(binding.declaration);
      if (!owner) return;
      const kind = findResourceKind(binding.declarator.init, binding.declarator.id);
      if (!kind) return;
      check({ ...binding, owner, kind });
    }

    function check(acquisition: Acquisition): void {
      const { declarator, kind } = acquisition;
      const [variable] = sourceCode.getDeclaredVariables(declarator);
      if (!variable) return;
      const reads = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier as TSESTree.Identifier);
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return;
      const releases: TSESTree.Node[] = [];
      for (const read of reads) {
        const use = classifyUse(read, acquisition);
        if (use === 'escape') return;
        if (use === 'release') releases.push(read);
      }
      const what = describe(kind);
      if (releases.length === 0) {
        report(acquisition, 'neverReleased', what, releases);
        return;
      }
      if (releases.some((release) => isCoveringFinallyRelease(release, reads, acquisition))) return;
      if (releases.some((release) => findEnclosingFunction(release) !== acquisition.owner)) return; // registered for later
      const firstRelease = releases.reduce((first, release) => (release.range[0] < first.range[0] ? release : first));
      if (canFailBetween(acquisition, firstRelease)) report(acquisition, 'releasedOnlyOnSuccess', what, releases);
    }

    /**
     * What one read of the resource variable does with it. Passed to a function whose body this
     * code shows, it is what that body does with the parameter (one call deep: `inHelper` is set
     * while reading such a body).
     */
    function classifyUse(read: TSESTree.Identifier, { kind, owner }: Holder, inHelper = false): 'release' | 'escape' | 'use' {
      const parent = read.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === read) {
        const method = getStaticPropertyName(parent);
        const call = parent.parent;
        const isCall = call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent;
        if (isCall && (isDisposeKey(parent) || (method !== null && kind.release.includes(method)))) return 'release';
        const longLived = kind.module === 'typed' ? LONG_LIVED_TYPED : kind.longLivedAfter;
        if (isCall && method !== null && longLived?.includes(method)) return 'escape';
        // Fluent APIs (`return await client.connect()`) may return the resource itself: with
        // only types to go on, a returned method call hands it over.
        if (isCall && kind.module === 'typed' && !inHelper && isReturned(call, owner)) return 'escape';
        return 'use';
      }
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(read)) {
        if (kind.releaseFunction && isGlobalReference(sourceCode, parent.callee, kind.releaseFunction)) return 'release';
        if (matchesCallSpecifier(sourceCode, parent.callee, ownership)) return 'escape';
        const callee = skipTypeWrappers(parent.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && isStoringMethod(getStaticPropertyName(callee))) return 'escape';
        const inCallee = inHelper ? 'use' : classifyUseInCallee(parent, read, kind);
        if (inCallee !== 'use') return inCallee;
        return escapesThrough(read, owner, !inHelper) ? 'escape' : 'use';
      }
      if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === read) {
        // Read to its end by `for await`, an async iterable closes itself, and the loop closes it
        // on `break` or a throw (the iterator's `return()`).
        return kind.longLivedAfter ? 'escape' : parent.await ? 'release' : 'use';
      }
      return escapesThrough(read, owner, !inHelper) ? 'escape' : 'use';
    }

    /**
     * `finish(handle)`, where `finish` is written in this file: what its body does with that
     * parameter (releases it, or hands it on: pipes it, stores it, returns it), the call does.
     * With types, a function anywhere in the program's sources that releases it.
     */
    function classifyUseInCallee(call: TSESTree.CallExpression, argument: TSESTree.Node, kind: ResourceKind): 'release' | 'escape' | 'use' {
      const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
      if (call.arguments.slice(0, index).some((before) => before.type === AST_NODE_TYPES.SpreadElement)) return 'use';
      const local = findFunctionDefinition(sourceCode, call.callee);
      if (local) return classifyParameterUse(local, index, kind);
      const implementation = services && getCalleeImplementation(services, skipTypeWrappers(call.callee));
      return implementation && implementationReleasesParameter(services!, implementation, index, kind) ? 'release' : 'use';
    }

    function classifyParameterUse(fn: FunctionNode, index: number, kind: ResourceKind): 'release' | 'escape' | 'use' {
      const parameter = fn.params[index];
      if (parameter?.type !== AST_NODE_TYPES.Identifier) return 'use';
      const variable = sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.identifiers.includes(parameter));
      let released = false;
      for (const reference of variable?.references ?? []) {
        const use = classifyUse(reference.identifier as TSESTree.Identifier, { kind, owner: fn }, true);
        if (use === 'escape') return 'escape';
        released ||= use === 'release';
      }
      return released ? 'release' : 'use';
    }

    /**
     * Returned, yielded, stored outside the function, or wrapped in a new object. What a helper
     * returns goes back to its caller, which still owns it (`byReturn` false).
     */
    function escapesThrough(read: TSESTree.Node, owner: FunctionNode, byReturn: boolean): boolean {
      for (let current: TSESTree.Node = read; current.parent; current = current.parent) {
        const parent: TSESTree.Node = current.parent;
        if (parent === owner) return byReturn && owner.body === current; // an arrow's expression body returns it
        switch (parent.type) {
          case AST_NODE_TYPES.ReturnStatement:
          case AST_NODE_TYPES.YieldExpression:
          case AST_NODE_TYPES.ThrowStatement:
            return byReturn;
          case AST_NODE_TYPES.NewExpression:
            return parent.arguments.includes(current as TSESTree.Expression);
          case AST_NODE_TYPES.CallExpression:
            // `return wrap(handle)`: whatever the call builds may hold it; keep looking up.
            if (parent.callee === current) return false;
            continue;
          case AST_NODE_TYPES.AssignmentExpression:
            // Stored on an object or an outer variable, or aliased into a local one (`socket =
            // tlsSocket`) that is followed no further, like `const alias = handle` below.
            return parent.right === current;
          case AST_NODE_TYPES.Property:
          case AST_NODE_TYPES.ArrayExpression:
          case AST_NODE_TYPES.ObjectExpression:
          case AST_NODE_TYPES.SpreadElement:
          case AST_NODE_TYPES.ConditionalExpression:
          case AST_NODE_TYPES.LogicalExpression:
          case AST_NODE_TYPES.TSAsExpression:
          case AST_NODE_TYPES.TSNonNullExpression:
          case AST_NODE_TYPES.AwaitExpression:
            continue;
          case AST_NODE_TYPES.VariableDeclarator:
            // `const wrapper = { handle }`: followed no further; the alias may escape.
            return parent.init === current;
          default:
            if (isFunctionNode(parent)) return true; // captured by a closure that may outlive the call
            return false;
        }
      }
      return false;
    }

    /** A release in a `finally` whose `try` holds every other use, opened right before it. */
    function isCoveringFinallyRelease(release: TSESTree.Node, reads: TSESTree.Node[], acquisition: Acquisition): boolean {
      for (let current: TSESTree.Node = release; current.parent; current = current.parent) {
        const parent: TSESTree.Node = current.parent;
        if (isFunctionNode(parent)) return false;
        if (parent.type !== AST_NODE_TYPES.TryStatement || parent.finalizer !== current) continue;
        const finalizer = current;
        const uses = reads.filter((read) => !isInside(read, finalizer));
        if (!uses.every((read) => isInside(read, parent.block))) continue;
        return !canFailBetween(acquisition, parent);
      }
      return false;
    }

    /** Whether something between the acquisition and `until` can throw or leave the function. */
    function canFailBetween({ declaration, owner }: Acquisition, until: TSESTree.Node): boolean {
      const start = declaration.range[1];
      const end = until.range[0];
      return someNodeInside(sourceCode, owner.body, (node) => {
        // Only what lies wholly between them: not the `await` or call around the release itself.
        if (node.range[0] < start || node.range[1] > end) return false;
        switch (node.type) {
          case AST_NODE_TYPES.AwaitExpression:
          case AST_NODE_TYPES.CallExpression:
          case AST_NODE_TYPES.NewExpression:
          case AST_NODE_TYPES.ThrowStatement:
          case AST_NODE_TYPES.ReturnStatement:
          case AST_NODE_TYPES.YieldExpression:
            return true;
          default:
            return false;
        }
      });
    }

    function report(
      acquisition: Acquisition,
      messageId: 'neverReleased' | 'releasedOnlyOnSuccess',
      what: string,
      releases: readonly TSESTree.Node[],
    ): void {
      context.report({
        node: acquisition.declarator.id,
        messageId,
        data: {
          name: acquisition.declarator.id.name,
          what,
          remedy: acquisition.kind.asyncDispose
            ? 'release it in a finally block, or declare it with `await using`'
            : acquisition.kind.releaseFunction
              ? `keep the id where it can be cleared, and call ${acquisition.kind.releaseFunction}() on every path`
              : 'release it in a finally block',
        },
        suggest: suggestionsFor(acquisition, releases),
      });
    }

    function suggestionsFor(acquisition: Acquisition, releases: readonly TSESTree.Node[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const { declaration, kind, owner } = acquisition;
      const name = acquisition.declarator.id.name;
      if (declaration.declarations.length !== 1) return [];
      const release = kind.releaseStatement.replaceAll('$', name);
      const statements = getStatementList(declaration) ?? [];
      // Released otherwise than by its own method — by a helper given it (`await finish(client)`),
      // which may do more than release it, or a `for await`: that code stays, and a helper call
      // that ends the block moves into the finally block.
      const isReleasingStatement = (statement: TSESTree.Node): boolean =>
        statement.type === AST_NODE_TYPES.ExpressionStatement &&
        (sourceCode.getText(statement) === release || releases.some((read) => isInside(read, statement) && !isMethodRelease(read)));
      const releasedOtherwise = releases.some((read) => !isMethodRelease(read));
      if (kind.asyncDispose && !releasedOtherwise && supportsAwaitUsing() && isAwaitAllowed(declaration)) {
        const keyword = sourceCode.getFirstToken(declaration)!;
        // Explicit releases in the same block would now run twice.
        const explicitReleases = statements.filter(
          (statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && sourceCode.getText(statement) === release,
        );
        return [
          {
            messageId: 'useAwaitUsing',
            fix: (fixer) => [
              fixer.replaceText(keyword, 'await using'),
              ...explicitReleases.map((statement) => fixer.removeRange(lineRangeOf(statement))),
            ],
          },
        ];
      }
      // Wrapping the rest in try/finally would stop a timer meant to keep running.
      if (kind.releaseFunction === 'clearInterval') return [];
      if (release === '' || (release.startsWith('await ') && !owner.async)) return [];
      const rest = statements.slice(statements.indexOf(declaration) + 1);
      const last = rest[rest.length - 1];
      const first = rest[0];
      if (!first || !last) return [];
      // An existing release at the end moves into the finally block.
      const lastIsRelease = isReleasingStatement(last);
      const body = lastIsRelease ? rest.slice(0, -1) : rest;
      const bodyFirst = body[0];
      const bodyLast = body[body.length - 1];
      if (!bodyFirst || !bodyLast) return [];
      const line = sourceCode.lines[declaration.loc.start.line - 1] ?? '';
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const startsLine = line.slice(0, declaration.loc.start.column).trim() === '';
      const text = sourceCode.text.slice(bodyFirst.range[0], bodyLast.range[1]);
      const finalizer = lastIsRelease ? sourceCode.getText(last) : release;
      const wrapped = startsLine
        ? `try {\n${indent}  ${text.replaceAll(`\n${indent}`, `\n${indent}  `)}\n${indent}} finally {\n${indent}  ${finalizer}\n${indent}}`
        : `try { ${text} } finally { ${finalizer} }`;
      return [
        {
          messageId: 'releaseInFinally',
          fix: (fixer) => fixer.replaceTextRange([bodyFirst.range[0], last.range[1]], wrapped),
        },
      ];
    }

    /** The statement's range, with the indentation and line break around it when it stands alone. */
    function lineRangeOf(statement: TSESTree.Node): TSESTree.Range {
      const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
      const alone = line.trim() === sourceCode.getText(statement);
      if (!alone) return statement.range;
      const lineStart = statement.range[0] - statement.loc.start.column;
      return [lineStart - 1, statement.range[1]];
    }

    /**
     * `await using` parses and type-checks here: with types, the project's `lib` declares
     * `Symbol.asyncDispose`; without, the configured syntax includes explicit resource management.
     */
    function supportsAwaitUsing(): boolean {
      if (services) {
        const libs = services.program.getCompilerOptions().lib;
        if (!libs) return true; // the target's default libraries; TypeScript reports what is missing
        return libs.some((lib) => /esnext(\.disposable)?\.d\.ts$|es202[6-9]|full/i.test(lib));
      }
      const ecmaVersion = context.languageOptions.ecmaVersion;
      return typeof ecmaVersion === 'number' ? ecmaVersion >= 2026 : ecmaVersion === 'latest';
    }

    return { VariableDeclarator: checkDeclarator };
  },
});

/**
 * Whether a function of the program (read from TypeScript's tree: it may be in another file)
 * releases what it is given at `index`, as the rule reads a release in the acquiring function: a
 * release method or the dispose key called on the parameter, the release function given it, or
 * a `for await` over it.
 */
function implementationReleasesParameter(
  services: TypeServices,
  fn: FunctionImplementation,
  index: number,
  kind: ResourceKind,
): boolean {
  const typescript = loadTypeScript();
  const parameter = fn.parameters[index];
  if (!parameter || parameter.dotDotDotToken || !typescript.isIdentifier(parameter.name)) return false;
  const { checker } = services;
  const symbol = checker.getSymbolAtLocation(parameter.name);
  const name = parameter.name.text;
  // `(handle as Cursor)`, `handle!`: the same value.
  const unwrap = (node: ts.Node): ts.Node =>
    typescript.isParenthesizedExpression(node) || typescript.isAsExpression(node) || typescript.isNonNullExpression(node) || typescript.isSatisfiesExpression(node)
      ? unwrap(node.expression)
      : node;
  const isParameter = (node: ts.Node): boolean => {
    const target = unwrap(node);
    return typescript.isIdentifier(target) && target.text === name && checker.getSymbolAtLocation(target) === symbol;
  };
  const releases = (node: ts.Node): boolean => {
    if (typescript.isForOfStatement(node) && node.awaitModifier && isParameter(node.expression)) return true;
    if (typescript.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (typescript.isPropertyAccessExpression(callee) && kind.release.includes(callee.name.text) && isParameter(callee.expression)) return true;
      if (typescript.isElementAccessExpression(callee) && isParameter(callee.expression) && /^Symbol\.(asyncDispose|dispose)$/.test(callee.argumentExpression.getText())) {
        return true;
      }
      if (kind.releaseFunction && typescript.isIdentifier(callee) && callee.text === kind.releaseFunction && node.arguments.some(isParameter)) return true;
    }
    return typescript.forEachChild(node, releases) ?? false;
  };
  return releases(fn.body);
}

/** Declared by TypeScript's own `lib.*.d.ts`, or by the shims `@types/node` adds to them. */
function isStandardLibrary(program: ts.Program, declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile();
  return (
    program.isSourceFileDefaultLibrary(file) ||
    /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$|[\\/]@types[\\/]node[\\/]compatibility[\\/]/.test(file.fileName)
  );
}

const ACQUISITION_PREFIXES = ['open', 'connect', 'create', 'acquire', 'lock', 'spawn', 'launch'];

function isAcquisitionName(name: string | null): boolean {
  return (
    name !== null &&
    ACQUISITION_PREFIXES.some((prefix) => name === prefix || (name.startsWith(prefix) && /[A-Z]/.test(name.charAt(prefix.length))))
  );
}

function calleeName(callee: TSESTree.Node): string | null {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : null;
}

function matchesExport(kind: ResourceKind, member: ModuleMember): boolean {
  if (kind.module !== member.module) return false;
  const path = member.path[0] === 'default' && member.path.length > 1 ? member.path.slice(1) : member.path;
  return path.join('.') === kind.name || (path.length === 0 && kind.name === 'default');
}

/** `return await call()` / an arrow's body: the call's value leaves the function. */
function isReturned(node: TSESTree.Node, owner: FunctionNode): boolean {
  let current = node;
  while (
    current.parent?.type === AST_NODE_TYPES.AwaitExpression ||
    current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    current.parent?.type === AST_NODE_TYPES.TSNonNullExpression
  ) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ReturnStatement || (current.parent === owner && owner.body === current);
}

/** `handle.close()`, `handle[Symbol.asyncDispose]()`: a release the resource's own method does. */
function isMethodRelease(read: TSESTree.Node): boolean {
  return read.parent?.type === AST_NODE_TYPES.MemberExpression && read.parent.object === read;
}

/** `handle[Symbol.asyncDispose]()` releases anything. */
function isDisposeKey(member: TSESTree.MemberExpression): boolean {
  if (!member.computed || member.property.type !== AST_NODE_TYPES.MemberExpression) return false;
  const key = getStaticPropertyName(member.property);
  return key === 'asyncDispose' || key === 'dispose';
}

function describe(kind: ResourceKind): string {
  if (kind.releaseFunction === 'clearInterval') return 'timer that keeps firing';
  if (kind.module === 'node:fs/promises') return 'file handle';
  if (kind.module === 'node:fs') return 'stream and its file descriptor';
  if (kind.name === 'createServer' || kind.name === 'createSecureServer') return 'server and its port';
  if (kind.module === 'node:net') return 'socket';
  if (kind.module === 'typed') return `${kind.name} resource`;
  return 'connection';
}

/** The call or `new` an initializer evaluates, awaited or not. */
function acquiringCall(init: TSESTree.Expression): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let target = skipTypeWrappers(init);
  if (target.type === AST_NODE_TYPES.AwaitExpression) target = skipTypeWrappers(target.argument);
  return target.type === AST_NODE_TYPES.CallExpression || target.type === AST_NODE_TYPES.NewExpression ? target : null;
}
