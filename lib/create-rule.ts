import { ESLintUtils } from '@typescript-eslint/utils';

export const REPOSITORY_URL = 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls';

/** What each rule's `meta.docs` says about itself; the configs are derived from it. */
export interface AsyncPitfallsDocs {
  description: string;
  /**
   * Whether `recommended` (and `recommended-type-checked`) enables the rule, and at which
   * severity. Rules left out are enabled only by `strict`.
   */
  recommended?: 'error' | 'warn';
  /** The rule only makes sense with type information: only the type-checked configs enable it. */
  requiresTypeChecking?: boolean;
  /** Options the recommended configs set, where they differ from the defaults. */
  recommendedOptions?: readonly unknown[];
  /** Options `strict` sets, where they differ from the defaults. */
  strictOptions?: readonly unknown[];
}

export const createRule = ESLintUtils.RuleCreator<AsyncPitfallsDocs>(
  (name) => `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`,
);
