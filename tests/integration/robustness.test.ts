// A rule must never throw on code the parser accepts. Every rule, with its strictest options,
// runs over a zoo of syntax in both modes and over ESLint's own sources.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from 'eslint-plugin-async-pitfalls';

import { fixturesDir } from '../rule-tester.js';

const root = path.join(import.meta.dirname, '..', '..');

describe('robustness', () => {
  for (const typed of [false, true]) {
    it(`does not throw on the syntax zoo (${typed ? 'type-aware' : 'syntactic'})`, async () => {
      const eslint = new ESLint({
        cwd: fixturesDir,
        overrideConfigFile: true,
        overrideConfig: [
          {
            files: ['**/*.ts'],
            languageOptions: {
              parser: tseslint.parser,
              parserOptions: typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
            },
          },
          plugin.configs.strict,
        ],
      });
      const code = await readFile(path.join(fixturesDir, 'syntax-zoo.ts'), 'utf8');
      const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'syntax-zoo.ts') });
      expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
    });
  }

  it('does not throw on ESLint’s own sources', async () => {
    const eslint = new ESLint({
      cwd: path.join(root, 'node_modules', 'eslint'),
      overrideConfigFile: true,
      ignore: false,
      overrideConfig: [
        { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
        { languageOptions: { sourceType: 'commonjs' } },
        plugin.configs.strict,
      ],
    });
    const results = await eslint.lintFiles(['lib/**/*.js']);
    expect(results.length).toBeGreaterThan(50);
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
  });
});
