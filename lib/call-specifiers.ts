import { AST_NODE_TYPES, type JSONSchema, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { normalizeModuleName, resolveModuleMember, skipTypeWrappers } from './modules.js';

/**
 * Names a function in an allow-list or catalogue option:
 * - a string matches the callee as written (`test`, `app.listen`), and its members
 *   (`test` also matches `test.skip(…)`);
 * - `{ from: 'package', package, name }` matches a function imported or required from that
 *   package (`node:` prefix optional), under any local name, and its members; the name
 *   `'default'` is the module's default export.
 */
export type CallSpecifier = string | { from: 'package'; package: string; name: string | readonly string[] };

export const callSpecifierSchema: JSONSchema.JSONSchema4 = {
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'package', 'name'],
      properties: {
        from: { type: 'string', enum: ['package'] },
        package: { type: 'string', minLength: 1 },
        name: {
          oneOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
          ],
        },
      },
    },
  ],
};

/**
 * The JSON schema of an option entry naming a module export — `{ module, name }` — with the
 * entry's own further properties (`release`, `optionsArgument`, `replacement`, …).
 */
export function moduleExportSchema(
  properties: Record<string, JSONSchema.JSONSchema4> = {},
  required: readonly string[] = [],
): JSONSchema.JSONSchema4 {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['module', 'name', ...required],
    properties: {
      module: { type: 'string', minLength: 1 },
      name: { type: 'string', minLength: 1 },
      ...properties,
    },
  };
}

/** `a.b.c` for a chain of plain identifiers (and `this`, and private names: `this.#bus`), otherwise `null`. */
export function getDottedName(node: TSESTree.Node): string | null {
  const target = skipTypeWrappers(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (target.type === AST_NODE_TYPES.MemberExpression && !target.computed) {
    const object = getDottedName(target.object);
    if (object === null) return null;
    return target.property.type === AST_NODE_TYPES.PrivateIdentifier ? `${object}.#${target.property.name}` : `${object}.${target.property.name}`;
  }
  return null;
}

/** Whether the function `callee` denotes is one of `specifiers`. */
export function matchesCallSpecifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
  specifiers: readonly CallSpecifier[],
): boolean {
  if (specifiers.length === 0) return false;
  let dotted: string | null | undefined;
  let member: ReturnType<typeof resolveModuleMember> | undefined;
  return specifiers.some((specifier) => {
    if (typeof specifier === 'string') {
      dotted ??= getDottedName(callee);
      return dotted !== null && (dotted === specifier || dotted.startsWith(`${specifier}.`));
    }
    member ??= resolveModuleMember(sourceCode, callee);
    if (!member || member.module !== normalizeModuleName(specifier.package)) return false;
    const names: readonly string[] = typeof specifier.name === 'string' ? [specifier.name] : specifier.name;
    const [first] = member.path;
    return first === undefined ? names.includes('default') : names.includes(first);
  });
}
