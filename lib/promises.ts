import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { type FunctionNode, findGuardingTry, isFunctionNode } from './functions.js';
import {
  findConstantVariable,
  findVariableOf,
  getStaticPropertyName,
  isGlobalReference,
  resolveMemberOf,
  skipTypeWrappers,
} from './modules.js';
import { PROMISE_RETURNING_EXPORTS, PROMISE_STATICS } from './promise-apis.js';
import { getDeclaredAnnotation, someNodeInside, typeAnnotationOf } from './ast.js';
import { memoizeForFile } from './memoize.js';
import { mentionsAny, mentionsDynamicImport } from './source-text.js';
import { type TypeServices, getCalleeSignatures, getCallSignaturesOf, getDeclaredMemberSignatures, getDeclaredType, getTypeServices, isFixedType, isMappedType, isPolymorphicThisType, isTypeParameter, loadTypeScript, unionParts } from './types.js';

// The modules whose exports the syntactic detector knows to return promises.
const PROMISE_API_MODULES: ReadonlySet<string> = new Set(Object.keys(PROMISE_RETURNING_EXPORTS));

/**
 * Answers "does this expression evaluate to a promise?" at the depth the file allows: with type
 * information the TypeScript checker decides (thenables, unions, cross-file functions; `any` is
 * never a promise); without it, what the file itself shows decides.
 */
export interface PromiseDetector {
  readonly typeAware: boolean;
  isPromiseValued(node: TSESTree.Node): boolean;
  /** An array (or tuple) whose elements are promises, such as `xs.map(async (x) => …)`. */
  isPromiseArray(node: TSESTree.Node): boolean;
  /** Whether `node` is an array or tuple (type-aware only; without types, `false`). */
  isArrayValued(node: TSESTree.Node): boolean;
  /** Whether calling the function `node` evaluates to returns a promise. */
  isPromiseReturningFunction(node: TSESTree.Node): boolean;
  /**
   * The same question answered from what is written and declared only (the function's own
   * `async`, returns and annotations, a name's annotation), without typing any expression:
   * `undefined` when only the checker can tell. Cheap enough to ask before a costlier question.
   */
  returnsPromiseByDeclaration(node: TSESTree.Node): boolean | undefined;
  /**
   * A promise whose work has already started: a native `Promise`. Lazy thenables (query
   * builders that run only once `then` is called) cannot reject before someone waits on them.
   */
  isEagerPromise(node: TSESTree.Node): boolean;
  /**
   * Whether the promise `node` evaluates to has a `.catch()` method (a bare thenable may not).
   * Without types, every promise the detector finds is taken to be a real one.
   */
  hasCatchMethod(node: TSESTree.Node): boolean;
  /**
   * Whether the file can hold anything `isPromiseValued` (and the array question) would answer
   * `true` for: always with types; without, only if its text names a source the syntactic
   * detector knows. A rule that only reports promises returns no listeners when it is `false`.
   */
  readonly mayFindPromises: boolean;
  /** The same for `isPromiseReturningFunction`. */
  readonly mayFindPromiseReturningFunctions: boolean;
}

type SourceCode = Readonly<TSESLint.SourceCode>;

// Rules that share a file share one detector and its memo.
const detectors = new WeakMap<SourceCode, PromiseDetector>();

export function getPromiseDetector(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): PromiseDetector {
  const { sourceCode } = context;
  let detector = detectors.get(sourceCode);
  if (!detector) {
    const services = getTypeServices(sourceCode);
    detector = services ? createTypedDetector(services, sourceCode) : createSyntacticDetector(sourceCode);
    detectors.set(sourceCode, detector);
  }
  return detector;
}

/**
 * Whether `node`, passed as `.catch(node)` or `.then(f, node)`, handles a rejection: anything but
 * a missing argument, a spread, `null` or `undefined`.
 */
export function isRejectionHandler(sourceCode: SourceCode, node: TSESTree.Node | undefined): boolean {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const handler = skipTypeWrappers(node);
  return !(
    (handler.type === AST_NODE_TYPES.Literal && handler.value === null) ||
    isGlobalReference(sourceCode, handler, 'undefined')
  );
}

/** `work().catch(h)` or `work().then(f, h)`: a promise whose rejection has a handler. */
export function isHandledChain(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const chain = skipTypeWrappers(node);
  if (chain.type !== AST_NODE_TYPES.CallExpression || chain.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = getStaticPropertyName(chain.callee);
  if (method === 'catch') return isRejectionHandler(sourceCode, chain.arguments[0]);
  return method === 'then' && isRejectionHandler(sourceCode, chain.arguments[1]);
}

/**
 * Whether a function's own promise cannot reject unseen: every await in it (outside nested
 * functions) sits in a `try … catch` or awaits a handled chain, and every value it returns (an
 * arrow's expression body included) passes `isSafeResult` — which rules judge differently.
 */
export function settlesWithoutRejecting(sourceCode: SourceCode, fn: FunctionNode, isSafeResult: (value: TSESTree.Node) => boolean): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement && !isSafeResult(fn.body)) return false;
  return !someNodeInside(
    sourceCode,
    fn.body,
    (node) =>
      (node.type === AST_NODE_TYPES.AwaitExpression && !isHandledChain(sourceCode, node.argument) && findGuardingTry(node) === null) ||
      (node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null && !isSafeResult(node.argument)),
  );
}

/** Whether `node` is an array (so `.map` exists), as far as types or the code show. */
export function isKnownArray(sourceCode: SourceCode, promises: PromiseDetector, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (promises.typeAware) return promises.isArrayValued(node);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getStaticPropertyName(node.callee);
    if (isGlobalReference(sourceCode, node.callee.object, 'Object')) return ['keys', 'values', 'entries'].includes(method ?? '');
    if (isGlobalReference(sourceCode, node.callee.object, 'Array')) return method === 'from' || method === 'of';
    return ['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed'].includes(method ?? '');
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = findVariableOf(sourceCode, node)?.defs[0];
  const annotation = definition && 'typeAnnotation' in definition.name ? definition.name.typeAnnotation : undefined;
  const type = annotation?.type === AST_NODE_TYPES.TSTypeAnnotation ? annotation.typeAnnotation : undefined;
  if (type) {
    const inner = type.type === AST_NODE_TYPES.TSTypeOperator ? type.typeAnnotation : type;
    return (
      inner?.type === AST_NODE_TYPES.TSArrayType ||
      (inner?.type === AST_NODE_TYPES.TSTypeReference &&
        inner.typeName.type === AST_NODE_TYPES.Identifier &&
        ['Array', 'ReadonlyArray'].includes(inner.typeName.name))
    );
  }
  return definition?.type === 'Variable' && definition.node.init?.type === AST_NODE_TYPES.ArrayExpression;
}

// --- type-aware -------------------------------------------------------------------------------

function createTypedDetector(services: TypeServices, sourceCode: SourceCode): PromiseDetector {
  const { checker } = services;

  const isCallable = (type: ts.Type): boolean =>
    unionParts(type).some((part) => part.getCallSignatures().length > 0);

  /**
   * A `then` that takes a fulfilment and a rejection callback, as `PromiseLike` does. Builder
   * APIs with a one-callback `then` (Cypress chainables, query builders' `then(options, fn)`)
   * do not reject like promises and are not taken for them.
   */
  const isThenMethod = (signature: ts.Signature, at: ts.Node): boolean => {
    const [onFulfilled, onRejected] = signature.getParameters();
    return (
      onFulfilled !== undefined &&
      onRejected !== undefined &&
      isCallable(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(onFulfilled, at))) &&
      isCallable(checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(onRejected, at)))
    );
  };

  const isThenable = (part: ts.Type, at: ts.Node): boolean => {
    const then = checker.getPropertyOfType(part, 'then');
    if (!then) return false;
    return unionParts(checker.getTypeOfSymbolAtLocation(then, at)).some((candidate) =>
      candidate.getCallSignatures().some((signature) => isThenMethod(signature, at)),
    );
  };

  const isThenableType = (type: ts.Type, at: ts.Node): boolean =>
    unionParts(checker.getApparentType(type)).some((part) => isThenable(part, at));

  /**
   * Whether a declared return type is thenable whatever the call's type arguments are: `void`,
   * `FindCursor<T>` (no `then`, for any `T`) and `Promise<T>` answer without resolving the call;
   * `T`, `T[K]` or a conditional type need the call's own types (`undefined`). A method declared
   * to return `this` returns its receiver.
   */
  const isThenableForAnyTypeArguments = (type: ts.Type, receiver: ts.Node | null, at: ts.Node): boolean | undefined => {
    const { TypeFlags } = loadTypeScript();
    if (type.isUnion()) return someVerdict(type.types, (part) => isThenableForAnyTypeArguments(part, receiver, at));
    if (type.isIntersection()) return isFixedType(type) ? isThenableType(type, at) : undefined;
    if (isPolymorphicThisType(type)) {
      return receiver ? isThenableType(checker.getTypeAtLocation(receiver), at) : undefined;
    }
    if (isRuledOutByConstraint(type, PROMISE_MEMBERS, (part) => isThenableType(part, at))) return false;
    if (type.flags & TypeFlags.Instantiable) return undefined;
    if (isMappedType(type)) return undefined;
    return isThenableType(type, at);
  };

  /**
   * Whether a type parameter's constraint keeps a kind of value out: `appendChild<T extends Node>`
   * and `pipe<T extends WritableStream>` return a Node or a stream whatever `T` is, never a
   * promise nor an array, since neither has their members. `object`, `{}` or a constraint a
   * promise could meet leave it open.
   */
  const isRuledOutByConstraint = (type: ts.Type, members: ReadonlySet<string>, isOfKind: (part: ts.Type) => boolean): boolean => {
    if (!isTypeParameter(type)) return false;
    const constraint = checker.getBaseConstraintOfType(type);
    return (
      constraint !== undefined &&
      isFixedType(constraint) &&
      unionParts(constraint).every(
        (part) => !isOfKind(part) && checker.getPropertiesOfType(checker.getApparentType(part)).some((property) => isMemberOutside(property, members)),
      )
    );
  };

  /** An array or tuple type with a thenable element type. */
  const isPromiseArrayType = (type: ts.Type, at: ts.Node): boolean =>
    unionParts(type).some(
      (part) =>
        (checker.isArrayType(part) || checker.isTupleType(part)) &&
        checker.getTypeArguments(part as ts.TypeReference).some((element) => isThenableType(element, at)),
    );

  /**
   * Whether a declared return type is an array of thenables whatever the type arguments are; a
   * method declared to return `this` (an emitter's `on`, a builder's setters) returns its receiver.
   */
  const isPromiseArrayForAnyTypeArguments = (type: ts.Type, receiver: ts.Node | null, at: ts.Node): boolean | undefined => {
    if (type.isUnion()) return someVerdict(type.types, (part) => isPromiseArrayForAnyTypeArguments(part, receiver, at));
    if (isPolymorphicThisType(type)) return receiver ? isPromiseArrayType(checker.getTypeAtLocation(receiver), at) : undefined;
    if (isRuledOutByConstraint(type, ARRAY_MEMBERS, (part) => checker.isArrayType(part) || checker.isTupleType(part))) return false;
    if (type.flags & loadTypeScript().TypeFlags.Instantiable) return undefined;
    if (!checker.isArrayType(type) && !checker.isTupleType(type)) return false;
    return someVerdict(checker.getTypeArguments(type as ts.TypeReference), (element) =>
      isThenableForAnyTypeArguments(element, null, at),
    );
  };

  /**
   * What a call's callee declares it returns, when every signature agrees: most calls never need
   * to be resolved (choosing an overload, inferring type arguments, typing callbacks).
   */
  const decideFromSignatures = (
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    judge: (returnType: ts.Type, receiver: ts.Node | null, at: ts.Node) => boolean | undefined,
  ): boolean | undefined => {
    const callee = services.toTsNode(call.callee);
    const signatures = getCalleeSignatures(services, sourceCode, call);
    if (signatures.length === 0) return undefined;
    const typescript = loadTypeScript();
    const receiver =
      typescript.isPropertyAccessExpression(callee) || typescript.isElementAccessExpression(callee) ? callee.expression : null;
    let yes = 0;
    for (const signature of signatures) {
      const verdict = judge(signature.getReturnType(), receiver, callee);
      if (verdict === undefined) return undefined;
      if (verdict) yes++;
    }
    return yes === 0 ? false : yes === signatures.length ? true : undefined;
  };

  /** A call, or a call behind `?.`, `!` or `as`: what its callee declares may answer for it. */
  const asCall = (node: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | null => {
    const target = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
    return target.type === AST_NODE_TYPES.CallExpression || target.type === AST_NODE_TYPES.NewExpression ? target : null;
  };

  /**
   * Forms that never hold a promise of their own: an await unwraps every promise; `super()` gives
   * `this`; `yield` evaluates to whatever the generator's consumer sends back with `next()`.
   */
  const isNeverPromiseForm = (node: TSESTree.Node, call: TSESTree.CallExpression | TSESTree.NewExpression | null): boolean =>
    node.type === AST_NODE_TYPES.AwaitExpression ||
    node.type === AST_NODE_TYPES.YieldExpression ||
    call?.callee.type === AST_NODE_TYPES.Super ||
    (call !== null && isExecutorSettle(sourceCode, call.callee));

  const isPromiseValued = memoizeForFile((node: TSESTree.Node): boolean => {
    const call = asCall(node);
    if (isNeverPromiseForm(node, call) || isNeverPromise(node)) return false;
    // Asking about the parts is cheaper than typing the whole: each is a call's declared type, often.
    const parts = getValueParts(node);
    if (parts) return parts.some(isPromiseValued);
    const passedThrough = call && getReturnedArgument(sourceCode, call);
    if (passedThrough) return isPromiseValued(passedThrough);
    const decided = call ? decideFromSignatures(call, isThenableForAnyTypeArguments) : undefined;
    if (decided !== undefined) return decided;
    const tsNode = services.toTsNode(node);
    return isThenableType(checker.getTypeAtLocation(tsNode), tsNode);
  });

  const isPromiseArray = memoizeForFile((node: TSESTree.Node) => {
    const call = asCall(node);
    if (isNeverPromiseForm(node, call)) return false;
    const decided = call ? decideFromSignatures(call, isPromiseArrayForAnyTypeArguments) : undefined;
    if (decided !== undefined) return decided;
    const tsNode = services.toTsNode(node);
    return isPromiseArrayType(checker.getTypeAtLocation(tsNode), tsNode);
  });

  /**
   * A name's declared type comes from its annotation alone (`options: CommandOptions`), which the
   * checker reads without checking any expression, and so does a member of such a name or of
   * `this` (`options.onExit`, `this.handleClose`); classes and caught errors are never
   * functions one could pass as a callback.
   */
  const returnsPromiseByDeclaration = (node: TSESTree.Node): boolean | undefined => {
    // A function written here shows it: typing it would mean resolving the call it is passed to.
    const shown = returnsPromiseVisibly(sourceCode, node);
    if (shown !== undefined) return shown;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const definition = findConstantVariable(sourceCode, node)?.defs[0];
      if (definition?.type === 'ClassName' || definition?.type === 'CatchClause') return false;
    }
    const declared = getDeclaredCallSignatures(node);
    return declared
      ? someVerdict(declared.signatures, (signature) => isThenableForAnyTypeArguments(signature.getReturnType(), null, declared.at))
      : undefined;
  };

  /** How a name or a member is declared to be called, read without typing any expression. */
  const getDeclaredCallSignatures = (node: TSESTree.Node): { signatures: readonly ts.Signature[]; at: ts.Node } | null => {
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const signatures = getDeclaredMemberSignatures(services, sourceCode, node);
      return signatures && { signatures, at: services.toTsNode(node) };
    }
    if (node.type !== AST_NODE_TYPES.Identifier) return null;
    const declared = getDeclaredType(services, sourceCode, node);
    return declared && { signatures: getCallSignaturesOf(checker, declared.type), at: declared.at };
  };

  const isPromiseReturningFunction = memoizeForFile((node: TSESTree.Node) => {
    // A function written here returns what its returns evaluate to: typing those is often
    // cheap (a call's declared type, or none for `x.id === id`), where typing the function means
    // typing it in context.
    if (isFunctionNode(node) && !node.returnType && !node.async && !node.generator) {
      return getReturnedValues(sourceCode, node).some(isPromiseValued);
    }
    const shown = returnsPromiseByDeclaration(node);
    if (shown !== undefined) return shown;
    const tsNode = services.toTsNode(node);
    const type = checker.getTypeAtLocation(tsNode);
    return unionParts(checker.getApparentType(type)).some((part) =>
      part.getCallSignatures().some((signature) => isThenableType(signature.getReturnType(), tsNode)),
    );
  });

  const hasCatchMethod = (node: TSESTree.Node): boolean => {
    const type = checker.getApparentType(checker.getTypeAtLocation(services.toTsNode(node)));
    return unionParts(type).every((part) => !isThenableType(part, services.toTsNode(node)) || part.getProperty('catch'));
  };

  const isEagerPromise = (node: TSESTree.Node): boolean => {
    const tsNode = services.toTsNode(node);
    const parts = unionParts(checker.getApparentType(checker.getTypeAtLocation(tsNode))).filter((part) =>
      isThenable(part, tsNode),
    );
    return parts.length > 0 && parts.every((part) => part.getSymbol()?.getName() === 'Promise');
  };

  const isArrayValued = (node: TSESTree.Node): boolean =>
    unionParts(checker.getTypeAtLocation(services.toTsNode(node))).every(
      (part) => checker.isArrayType(part) || checker.isTupleType(part),
    );

  return {
    typeAware: true,
    mayFindPromises: true,
    mayFindPromiseReturningFunctions: true,
    isPromiseValued,
    isPromiseArray,
    isArrayValued,
    isPromiseReturningFunction,
    returnsPromiseByDeclaration,
    isEagerPromise,
    hasCatchMethod,
  };
}

/**
 * What the code itself says about whether calling `node` returns a promise, without types: a
 * function written `async` does; a generator, a function whose body returns no value, or a
 * name bound to a value that is not a function does not. `undefined` when only types can tell.
 */
export function returnsPromiseVisibly(sourceCode: SourceCode, node: TSESTree.Node): boolean | undefined {
  if (isFunctionNode(node)) return functionReturnsPromiseVisibly(sourceCode, node);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findConstantVariable(sourceCode, node)?.defs[0];
  if (definition?.type === 'FunctionName') {
    return isFunctionNode(definition.node) ? functionReturnsPromiseVisibly(sourceCode, definition.node) : undefined;
  }
  // A class (calling it throws) or a caught error is no callback.
  if (definition?.type === 'ClassName' || definition?.type === 'CatchClause') return false;
  const annotation = getDeclaredAnnotation(definition);
  if (annotation) return annotationReturnsPromise(annotation);
  if (definition?.type !== 'Variable' || definition.node.id !== definition.name) return undefined;
  const init = definition.node.init;
  if (!init) return undefined;
  if (isFunctionNode(init)) return functionReturnsPromiseVisibly(sourceCode, init);
  return NOT_CALLABLE.has(init.type) ? false : undefined;
}

/** Annotations that can never hold a function (narrowing cannot add call signatures to them). */
const NON_FUNCTION_ANNOTATIONS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.TSStringKeyword,
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
  AST_NODE_TYPES.TSSymbolKeyword,
  AST_NODE_TYPES.TSUndefinedKeyword,
  AST_NODE_TYPES.TSNullKeyword,
  AST_NODE_TYPES.TSNeverKeyword,
  AST_NODE_TYPES.TSVoidKeyword,
  AST_NODE_TYPES.TSObjectKeyword,
  AST_NODE_TYPES.TSAnyKeyword,
  AST_NODE_TYPES.TSUnknownKeyword,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSTemplateLiteralType,
  AST_NODE_TYPES.TSArrayType,
  AST_NODE_TYPES.TSTupleType,
]);

/**
 * What a name's annotation says about calling it returning a promise: a function type says
 * by its return type; `string`, `unknown` or `Item[]` hold no function; a named type needs types.
 */
function annotationReturnsPromise(annotation: TSESTree.TypeNode): boolean | undefined {
  if (NON_FUNCTION_ANNOTATIONS.has(annotation.type)) return false;
  if (annotation.type === AST_NODE_TYPES.TSFunctionType) {
    const returned = annotation.returnType?.typeAnnotation;
    return returned ? returnAnnotationIsPromise(returned) : undefined;
  }
  if (annotation.type === AST_NODE_TYPES.TSUnionType) {
    return someVerdict(annotation.types, annotationReturnsPromise);
  }
  return undefined;
}

/** What a declared return type says: `Promise<T>` is one; `void`, `string`, `T[]` are none. */
function returnAnnotationIsPromise(returned: TSESTree.TypeNode): boolean | undefined {
  if (isPromiseTypeAnnotation(returned)) return true;
  return NON_FUNCTION_ANNOTATIONS.has(returned.type) && returned.type !== AST_NODE_TYPES.TSAnyKeyword && returned.type !== AST_NODE_TYPES.TSUnknownKeyword
    ? false
    : undefined;
}

/**
 * A function that returns nothing, or only values that are never promises (`x => x.id === id`,
 * `() => ({ ok: true })`), returns no promise: most callbacks show it, so the checker need not
 * type them, nor the call they are passed to.
 */
function functionReturnsPromiseVisibly(sourceCode: SourceCode, fn: FunctionNode): boolean | undefined {
  if (fn.generator) return false;
  if (fn.async) return true;
  if (fn.returnType) return returnAnnotationIsPromise(fn.returnType.typeAnnotation);
  return getReturnedValues(sourceCode, fn).every(isNeverPromise) ? false : undefined;
}

/** The values a function returns: its expression body, or the arguments of its own `return`s. */
function getReturnedValues(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Expression[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: TSESTree.Expression[] = [];
  someNodeInside(sourceCode, fn.body, (inner) => {
    if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument) values.push(inner.argument);
    return false;
  });
  return values;
}

/**
 * The parts one of which a value is: `a || b`, `a ?? b` and `c ? a : b` evaluate to one of
 * theirs; `a && b` to `b` or a falsy `a`, and no promise is falsy.
 */
function getValueParts(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  return node.type === AST_NODE_TYPES.LogicalExpression || node.type === AST_NODE_TYPES.ConditionalExpression ? valuePartsOf(node) : null;
}

function valuePartsOf(node: TSESTree.LogicalExpression | TSESTree.ConditionalExpression): readonly TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [node.consequent, node.alternate];
  return node.operator === '&&' ? [node.right] : [node.left, node.right];
}

/** `Object` methods that return the object they are given (`Object.assign(target, …)`). */
const RETURNS_FIRST_ARGUMENT = new Set(['assign', 'defineProperty', 'defineProperties', 'freeze', 'seal', 'preventExtensions', 'setPrototypeOf']);

/**
 * The argument a call evaluates to: `Object.assign(this, defaults)` is `this`. Typing that is far
 * cheaper than resolving the call, whose type parameters are inferred from every argument.
 */
function getReturnedArgument(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | null {
  const [first] = call.arguments;
  const callee = call.callee;
  if (call.type !== AST_NODE_TYPES.CallExpression || !first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !isGlobalReference(sourceCode, callee.object, 'Object')) return null;
  const method = getStaticPropertyName(callee);
  return method !== null && RETURNS_FIRST_ARGUMENT.has(method) ? first : null;
}

/** Expressions whose value is never a thenable, whatever their operands are. */
export function isNeverPromise(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
    // `await` adopts any thenable it is given: what it evaluates to never is one.
    case AST_NODE_TYPES.AwaitExpression:
      return true;
    case AST_NODE_TYPES.ObjectExpression:
      // An object literal is a thenable only if it brings a `then` (written, or spread in).
      return node.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && !isThenKey(property.key));
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return valuePartsOf(node).every(isNeverPromise);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return isNeverPromise(node.expression);
    default:
      return false;
  }
}

function isThenKey(key: TSESTree.Node): boolean {
  return (key.type === AST_NODE_TYPES.Identifier && key.name === 'then') || (key.type === AST_NODE_TYPES.Literal && key.value === 'then');
}

/**
 * `resolve(…)` or `reject(…)` of a `new Promise((resolve, reject) => …)` executor: they return
 * nothing, and typing them would mean typing the executor in context (inferring the promise's
 * type from everything it resolves with).
 */
export function isExecutorSettle(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = findConstantVariable(sourceCode, callee)?.defs[0];
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return false;
  const executor = definition.node;
  const construction = executor.parent;
  const position = executor.params.indexOf(definition.name as TSESTree.Parameter);
  return (
    construction.type === AST_NODE_TYPES.NewExpression &&
    construction.arguments[0] === executor &&
    (position === 0 || position === 1) &&
    isGlobalReference(sourceCode, construction.callee, 'Promise')
  );
}

/** Initializers whose value is never a function. */
const NOT_CALLABLE = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.UpdateExpression,
  AST_NODE_TYPES.ClassExpression,
]);

/** `true` if any item is, `undefined` if any cannot tell, else `false`. */
function someVerdict<T>(items: readonly T[], judge: (item: T) => boolean | undefined): boolean | undefined {
  let verdict: boolean | undefined = false;
  for (const item of items) {
    const itemVerdict = judge(item);
    if (itemVerdict) return true;
    if (itemVerdict === undefined) verdict = undefined;
  }
  return verdict;
}

/** The last name of every known promise-returning export: a method call must bear one to be one. */
const PROMISE_RETURNING_METHOD_NAMES: ReadonlySet<string> = new Set(
  Object.values(PROMISE_RETURNING_EXPORTS).flatMap((names) => [...names].map((name) => name.split('.').pop() ?? name)),
);

// --- syntactic --------------------------------------------------------------------------------

const MAX_DEPTH = 8;

/**
 * What a function must be written with for the syntactic detector to see it return a promise:
 * `async`, or a `Promise<T>`/`PromiseLike<T>` return type.
 */
const PROMISE_FUNCTION_WORDS = ['async', 'Promise'];

/**
 * Every source of a promise the syntactic detector knows needs one of these in the text: those
 * functions, the global `Promise` or an annotation naming it, `fetch`, and the last part of each
 * module of PROMISE_RETURNING_EXPORTS (`fs/promises` and `fs.promises` both hold `promises`;
 * `events`). `import()` is searched for on its own (`mentionsDynamicImport`).
 */
const PROMISE_SOURCE_WORDS = [
  ...new Set([
    ...PROMISE_FUNCTION_WORDS,
    'fetch',
    ...Object.keys(PROMISE_RETURNING_EXPORTS).map((module) => module.split(/[:/]/).pop() ?? module),
  ]),
];

function createSyntacticDetector(sourceCode: SourceCode): PromiseDetector {
  // Not memoized: each answer is a few property reads and a scope lookup, cheaper than keeping
  // it in a map for every node asked about.
  const isPromiseValued = (node: TSESTree.Node): boolean => promiseValued(node, 0);
  const isPromiseArray = (node: TSESTree.Node): boolean => promiseArray(node, 0);
  const isPromiseReturningFunction = (node: TSESTree.Node): boolean => returnsPromise(node, 0);
  // The names of the members the file's own types declare to return a promise: most calls are
  // of other names, and looking up each receiver's declaration costs. Only a file in TypeScript's
  // syntax that names `Promise` can declare one.
  let promiseMemberNames: ReadonlySet<string> | undefined;
  const getPromiseMemberNames = (): ReadonlySet<string> => {
    if (promiseMemberNames) return promiseMemberNames;
    const names = new Set<string>();
    if ('TSInterfaceDeclaration' in sourceCode.visitorKeys && mentionsAny(sourceCode, ['Promise'])) {
      collectPromiseMemberNames(sourceCode.ast.body, names);
    }
    return (promiseMemberNames = names);
  };

  function promiseValued(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    switch (node.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        return promiseValued(node.expression, depth + 1);
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        return isPromiseTypeAnnotation(node.typeAnnotation);
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return valuePartsOf(node).some((part) => promiseValued(part, depth + 1));
      case AST_NODE_TYPES.SequenceExpression:
        return promiseValued(node.expressions[node.expressions.length - 1] ?? node, depth + 1);
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === '=' && promiseValued(node.right, depth + 1);
      case AST_NODE_TYPES.ImportExpression:
        return true;
      case AST_NODE_TYPES.NewExpression:
        return isGlobalReference(sourceCode, node.callee, 'Promise');
      case AST_NODE_TYPES.CallExpression:
        return isPromiseCall(node, depth);
      case AST_NODE_TYPES.Identifier:
        return identifierHoldsPromise(node, depth);
      default:
        return false;
    }
  }

  function isPromiseCall(call: TSESTree.CallExpression, depth: number): boolean {
    const callee = skipTypeWrappers(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
      const method = callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '';
      // Chaining on a promise gives a promise; chaining on an unknown object (a Cypress
      // chainable, a query builder) tells nothing.
      if (method === 'then' || method === 'catch' || method === 'finally') {
        return promiseValued(callee.object, depth + 1);
      }
      if (isGlobalReference(sourceCode, callee.object, 'Promise')) return PROMISE_STATICS.has(method);
    }
    if (isGlobalReference(sourceCode, callee, 'fetch')) return true;
    if (returnsPromise(callee, depth + 1)) return true;
    if (callee.type === AST_NODE_TYPES.MemberExpression && !PROMISE_RETURNING_METHOD_NAMES.has(getStaticPropertyName(callee) ?? '')) {
      return false;
    }
    const member = resolveMemberOf(sourceCode, callee, PROMISE_API_MODULES);
    return member !== null && PROMISE_RETURNING_EXPORTS[member.module]?.has(member.path.join('.')) === true;
  }

  function identifierHoldsPromise(node: TSESTree.Identifier, depth: number): boolean {
    const variable = findConstantVariable(sourceCode, node);
    const definition = variable?.defs[0];
    if (!definition) return false;
    if (definition.type === 'Parameter') {
      return isPromiseTypeAnnotation(typeAnnotationOf(definition.name));
    }
    if (definition.type !== 'Variable' || definition.node.id !== definition.name) return false;
    const annotation = typeAnnotationOf(definition.name);
    if (annotation) return isPromiseTypeAnnotation(annotation);
    return definition.node.init !== null && promiseValued(definition.node.init, depth + 1);
  }

  /** Whether calling `callee` returns a promise, judged by the function it is bound to. */
  function returnsPromise(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const callee = skipTypeWrappers(node);
    if (isFunctionNode(callee)) return functionReturnsPromise(callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return bindingReturnsPromise(callee, depth);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.ThisExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier
    ) {
      return classMethodReturnsPromise(callee, callee.property.name);
    }
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      getPromiseMemberNames().has(getStaticPropertyName(callee) ?? '')
    ) {
      return declaredMemberReturnsPromise(callee, callee.object);
    }
    return false;
  }

  /**
   * `api.load()`, where `api` is annotated with a type this file declares at its top level or in
   * a namespace (an interface, a type alias of a type literal, or a class, neither generic nor
   * extending another): what the member is declared to return. Every overload must say promise.
   */
  function declaredMemberReturnsPromise(member: TSESTree.MemberExpression, object: TSESTree.Identifier): boolean {
    const name = member.computed ? null : getStaticPropertyName(member);
    const annotation = name === null ? undefined : getDeclaredAnnotation(findConstantVariable(sourceCode, object)?.defs[0]);
    const declared = annotation ? spelledOutMembers(annotation)?.filter((element) => memberName(element) === name) : undefined;
    return !!declared?.length && declared.every(declaresPromiseReturn);
  }

  function spelledOutMembers(annotation: TSESTree.TypeNode): readonly (TSESTree.TypeElement | TSESTree.ClassElement)[] | null {
    if (annotation.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier || annotation.typeArguments) {
      return null;
    }
    const variable = findVariableOf(sourceCode, annotation.typeName);
    const declaration = variable?.defs.length === 1 ? variable.defs[0]?.node : undefined;
    return declaration ? ownMembersOf(declaration) : null;
  }

  function bindingReturnsPromise(node: TSESTree.Identifier, depth: number): boolean {
    const variable = findConstantVariable(sourceCode, node);
    const definition = variable?.defs[0];
    if (!definition) return false;
    switch (definition.type) {
      case 'FunctionName':
        // A function with a body, or `declare function load(): Promise<Item>` (overloaded names,
        // declared more than once, are not constant variables).
        return (
          (isFunctionNode(definition.node) || definition.node.type === AST_NODE_TYPES.TSDeclareFunction) &&
          functionReturnsPromise(definition.node)
        );
      case 'Parameter':
        return isPromiseFunctionType(typeAnnotationOf(definition.name));
      case 'Variable': {
        if (definition.node.id !== definition.name) return false;
        const annotation = typeAnnotationOf(definition.name);
        if (annotation) return isPromiseFunctionType(annotation);
        return definition.node.init !== null && returnsPromise(definition.node.init, depth + 1);
      }
      default:
        return false;
    }
  }

  // A class's promise-returning members, by name, read once per class: a class calls its own
  // methods through `this` many times over.
  const promiseMembersByClass = new Map<TSESTree.ClassBody, { instance: Set<string>; static: Set<string> }>();

  function classMethodReturnsPromise(member: TSESTree.MemberExpression, name: string): boolean {
    const owner = findThisOwner(member);
    if (!owner) return false;
    let members = promiseMembersByClass.get(owner.classBody);
    if (!members) {
      members = { instance: new Set(), static: new Set() };
      for (const element of owner.classBody.body) {
        const key = memberName(element);
        if (key !== null && declaresPromiseReturn(element)) ('static' in element && element.static ? members.static : members.instance).add(key);
      }
      promiseMembersByClass.set(owner.classBody, members);
    }
    return (owner.isStatic ? members.static : members.instance).has(name);
  }

  function promiseArray(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const target = skipTypeWrappers(node);
    switch (target.type) {
      case AST_NODE_TYPES.ArrayExpression:
        return target.elements.some(
          (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && promiseValued(element, depth + 1),
        );
      case AST_NODE_TYPES.CallExpression: {
        const callee = skipTypeWrappers(target.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return false;
        const method = callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '';
        const mapper =
          method === 'map' || method === 'flatMap'
            ? target.arguments[0]
            : method === 'from' && isGlobalReference(sourceCode, callee.object, 'Array')
              ? target.arguments[1]
              : undefined;
        return mapper !== undefined && returnsPromise(mapper, depth + 1);
      }
      case AST_NODE_TYPES.Identifier: {
        const variable = findConstantVariable(sourceCode, target);
        const definition = variable?.defs[0];
        return (
          definition?.type === 'Variable' &&
          definition.node.id === definition.name &&
          definition.node.init !== null &&
          promiseArray(definition.node.init, depth + 1)
        );
      }
      default:
        return false;
    }
  }

  // Everything the syntactic detector recognizes is a native promise.
  return {
    typeAware: false,
    mayFindPromises: mentionsAny(sourceCode, PROMISE_SOURCE_WORDS) || mentionsDynamicImport(sourceCode),
    mayFindPromiseReturningFunctions: mentionsAny(sourceCode, PROMISE_FUNCTION_WORDS),
    isPromiseValued,
    isPromiseArray,
    isArrayValued: () => false,
    isPromiseReturningFunction,
    returnsPromiseByDeclaration: (node) => returnsPromiseVisibly(sourceCode, node),
    isEagerPromise: isPromiseValued,
    hasCatchMethod: () => true,
  };
}

/** The class whose instance (or constructor, for static members) `this` refers to at `node`. */
function findThisOwner(node: TSESTree.Node): { classBody: TSESTree.ClassBody; isStatic: boolean } | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return null;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const method = current.parent;
      if (
        (method.type === AST_NODE_TYPES.MethodDefinition || method.type === AST_NODE_TYPES.PropertyDefinition) &&
        method.parent.type === AST_NODE_TYPES.ClassBody
      ) {
        return { classBody: method.parent, isStatic: method.static };
      }
      return null;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition && current.parent.type === AST_NODE_TYPES.ClassBody) {
      return { classBody: current.parent, isStatic: current.static };
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) {
      return { classBody: current.parent, isStatic: true };
    }
  }
  return null;
}

/**
 * The members a declaration spells out itself: an interface's, a type alias's type literal's, a
 * class's instance members. `null` for anything generic or built on another type, whose members
 * the file does not show in full.
 */
function ownMembersOf(declaration: TSESTree.Node): readonly (TSESTree.TypeElement | TSESTree.ClassElement)[] | null {
  switch (declaration.type) {
    case AST_NODE_TYPES.TSInterfaceDeclaration:
      return declaration.typeParameters || declaration.extends.length > 0 ? null : declaration.body.body;
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
      return !declaration.typeParameters && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral ? declaration.typeAnnotation.members : null;
    case AST_NODE_TYPES.ClassDeclaration:
      return declaration.typeParameters || declaration.superClass || declaration.implements.length > 0
        ? null
        : declaration.body.body.filter((element) => !('static' in element && element.static));
    default:
      return null;
  }
}

/**
 * Adds the names of the members that the types declared among `statements` (and in their
 * namespaces and exports) say return a promise.
 */
function collectPromiseMemberNames(statements: readonly TSESTree.Node[], names: Set<string>): void {
  for (const statement of statements) {
    const declaration =
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) && statement.declaration
        ? statement.declaration
        : statement;
    if (declaration.type === AST_NODE_TYPES.TSModuleDeclaration) {
      if (declaration.body?.type === AST_NODE_TYPES.TSModuleBlock) collectPromiseMemberNames(declaration.body.body, names);
      continue;
    }
    for (const member of ownMembersOf(declaration) ?? []) {
      const name = memberName(member);
      if (name !== null && declaresPromiseReturn(member)) names.add(name);
    }
  }
}

/** The name a type or class member is declared under, when it is written as a plain name or a string. */
function memberName(element: TSESTree.TypeElement | TSESTree.ClassElement): string | null {
  if (!('key' in element) || element.computed) return null;
  if (element.key.type === AST_NODE_TYPES.Identifier) return element.key.name;
  return element.key.type === AST_NODE_TYPES.Literal && typeof element.key.value === 'string' ? element.key.value : null;
}

/** A member declared to return a promise: a method signature or method, or a property holding such a function. */
function declaresPromiseReturn(element: TSESTree.TypeElement | TSESTree.ClassElement): boolean {
  switch (element.type) {
    case AST_NODE_TYPES.TSMethodSignature:
      return element.kind === 'method' && isPromiseTypeAnnotation(element.returnType?.typeAnnotation);
    case AST_NODE_TYPES.TSPropertySignature:
      return isPromiseFunctionType(element.typeAnnotation?.typeAnnotation);
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.TSAbstractMethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return memberReturnsPromise(element);
    default:
      return false;
  }
}

/** A method, or a property holding a function, that the class declares to return a promise. */
function memberReturnsPromise(
  element: TSESTree.MethodDefinition | TSESTree.TSAbstractMethodDefinition | TSESTree.PropertyDefinition,
): boolean {
  if (element.type === AST_NODE_TYPES.PropertyDefinition) {
    if (element.typeAnnotation) return isPromiseFunctionType(element.typeAnnotation.typeAnnotation);
    return element.value !== null && isFunctionNode(element.value) && functionReturnsPromise(element.value);
  }
  return element.kind === 'method' && functionReturnsPromise(element.value);
}

function functionReturnsPromise(node: FunctionNode | TSESTree.TSEmptyBodyFunctionExpression | TSESTree.TSDeclareFunction): boolean {
  if (node.generator) return false;
  if (node.returnType) return isPromiseTypeAnnotation(node.returnType.typeAnnotation);
  return node.async;
}

const PROMISE_TYPE_NAMES = new Set(['Promise', 'PromiseLike']);

/** What promises and arrays have, by name (their symbol-keyed members aside). */
const PROMISE_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Promise.prototype));
const ARRAY_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Array.prototype));

/** A member not among `members`, nor symbol-keyed (`__@iterator@12` to the checker). */
function isMemberOutside(property: ts.Symbol, members: ReadonlySet<string>): boolean {
  const name = property.getName();
  return !members.has(name) && !name.startsWith('__@');
}

function isPromiseTypeAnnotation(node: TSESTree.TypeNode | undefined): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.TSUnionType) return node.types.some(isPromiseTypeAnnotation);
  return (
    node.type === AST_NODE_TYPES.TSTypeReference &&
    node.typeName.type === AST_NODE_TYPES.Identifier &&
    PROMISE_TYPE_NAMES.has(node.typeName.name)
  );
}

function isPromiseFunctionType(node: TSESTree.TypeNode | undefined): boolean {
  if (node?.type === AST_NODE_TYPES.TSUnionType) return node.types.some(isPromiseFunctionType);
  return node?.type === AST_NODE_TYPES.TSFunctionType && isPromiseTypeAnnotation(node.returnType?.typeAnnotation);
}
