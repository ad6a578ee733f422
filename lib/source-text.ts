import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Whether the file's text contains one of `words` anywhere, comments included.
 *
 * A rule whose every report needs one of them (an `await`, an `async` function, the global
 * `Promise`) returns no listeners for a file without any: ESLint then never calls the rule there,
 * and a native substring search costs far less than visiting the file's nodes. Being a substring
 * test (`awaitable` contains `await`), it can only make a rule look at a file, never skip one.
 */
export function mentionsAny(sourceCode: Readonly<TSESLint.SourceCode>, words: readonly string[]): boolean {
  const { text } = sourceCode;
  return words.some((word) => text.includes(word));
}
