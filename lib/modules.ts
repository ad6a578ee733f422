import { isBuiltin } from 'node:module';

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode } from './functions.js';
import { memoizeByObject } from './memoize.js';
import { detachFromSource, mentionsDynamicImport } from './source-text.js';

/**
 * An export of a module, as reached from the code: `module` is normalized (`fs` and `node:fs`
 * are both `node:fs`), `path` is the chain of properties below the module object
 * (`fs.promises.readFile` → `['promises', 'readFile']`; the module object itself is `[]`).
 */
export interface ModuleMember {
  module: string;
  path: readonly string[];
}

/** Submodules that Node also exposes as a property of their parent (`fs.promises`). */
const SUBMODULE_PROPERTIES: Readonly<Record<string, string>> = {
  'node:fs.promises': 'node:fs/promises',
  'node:dns.promises': 'node:dns/promises',
  'node:stream.promises': 'node:stream/promises',
  'node:timers.promises': 'node:timers/promises',
  'node:readline.promises': 'node:readline/promises',
};

// Guards against `const a = b, b = a`-style cycles and pathological alias chains.
const MAX_ALIAS_DEPTH = 8;

const DOT = 0x2e;
const SLASH = 0x2f;

export function normalizeModuleName(source: string): string {
  // A relative or absolute path names no built-in; most specifiers are such paths, each named by
  // a few files only, and are not worth keeping.
  const first = source.charCodeAt(0);
  if (first === DOT || first === SLASH) return source;
  let normalized = normalizedModuleNames.get(source);
  if (normalized === undefined) {
    const key = detachFromSource(source);
    const bare = key.startsWith('node:') ? key.slice(5) : key;
    normalized = isBuiltin(key) || isBuiltin(bare) ? `node:${bare}` : key;
    normalizedModuleNames.set(key, normalized);
  }
  return normalized;
}

// Every file's imports are normalized, and a project names the same few hundred modules over
// and over; `isBuiltin` is no lookup but a string check against Node's own list, twice.
const normalizedModuleNames = new Map<string, string>();

/** Folds `fs` + `['promises', 'readFile']` into `node:fs/promises` + `['readFile']`. */
function canonicalize(member: ModuleMember): ModuleMember {
  // Only a built-in's `promises` property names a submodule.
  if (member.path.length === 0 || member.path[0] !== 'promises' || !member.module.startsWith('node:')) return member;
  const submodule = SUBMODULE_PROPERTIES[`${member.module}.promises`];
  return submodule ? { module: submodule, path: member.path.slice(1) } : member;
}

/**
 * The variable an identifier refers to. Looked up by name from the identifier's own scope:
 * `findVariable` given the node instead searches the scope's children for the innermost one,
 * which is linear in the number of functions in that scope (quadratic over a file with
 * thousands of top-level callbacks).
 */
export function findVariableOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
}

/** Whether `node` is `name` and refers to the global of that name (not a local binding). */
export function isGlobalReference(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  name?: string,
): node is TSESTree.Identifier {
  if (node.type !== AST_NODE_TYPES.Identifier || (name !== undefined && node.name !== name)) {
    return false;
  }
  const variable = findVariableOf(sourceCode, node);
  return variable === null || variable.defs.length === 0;
}

/** Whether `name`, written where `at` stands, would refer to the global of that name. */
export function isGlobalName(sourceCode: Readonly<TSESLint.SourceCode>, at: TSESTree.Node, name: string): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(at), name);
  return variable === null || variable.defs.length === 0;
}

/** The single variable `node` refers to, when it is bound once and never reassigned. */
export function findConstantVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Identifier,
): TSESLint.Scope.Variable | null {
  const variable = findVariableOf(sourceCode, node);
  if (!variable || variable.defs.length !== 1) return null;
  return isReassigned(variable) ? null : variable;
}

// A function called in every statement of a long file has as many references: scan them once.
const reassignment = new WeakMap<TSESLint.Scope.Variable, boolean>();

function isReassigned(variable: TSESLint.Scope.Variable): boolean {
  // An import or a `const` keeps its value: assigning to one throws. Not kept in the map, whose
  // entries the garbage collector must trace like every weak key.
  const definition = variable.defs[0];
  if (definition?.type === 'ImportBinding' || (definition?.type === 'Variable' && definition.parent.kind === 'const')) return false;
  let reassigned = reassignment.get(variable);
  if (reassigned === undefined) {
    reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
    reassignment.set(variable, reassigned);
  }
  return reassigned;
}

export function getStaticPropertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : null;
  }
  return getStaticKey(node.property);
}

function getStaticKey(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.ChainExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * Resolves an expression to the module export it denotes, following `import` (default,
 * namespace, named, renamed), `require` (assigned, destructured, inline), `import x = require()`,
 * `await import()`, and constant aliases (`const read = fs.readFileSync`).
 */
export function resolveModuleMember(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): ModuleMember | null {
  const member = resolve(sourceCode, node, 0);
  return member ? canonicalize(member) : null;
}

function resolve(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  depth: number,
): ModuleMember | null {
  if (depth > MAX_ALIAS_DEPTH) return null;
  const target = skipTypeWrappers(node);
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(sourceCode, target, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const property = getStaticPropertyName(target);
      if (property === null) return null;
      const object = resolve(sourceCode, target.object, depth + 1);
      return object ? canonicalize({ module: object.module, path: [...object.path, property] }) : null;
    }
    case AST_NODE_TYPES.CallExpression:
      return resolveRequireCall(sourceCode, target);
    case AST_NODE_TYPES.AwaitExpression:
      return target.argument.type === AST_NODE_TYPES.ImportExpression
        ? moduleFromSpecifier(target.argument.source)
        : null;
    default:
      return null;
  }
}

function moduleFromSpecifier(node: TSESTree.Node): ModuleMember | null {
  const source = getStaticKey(node);
  return source === null ? null : { module: normalizeModuleName(source), path: [] };
}

function resolveRequireCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): ModuleMember | null {
  const [argument] = call.arguments;
  if (call.arguments.length !== 1 || !argument || !isGlobalReference(sourceCode, call.callee, 'require')) {
    return null;
  }
  return moduleFromSpecifier(argument);
}

/** What one file's module bindings resolve to, worked out once per file and shared by the rules. */
interface FileModuleBindings {
  /**
   * The names the file binds in a way `resolveIdentifier` can follow to a module: imports, and
   * variables initialized with a name, a property, `require(…)` or `await import(…)`. The callees
   * of most calls (local functions, results of other calls) are ruled out by name before their
   * scope is looked up.
   */
  names: ReadonlySet<string>;
  /** The module export each such variable holds, once asked (`null`: none). */
  resolved: Map<TSESLint.Scope.Variable, ModuleMember | null>;
}

/**
 * Where modules enter one file: its import declarations (`import`, `import x = require()`) and
 * its calls of the global `require`, and the modules they name.
 */
interface FileModuleSources {
  imports: readonly (TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration)[];
  requires: readonly TSESTree.CallExpression[];
  /**
   * The modules the file imports or requires by name, normalized; `null` when it also imports
   * dynamically, which `resolve` follows without any binding (`(await import(m)).x`).
   */
  modules: ReadonlySet<string> | null;
}

/**
 * Read from the declarations and the global `require`'s references alone, without looking up any
 * variable: rules ask at `create` whether a file reaches their modules at all, and most files'
 * answer needs no more.
 */
const moduleSourcesOf = memoizeByObject((sourceCode: Readonly<TSESLint.SourceCode>): FileModuleSources => {
  const imports: FileModuleSources['imports'][number][] = [];
  const modules = new Set<string>();
  forEachImport(sourceCode.ast.body, (declaration) => {
    imports.push(declaration);
    const module =
      declaration.type === AST_NODE_TYPES.ImportDeclaration
        ? normalizeModuleName(declaration.source.value)
        : declaration.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
          ? moduleFromSpecifier(declaration.moduleReference.expression)?.module
          : undefined;
    if (module) modules.add(module);
  });
  const requires = findGlobalCalls(sourceCode, 'require', { method: false });
  for (const call of requires) {
    const module = call.arguments.length === 1 && call.arguments[0] ? moduleFromSpecifier(call.arguments[0])?.module : undefined;
    if (module) modules.add(module);
  }
  return { imports, requires, modules: mentionsDynamicImport(sourceCode) ? null : modules };
});

const moduleBindingsOf = memoizeByObject((sourceCode: Readonly<TSESLint.SourceCode>): FileModuleBindings => {
  const names = new Set<string>();
  const found = new Set<TSESLint.Scope.Variable>();
  const pending: TSESLint.Scope.Variable[] = [];
  const addDeclaredBy = (node: TSESTree.Node): void => {
    for (const variable of sourceCode.getDeclaredVariables(node)) {
      if (found.has(variable)) continue;
      found.add(variable);
      names.add(variable.name);
      pending.push(variable);
    }
  };
  // Found from where modules enter the file, not by scanning every variable: imports, the
  // holders of `require(…)` and `await import(…)`, and then whatever is initialized from a name
  // already found (`const { readFile } = fs.promises`), by following that name's references.
  const sources = moduleSourcesOf(sourceCode);
  for (const declaration of sources.imports) {
    if (declaration.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const specifier of declaration.specifiers) addDeclaredBy(specifier);
    } else if (declaration.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      addDeclaredBy(declaration);
    }
  }
  for (const call of sources.requires) {
    const declarator = findDeclaratorInitializedFrom(call);
    if (declarator) addDeclaredBy(declarator);
  }
  if (sources.modules === null) {
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      for (const variable of scope.variables) {
        const definition = variable.defs[0];
        if (definition?.type === 'Variable' && definition.node.init && isDynamicImportRooted(definition.node.init)) {
          addDeclaredBy(definition.node);
        }
      }
    }
  }
  for (let variable = pending.pop(); variable; variable = pending.pop()) {
    for (const reference of variable.references) {
      const declarator = findDeclaratorInitializedFrom(reference.identifier);
      if (declarator) addDeclaredBy(declarator);
    }
  }
  return { names, resolved: new Map() };
});

/** Every import declaration among `statements`, and in the namespaces they declare. */
function forEachImport(
  statements: readonly TSESTree.Node[],
  visit: (declaration: TSESTree.ImportDeclaration | TSESTree.TSImportEqualsDeclaration) => void,
): void {
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      visit(statement);
    } else if (statement.type === AST_NODE_TYPES.TSModuleDeclaration) {
      // `namespace N { import fs = require('fs'); }`
      if (statement.body) forEachImport(statement.body.body, visit);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration) {
      // `export import fs = require('fs');`, `export namespace N { … }`
      forEachImport([statement.declaration], visit);
    }
  }
}

/** The module each submodule of SUBMODULE_PROPERTIES is a property of (`node:fs/promises` → `node:fs`). */
const PARENT_MODULES: ReadonlyMap<string, string> = new Map(
  Object.entries(SUBMODULE_PROPERTIES).map(([property, submodule]) => [submodule, property.slice(0, property.lastIndexOf('.'))]),
);

/**
 * Whether `resolveModuleMember` may find an export of one of `modules` (normalized) in this
 * file: it imports or requires one of them (or the module one is a property of, `node:fs` for
 * `node:fs/promises`), or imports dynamically. A rule that only reports such exports needs no
 * listeners otherwise.
 */
export function mayReachModules(sourceCode: Readonly<TSESLint.SourceCode>, modules: Iterable<string>): boolean {
  const imported = moduleSourcesOf(sourceCode).modules;
  if (imported === null) return true;
  for (const module of modules) {
    if (imported.has(module)) return true;
    const parent = PARENT_MODULES.get(module);
    if (parent !== undefined && imported.has(parent)) return true;
  }
  return false;
}

/**
 * `resolveModuleMember` for a caller that wants exports of `modules` (normalized) only. In a file
 * that reaches none of them (see `mayReachModules`) no name is looked up: most files import none of
 * the few modules such a caller knows, and the answer is kept per file and set of modules.
 */
export function resolveMemberOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  modules: ReadonlySet<string>,
): ModuleMember | null {
  const reached = reachedModuleSets(sourceCode);
  let reaches = reached.get(modules);
  if (reaches === undefined) {
    reaches = mayReachModules(sourceCode, modules);
    reached.set(modules, reaches);
  }
  if (!reaches) return null;
  const member = resolveModuleMember(sourceCode, node);
  return member && modules.has(member.module) ? member : null;
}

const reachedModuleSets = memoizeByObject(
  (_sourceCode: Readonly<TSESLint.SourceCode>) => new Map<ReadonlySet<string>, boolean>(),
);

/**
 * Whether code may call an entry of `catalogue` (exports of modules, and globals as module
 * `global`) in this file, as far as its text and imports show: a global's name appears, or one
 * of the modules is reached (see `mayReachModules`).
 */
export function mayUseCatalogue(sourceCode: Readonly<TSESLint.SourceCode>, catalogue: readonly CatalogueEntry[]): boolean {
  const { globals, modules } = catalogueSourcesOf(catalogue);
  return globals.some((name) => findGlobalReferences(sourceCode, name).length > 0) || mayReachModules(sourceCode, modules);
}

interface CatalogueEntry {
  /** A normalized module, or `global`. */
  module: string;
  name: string;
}

/** A catalogue's globals (the root of `Atomics.wait`) and its distinct modules. */
const catalogueSourcesOf = memoizeByObject((catalogue: readonly CatalogueEntry[]) => ({
  globals: [...new Set(catalogue.filter((entry) => entry.module === 'global').map((entry) => entry.name.split('.')[0] ?? entry.name))],
  modules: [...new Set(catalogue.filter((entry) => entry.module !== 'global').map((entry) => entry.module))],
}));

/**
 * The declarator `node` initializes, directly or as the root of a property chain
 * (`const read = fs.promises.readFile`): the shapes `resolve` follows from a name.
 */
function findDeclaratorInitializedFrom(node: TSESTree.Node): TSESTree.VariableDeclarator | null {
  let current = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== current) return null;
        continue;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        continue;
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.init === current ? parent : null;
      default:
        return null;
    }
  }
  return null;
}

/** `await import('x')`, or a property chain on it. */
function isDynamicImportRooted(init: TSESTree.Node): boolean {
  let target = skipTypeWrappers(init);
  while (target.type === AST_NODE_TYPES.MemberExpression) target = skipTypeWrappers(target.object);
  return target.type === AST_NODE_TYPES.AwaitExpression && target.argument.type === AST_NODE_TYPES.ImportExpression;
}

/**
 * The calls of the global `name` anywhere in the file, found from its references rather than by
 * visiting every call: `clearTimeout(…)`, or with `method`, `Promise.all(…)` and the like.
 */
export function findGlobalCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
  { method }: { method: boolean },
): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const { identifier } of findGlobalReferences(sourceCode, name)) {
    let callee: TSESTree.Node = identifier;
    if (method) {
      if (identifier.parent?.type !== AST_NODE_TYPES.MemberExpression || identifier.parent.object !== identifier) continue;
      callee = identifier.parent;
    }
    const call = callee.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) calls.push(call);
  }
  return calls;
}

/**
 * The references to the global `name` anywhere in the file: unresolved ones, and those of a
 * global the scope manager declares without a definition (the standard library's, with types).
 */
export function findGlobalReferences(sourceCode: Readonly<TSESLint.SourceCode>, name: string): readonly TSESLint.Scope.Reference[] {
  const unresolved = unresolvedReferencesOf(sourceCode).get(name) ?? [];
  const variable = sourceCode.scopeManager?.globalScope?.set.get(name);
  return variable && variable.defs.length === 0 && variable.references.length > 0 ? [...unresolved, ...variable.references] : unresolved;
}

/** The references no scope of the file declares, by name: indexed once, asked about by several rules. */
const unresolvedReferencesOf = memoizeByObject((sourceCode: Readonly<TSESLint.SourceCode>) => {
  const byName = new Map<string, TSESLint.Scope.Reference[]>();
  for (const reference of sourceCode.scopeManager?.globalScope?.through ?? []) {
    const { name } = reference.identifier;
    const references = byName.get(name);
    if (references) references.push(reference);
    else byName.set(name, [reference]);
  }
  return byName;
});

/**
 * Whether `identifier` may name a module export (an import, or a variable `resolveModuleMember`
 * follows), judged by its name alone: `false` means resolving it would give `null`.
 */
export function mayNameModuleMember(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  return moduleBindingsOf(sourceCode).names.has(identifier.name);
}

function resolveIdentifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Identifier,
  depth: number,
): ModuleMember | null {
  const bindings = moduleBindingsOf(sourceCode);
  if (!bindings.names.has(node.name)) return null;
  const variable = findConstantVariable(sourceCode, node);
  if (!variable) return null;
  let member = bindings.resolved.get(variable);
  if (member === undefined) {
    // Marked first, so that a cycle of aliases (`const a = b.x, b = a.y`) resolves to nothing.
    bindings.resolved.set(variable, null);
    member = resolveVariable(sourceCode, variable, depth);
    bindings.resolved.set(variable, member);
  }
  return member;
}

function resolveVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  variable: TSESLint.Scope.Variable,
  depth: number,
): ModuleMember | null {
  const definition = variable.defs[0];
  if (!definition) return null;

  if (definition.type === 'ImportBinding') {
    const declaration = definition.node;
    if (declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = declaration.moduleReference;
      return reference.type === AST_NODE_TYPES.TSExternalModuleReference
        ? moduleFromSpecifier(reference.expression)
        : null;
    }
    const importDeclaration = declaration.parent;
    if (importDeclaration.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    const module = normalizeModuleName(importDeclaration.source.value);
    // A Node built-in's default export is its CommonJS `module.exports`: the namespace itself.
    const builtin = module.startsWith('node:');
    switch (declaration.type) {
      case AST_NODE_TYPES.ImportNamespaceSpecifier:
        return { module, path: [] };
      case AST_NODE_TYPES.ImportDefaultSpecifier:
        return { module, path: builtin ? [] : ['default'] };
      case AST_NODE_TYPES.ImportSpecifier: {
        const imported =
          declaration.imported.type === AST_NODE_TYPES.Identifier
            ? declaration.imported.name
            : declaration.imported.value;
        return { module, path: builtin && imported === 'default' ? [] : [imported] };
      }
    }
  }

  if (definition.type === 'Variable') {
    const declarator = definition.node;
    if (!declarator.init) return null;
    const keys = findPatternPath(declarator.id, definition.name);
    if (!keys) return null;
    const base = resolve(sourceCode, declarator.init, depth + 1);
    return base ? canonicalize({ module: base.module, path: [...base.path, ...keys] }) : null;
  }
  return null;
}

/** The property keys leading from a destructuring pattern's root to `name` (`[]` for the root). */
function findPatternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | null {
  if (pattern === name) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return findPatternPath(pattern.left, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed
      ? getStaticKey(property.key)
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : getStaticKey(property.key);
    if (key === null) continue;
    const rest = findPatternPath(property.value, name);
    if (rest) return [key, ...rest];
  }
  return null;
}

/**
 * The function `node` denotes: itself, or the function a constant binding holds
 * (`function f() {}`, `const f = async () => {}`); `null` when the code does not show it.
 */
export function findFunctionDefinition(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): FunctionNode | null {
  const target = skipTypeWrappers(node);
  if (isFunctionNode(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return null;
  const definition = findConstantVariable(sourceCode, target)?.defs[0];
  if (definition?.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
  if (definition?.type === 'Variable' && definition.node.id === definition.name && definition.node.init) {
    const init = skipTypeWrappers(definition.node.init);
    return isFunctionNode(init) ? init : null;
  }
  return null;
}
