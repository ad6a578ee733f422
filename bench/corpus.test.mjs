// Reliability on code nobody here wrote: every rule over every corpus file in both modes without
// an exception; every suggestion applied, re-parsed and re-checked; adversarial inputs; malformed
// options rejected. Run with `npm run corpus && npm run test:corpus`.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import asyncPitfalls from '../dist/index.js';
import { isFetched, readCorpus } from './corpus.mjs';
import { lintOnce } from './lint-once.mjs';

const ruleNames = Object.keys(asyncPitfalls.rules);

beforeAll(async () => {
  const corpus = await readCorpus();
  if (!corpus.every(isFetched)) throw new Error('The corpus is not fetched: run `npm run corpus` first.');
});

/** The index in `text` of a 1-based line and column. */
function offsetOf(text, line, column) {
  let index = 0;
  for (let current = 1; current < line; current++) index = text.indexOf('\n', index) + 1;
  return index + column - 1;
}

/** One file's text linted with one rule, syntactic mode, as a fix's result is checked. */
function lintText(code, filename, rule) {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
      { plugins: { 'async-pitfalls': asyncPitfalls }, rules: { [rule]: asyncPitfalls.configs.strict.rules[rule] } },
    ],
    filename,
  );
}

describe('the corpus', () => {
  for (const variant of ['B', 'D']) {
    it(`lints every file with every rule (${variant === 'B' ? 'syntactic' : 'type-aware'}) without a crash, and every suggestion holds`, async () => {
      // A rule that throws makes ESLint reject: lintOnce would throw here.
      const { results, fatal } = await lintOnce(variant);
      expect(results.length).toBeGreaterThan(0);
      expect(fatal).toBeLessThan(results.length);
      let checked = 0;
      for (const result of results) {
        const withSuggestions = result.messages.filter((message) => message.ruleId?.startsWith('async-pitfalls/') && message.suggestions?.length);
        if (withSuggestions.length === 0) continue;
        const source = await readFile(result.filePath, 'utf8');
        for (const message of withSuggestions) {
          const start = offsetOf(source, message.line, message.column);
          for (const suggestion of message.suggestions) {
            const { range, text } = suggestion.fix;
            const output = source.slice(0, range[0]) + text + source.slice(range[1]);
            const after = lintText(output, result.filePath, message.ruleId);
            const where = `${result.filePath}:${message.line} ${suggestion.desc}`;
            expect(after.find((other) => other.fatal), where).toBeUndefined();
            // The same report must be gone from the same place (shifted by text the fix added before it).
            const shifted = range[0] < start ? start + text.length - (range[1] - range[0]) : start;
            const again = after.filter(
              (other) =>
                other.ruleId === message.ruleId &&
                other.messageId === message.messageId &&
                offsetOf(output, other.line, other.column) === shifted,
            );
            expect(again, where).toEqual([]);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

describe('adversarial inputs', () => {
  const cases = {
    'nesting.ts': `export async function deep() {\n${'{'.repeat(3000)} await Promise.resolve(); ${'}'.repeat(3000)}\n}`,
    'callbacks.ts': `declare function f(cb: () => unknown): Promise<void>;\nexport async function deep() {\n  await ${'f(async () => '.repeat(2000)}1${')'.repeat(2000)};\n}`,
    'statements.ts': `declare function load(n: number): Promise<number>;\nexport async function long() {\n${Array.from({ length: 50_000 }, (_, i) => `  const v${i} = await load(${i});`).join('\n')}\n}`,
    'minified.js': `${Array.from({ length: 2000 }, (_, i) => `async function f${i}(){await fetch("/"+${i});f${i}();[1].forEach(async()=>{await f${i}()})}`).join(';')}`,
    'component.tsx': `import { useEffect } from 'react';\nexport function App() { useEffect(() => { const id = setInterval(() => {}, 1); return () => clearInterval(id); }, []); return <button onClick={async () => { await fetch('/a'); }}>go</button>; }`,
    'decorated.ts': `declare function log(...args: unknown[]): any;\n@log export class Service { @log async run(@log value: number) { await Promise.all([value]); } }`,
    'module.mjs': `import { readFileSync } from 'node:fs';\nexport async function read() { return readFileSync('a'); }`,
    'script.cjs': `const { execSync } = require('node:child_process');\nmodule.exports = async function build() { execSync('make'); };`,
    'using.ts': `declare function open(): Promise<AsyncDisposable>;\nexport async function run() { await using handle = await open(); using lock = { [Symbol.dispose]() {} }; void handle; void lock; }`,
  };

  it('lints each without a crash or a stack overflow', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'async-pitfalls-adversarial-'));
    for (const [name, code] of Object.entries(cases)) await writeFile(path.join(directory, name), code);
    const eslint = new ESLint({
      cwd: directory,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tseslint.parser } },
        { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
        asyncPitfalls.configs.strict,
      ],
    });
    const results = await eslint.lintFiles(Object.keys(cases));
    expect(results).toHaveLength(Object.keys(cases).length);
    for (const result of results) {
      const crashes = result.messages.filter((message) => message.fatal && !/Maximum call stack|too deeply/i.test(message.message));
      expect(crashes, result.filePath).toEqual([]);
    }
  });

  it('takes time linear in the length of an async function', async () => {
    const lintSize = async (size) => {
      const code = `declare function load(n: number): Promise<number>;\nexport async function long() {\n${Array.from({ length: size }, (_, i) => `  const v${i} = await load(${i});`).join('\n')}\n}`;
      const linter = new Linter({ configType: 'flat' });
      const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, asyncPitfalls.configs.strict];
      linter.verify(code, config, 'warmup.ts');
      const start = performance.now();
      linter.verify(code, config, 'file.ts');
      return performance.now() - start;
    };
    const small = await lintSize(5_000);
    const large = await lintSize(50_000);
    // Ten times the code; a quadratic rule would take a hundred times as long.
    expect(large / small).toBeLessThan(30);
  });
});

describe('options', () => {
  for (const rule of ruleNames) {
    it(`${rule} rejects malformed options with ESLint's schema error`, () => {
      const linter = new Linter({ configType: 'flat' });
      expect(() =>
        linter.verify('x;', [{ plugins: { 'async-pitfalls': asyncPitfalls }, rules: { [`async-pitfalls/${rule}`]: ['error', { notAnOption: true }] } }], 'file.js'),
      ).toThrow(/Unexpected property "notAnOption"|should NOT have additional properties/);
    });
  }
});
