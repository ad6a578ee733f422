// In type-aware mode, no-floating-promises must agree with typescript-eslint's rule of the same
// name on expression statements. Both rules lint the same snippets (the peer's documented
// examples and more) and must report the same lines. Our additions — unused promise variables
// and promises left unhandled across an await — are not expression statements and are left out
// of the comparison; the deliberate differences are listed in docs/rules/no-floating-promises.md.
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../rules/no-floating-promises.js';
import { fixturesDir } from '../rule-tester.js';

const STATEMENT_MESSAGES = new Set(['floating', 'floatingChain', 'floatingArray']);

const snippets: Record<string, string> = {
  'peer docs: incorrect': `
const promise = new Promise((resolve, reject) => resolve('value'));
promise;

async function returnsPromise() {
  return 'value';
}
returnsPromise().then(() => {});

Promise.reject('value').catch();

Promise.reject('value').finally();

[1, 2, 3].map(async x => x + 1);
`,
  'peer docs: correct': `
const promise = new Promise((resolve, reject) => resolve('value'));
await promise;

async function returnsPromise() {
  return 'value';
}

void returnsPromise();

returnsPromise().then(
  () => {},
  () => {},
);

Promise.reject('value').catch(() => {});

await Promise.reject('value').finally(() => {});

await Promise.all([1, 2, 3].map(async x => x + 1));
`,
  'peer docs: ignoreIIFE examples': `
await (async function () {
  await res(1);
})();

(async function () {
  await res(1);
})();

declare function res(value: number): Promise<void>;
`,
  'logical, conditional and sequence statements': `
declare const cond: boolean;
declare function save(): Promise<void>;
declare function log(): void;
cond && save();
cond || save();
cond ? save() : log();
cond ? log() : log();
(log(), save());
(save(), log());
save() ?? log();
`,
  'chains': `
declare function save(): Promise<void>;
declare const handler: (error: unknown) => void;
save().then(() => {});
save().then(() => {}, handler);
save().then(() => {}, undefined);
save().catch(handler);
save().catch();
save().catch(handler).finally(() => {});
save().finally(() => {});
save().catch(handler).then(() => {});
save().then(() => {}).catch(handler);
`,
  'imports, unions, methods, any': `
import { saveRemote, store, maybeSave, untyped, Repository, loadLocal } from './api';
saveRemote();
store.save();
store.get();
maybeSave();
untyped();
loadLocal();
new Repository().find('a');
new Repository().count();
declare const anything: any;
anything;
anything.then(() => {});
`,
  'arrays and assignments': `
declare function save(): Promise<void>;
declare const items: number[];
[save(), save()];
[save(), 1];
items.map(async (item) => item);
items.map((item) => item);
let pending: Promise<void>;
pending = save();
void save();
`,
  'functions and classes': `
async function load() {}
const loadArrow = async () => {};
class Service {
  async start() {}
  run() {
    this.start();
    load();
    loadArrow();
    (async () => {})();
  }
}
`,
};

const linter = new Linter({ configType: 'flat', cwd: fixturesDir });

function reportedLines(code: string, ours: boolean): number[] {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
      },
      plugins: ours
        ? { ours: { rules: { 'no-floating-promises': rule as never } } }
        : { peer: tseslint.plugin as never },
      // The peer flags thenables only with checkThenables; we always do.
      rules: ours
        ? { 'ours/no-floating-promises': 'error' }
        : { 'peer/no-floating-promises': ['error', { checkThenables: true }] },
    },
  ];
  const messages = linter.verify(code, config, path.join(fixturesDir, 'file.ts'));
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages
    .filter((message) => !ours || STATEMENT_MESSAGES.has(message.messageId ?? ''))
    .map((message) => message.line)
    .sort((a, b) => a - b);
}

describe('no-floating-promises agrees with @typescript-eslint/no-floating-promises', () => {
  for (const [name, code] of Object.entries(snippets)) {
    it(name, () => {
      const peer = reportedLines(code, false);
      expect(reportedLines(code, true)).toEqual(peer);
    });
  }

  it('reports what the peer reports in its documented incorrect example', () => {
    expect(reportedLines(snippets['peer docs: incorrect']!, true)).toEqual([3, 8, 10, 12, 14]);
  });
});
