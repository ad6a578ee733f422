import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { normalizeModuleName, resolveModuleMember } from './modules.js';

/** A named export a fix needs in scope, with the specifier to import it by. */
export interface NeededImport {
  /** As it will be written: `node:fs/promises`. */
  source: string;
  name: string;
}

export interface ImportPlan {
  /** The expression that names each needed export where the fix uses it. */
  locals: string[];
  fixes(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
}

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Makes each needed export available at `at`: reuses a binding the file already has (an import
 * or a `require`, under any local name), or adds one in the file's own module style, adding to
 * an existing import of the same module where there is one. `null` when a name is taken and no
 * free alternative exists.
 */
export function planImports(sourceCode: SourceCode, at: TSESTree.Node, needs: readonly NeededImport[]): ImportPlan | null {
  const program = sourceCode.ast;
  // A file that already requires its modules keeps doing so, even when parsed as a module.
  const isModule =
    program.body.some(isImportDeclaration) ||
    (program.sourceType === 'module' && findImportAnchor(sourceCode, false) === undefined);
  const locals: string[] = [];
  const additions = new Map<string, { name: string; local: string }[]>();
  const taken = new Set<string>();

  for (const need of needs) {
    const existing = findExistingBinding(sourceCode, at, need);
    if (existing) {
      locals.push(existing);
      continue;
    }
    const local = [need.name, `${need.name}Async`].find((candidate) => !taken.has(candidate) && isFreeName(sourceCode, at, candidate));
    if (!local) return null;
    taken.add(local);
    locals.push(local);
    const list = additions.get(need.source) ?? [];
    list.push({ name: need.name, local });
    additions.set(need.source, list);
  }

  return {
    locals,
    fixes(fixer) {
      const fixes: TSESLint.RuleFix[] = [];
      const newDeclarations: string[] = [];
      for (const [source, names] of additions) {
        const specifiers = names.map(({ name, local }) => (isModule ? (name === local ? name : `${name} as ${local}`) : name === local ? name : `${name}: ${local}`));
        const target = isModule ? findNamedImport(program, source) : undefined;
        const last = target?.specifiers[target.specifiers.length - 1];
        if (last) fixes.push(fixer.insertTextAfter(last, `, ${specifiers.join(', ')}`));
        else if (isModule) newDeclarations.push(`import { ${specifiers.join(', ')} } from '${source}';`);
        else newDeclarations.push(`const { ${specifiers.join(', ')} } = require('${source}');`);
      }
      if (newDeclarations.length > 0) {
        const anchor = findImportAnchor(sourceCode, isModule);
        const text = newDeclarations.join('\n');
        fixes.push(anchor ? fixer.insertTextAfter(anchor, `\n${text}`) : fixer.insertTextBeforeRange([firstStatementStart(program), firstStatementStart(program)], `${text}\n`));
      }
      return fixes;
    },
  };
}

function isImportDeclaration(node: TSESTree.Node): node is TSESTree.ImportDeclaration {
  return node.type === AST_NODE_TYPES.ImportDeclaration;
}

/** A binding in module scope, visible at `at`, that denotes the needed export. */
function findExistingBinding(sourceCode: SourceCode, at: TSESTree.Node, need: NeededImport): string | null {
  const module = normalizeModuleName(need.source);
  const scope = sourceCode.getScope(at);
  for (const node of sourceCode.ast.body) {
    const declaration = node.type === AST_NODE_TYPES.ExportNamedDeclaration ? node.declaration : node;
    if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration && declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const variable of sourceCode.getDeclaredVariables(declaration)) {
      const identifier = variable.identifiers[0];
      if (!identifier || ASTUtils.findVariable(scope, variable.name) !== variable) continue;
      const member = resolveModuleMember(sourceCode, identifier);
      if (member?.module !== module) continue;
      if (member.path.length === 1 && member.path[0] === need.name) return variable.name;
      if (member.path.length === 0) return `${variable.name}.${need.name}`;
    }
  }
  return null;
}

function isFreeName(sourceCode: SourceCode, at: TSESTree.Node, name: string): boolean {
  if (ASTUtils.findVariable(sourceCode.getScope(at), name)) return false;
  // A name used but not declared anywhere would be captured by a new import.
  return !sourceCode.scopeManager?.globalScope?.through.some((reference) => reference.identifier.name === name);
}

function findNamedImport(program: TSESTree.Program, source: string): TSESTree.ImportDeclaration | undefined {
  const module = normalizeModuleName(source);
  return program.body.find(
    (node): node is TSESTree.ImportDeclaration =>
      isImportDeclaration(node) &&
      node.importKind !== 'type' &&
      normalizeModuleName(node.source.value) === module &&
      node.specifiers.length > 0 &&
      node.specifiers.every((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
  );
}

/** The statement new imports go after: the last import, or the last top-level `require`. */
function findImportAnchor(sourceCode: SourceCode, isModule: boolean): TSESTree.Node | undefined {
  const body = sourceCode.ast.body;
  if (isModule) return body.filter(isImportDeclaration).pop();
  return body
    .filter(
      (node) =>
        node.type === AST_NODE_TYPES.VariableDeclaration &&
        node.declarations.some((declarator) => declarator.init && resolveModuleMember(sourceCode, declarator.init)?.path.length === 0),
    )
    .pop();
}

function firstStatementStart(program: TSESTree.Program): number {
  // After directives such as 'use strict', which must stay first.
  const firstNonDirective = program.body.find(
    (node) => !(node.type === AST_NODE_TYPES.ExpressionStatement && node.directive !== undefined),
  );
  return firstNonDirective?.range[0] ?? program.range[1];
}
