import type { TSESLint } from '@typescript-eslint/utils';

import { memoizeByObject } from './memoize.js';

/**
 * A copy of `text` that keeps no other string alive, for the keys and values of caches that
 * outlive a file. The parser's names and literals are slices of the file's text: one kept in
 * such a cache would keep that whole text alive after ESLint is done with the file.
 */
export function detachFromSource(text: string): string {
  // Slicing a joined string flattens it into a new string, the only one the slice refers to.
  return (' ' + text).slice(1);
}

/** What each file's text was searched for so far: several rules ask about the same words. */
const wordsSearched = memoizeByObject((_sourceCode: Readonly<TSESLint.SourceCode>) => new Map<string, boolean>());

/**
 * Whether the file's text contains one of `words` anywhere, comments included.
 *
 * A rule whose every report needs one of them (an `await`, an `async` function, the global
 * `Promise`) returns no listeners for a file without any: ESLint then never calls the rule there,
 * and a native substring search costs far less than visiting the file's nodes. A word absent
 * from a file costs a scan of the whole text, so each word is searched once per file. Being a
 * substring test (`awaitable` contains `await`), it can only make a rule look at a file, never
 * skip one.
 */
export function mentionsAny(sourceCode: Readonly<TSESLint.SourceCode>, words: readonly string[]): boolean {
  const searched = wordsSearched(sourceCode);
  for (const word of words) {
    let found = searched.get(word);
    if (found === undefined) {
      found = sourceCode.text.includes(word);
      searched.set(word, found);
    }
    if (found) return true;
  }
  return false;
}

/**
 * Whether the text has `import(` (spaces allowed before the parenthesis): a dynamic import,
 * or an import type. Found from the occurrences of `import`, which most modules have a few of:
 * a search for `import(` itself stops at every `i` of the file.
 */
export function mentionsDynamicImport(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const searched = wordsSearched(sourceCode);
  let found = searched.get(DYNAMIC_IMPORT_KEY);
  if (found === undefined) {
    found = false;
    const { text } = sourceCode;
    for (let index = text.indexOf('import'); index !== -1 && !found; index = text.indexOf('import', index + 6)) {
      let next = index + 6;
      while (text[next] === ' ' || text[next] === '\t' || text[next] === '\n' || text[next] === '\r') next++;
      found = text[next] === '(';
    }
    searched.set(DYNAMIC_IMPORT_KEY, found);
  }
  return found;
}

// Not a word `mentionsAny` is asked about: `import(` there would mean the exact text.
const DYNAMIC_IMPORT_KEY = '\0import(';
