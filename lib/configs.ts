import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';

import type { AsyncPitfallsDocs } from './create-rule.js';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], AsyncPitfallsDocs>;
type RuleEntry = Linter.RuleEntry;

export type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict';

/**
 * The rule settings each config holds, read from every rule's `meta.docs`:
 * `recommended` takes the recommended rules that work without types,
 * `recommended-type-checked` adds those that need them (both with the rule's
 * `recommendedOptions`), `strict` enables everything at `error` with its `strictOptions`.
 */
export function deriveConfigRules(
  namespace: string,
  rules: Readonly<Record<string, AnyRule>>,
): Record<ConfigName, Record<string, RuleEntry>> {
  const configs: Record<ConfigName, Record<string, RuleEntry>> = {
    recommended: {},
    'recommended-type-checked': {},
    strict: {},
  };
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    const id = `${namespace}/${name}`;
    if (docs?.recommended) {
      const entry: RuleEntry = docs.recommendedOptions
        ? [docs.recommended, ...docs.recommendedOptions]
        : docs.recommended;
      if (!docs.requiresTypeChecking) configs.recommended[id] = entry;
      configs['recommended-type-checked'][id] = entry;
    }
    configs.strict[id] = docs?.strictOptions ? ['error', ...docs.strictOptions] : 'error';
  }
  return configs;
}
