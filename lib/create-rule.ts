import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

import { memoizeByObject } from './memoize.js';

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

export type AsyncPitfallsRule<Options extends readonly unknown[], MessageIds extends string> = TSESLint.RuleModule<
  MessageIds,
  Options,
  AsyncPitfallsDocs
> & { name: string };

const MAX_REMEMBERED_ENTRIES = 16;

export function docsUrl(name: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`;
}

/**
 * Defines a rule with its docs URL and its options merged over `meta.defaultOptions`.
 *
 * ESLint calls `create` once per file and rule, with the same option objects for files that
 * share a config (`Linter#verify` given a config array builds new ones on every call); the merge
 * (a structured clone and a deep merge) is done once per set of options, by identity or else by
 * content, instead of per file, and the rule receives the same merged object each time, so it
 * can key what it derives from its options on that object (see `derivedFromOptions`).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AsyncPitfallsDocs>>): AsyncPitfallsRule<
  Options,
  MessageIds
> {
  const defaults = (meta.defaultOptions ?? []) as unknown as Options;
  const merged = new WeakMap<object, Readonly<Options>>();
  const mergedByContent = new Map<string, Readonly<Options>>();
  let withoutOptions: Readonly<Options> | undefined;

  const mergeWithDefaults = (given: readonly unknown[]): Readonly<Options> =>
    ESLintUtils.applyDefault<Options, Options>(defaults, given as Options);

  function optionsFor(given: readonly unknown[]): Readonly<Options> {
    const [first] = given;
    if (first === undefined) return (withoutOptions ??= mergeWithDefaults(given));
    if (given.length > 1 || typeof first !== 'object' || first === null) return mergeWithDefaults(given);
    let options = merged.get(first);
    if (!options) {
      options = findByEntries(first);
      if (!options) {
        const key = JSON.stringify(first);
        options = mergedByContent.get(key);
        if (!options) {
          options = mergeWithDefaults(given);
          mergedByContent.set(key, options);
        }
        // A few configurations at a time are the norm; a test run goes through hundreds.
        if (byEntries.length === MAX_REMEMBERED_ENTRIES) byEntries.shift();
        byEntries.push({ given: first, options });
      }
      merged.set(first, options);
    }
    return options;
  }

  // ESLint merges a rule's configured options over `meta.defaultOptions` anew for every file,
  // into new objects that hold the same values (the arrays of the defaults and of the config
  // are passed through): an object seen before with the same properties answers without
  // serializing lists such as a default allow-list for each file.
  const byEntries: { given: object; options: Readonly<Options> }[] = [];

  function findByEntries(given: object): Readonly<Options> | undefined {
    const keys = Object.keys(given);
    for (const entry of byEntries) {
      const seen = entry.given as Record<string, unknown>;
      if (
        Object.keys(seen).length === keys.length &&
        keys.every((key) => Object.hasOwn(seen, key) && seen[key] === (given as Record<string, unknown>)[key])
      ) {
        return entry.options;
      }
    }
    return undefined;
  }

  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: docsUrl(name) } },
    defaultOptions: defaults,
    create: (context) => create(context, optionsFor(context.options)),
  };
}

/**
 * Computes what a rule derives from its options (lookup sets, merged catalogues) once per set
 * of options rather than once per file.
 */
export const derivedFromOptions = memoizeByObject;
