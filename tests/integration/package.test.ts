// The package as users get it: the built dist/ loaded by the real ESLint, through the
// package's own name (resolved by `exports`), with each exported config.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from 'eslint-plugin-async-pitfalls';

import { rules as sourceRules } from '../../rules/index.js';

const root = path.join(import.meta.dirname, '..', '..');
const examples = path.join(root, 'examples');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

async function lintExamples(config: Linter.Config, typed = false) {
  const eslint = new ESLint({
    cwd: examples,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: examples } : {},
        },
      },
      config,
    ],
  });
  const results = await eslint.lintFiles(['src']);
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
  expect(fatal).toEqual([]);
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId}`),
  );
}

describe('the built package', () => {
  it('exposes meta, every rule and three configs', () => {
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-async-pitfalls', version: manifest.version, namespace: 'async-pitfalls' });
    expect(Object.keys(plugin.rules).sort()).toEqual(Object.keys(sourceRules).sort());
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'recommended-type-checked', 'strict']);
  });

  it('gives every config a name and registers the plugin in it', () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`async-pitfalls/${name}`);
      expect(config.plugins?.['async-pitfalls']).toBe(plugin);
    }
  });

  it('derives the configs from the rules’ metadata', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const id = `async-pitfalls/${name}`;
      const docs = rule.meta.docs!;
      expect(plugin.configs.strict.rules?.[id]).toBeDefined();
      const recommended = docs.recommended
        ? docs.recommendedOptions
          ? [docs.recommended, ...docs.recommendedOptions]
          : docs.recommended
        : undefined;
      expect(plugin.configs.recommended.rules?.[id]).toEqual(docs.requiresTypeChecking ? undefined : recommended);
      expect(plugin.configs['recommended-type-checked'].rules?.[id]).toEqual(recommended);
      expect(docs.url).toBe(
        `https://github.com/async-pitfalls/eslint-plugin-async-pitfalls/blob/main/docs/rules/${name}.md`,
      );
    }
  });

  it('finds the pitfalls in examples/ with the recommended config', async () => {
    const findings = await lintExamples(plugin.configs.recommended);
    expect(findings).toEqual([
      'dashboard.ts:24 async-pitfalls/no-floating-promises',
      'dashboard.ts:24 async-pitfalls/no-unguarded-promise-all',
      'dashboard.ts:32 async-pitfalls/no-floating-promises',
      'dashboard.ts:32 async-pitfalls/no-unguarded-promise-all',
      'dashboard.ts:39 async-pitfalls/no-unguarded-promise-all',
      'notifications.ts:12 async-pitfalls/no-misused-async-callback',
      'notifications.ts:14 async-pitfalls/no-misused-async-callback',
      'notifications.ts:21 async-pitfalls/no-misused-async-callback',
      'notify.js:11 async-pitfalls/no-floating-promises',
      'notify.js:14 async-pitfalls/no-floating-promises',
      'orders.ts:23 async-pitfalls/no-floating-promises',
      'orders.ts:28 async-pitfalls/no-floating-promises',
      'orders.ts:30 async-pitfalls/no-floating-promises',
      'orders.ts:40 async-pitfalls/no-floating-promises',
      'orders.ts:42 async-pitfalls/no-floating-promises',
      'profile.ts:9 async-pitfalls/prefer-promise-all',
      'profile.ts:16 async-pitfalls/prefer-promise-all',
      'reports.ts:6 async-pitfalls/no-unclosed-resources',
      'reports.ts:12 async-pitfalls/no-unclosed-resources',
      'uploads.js:9 async-pitfalls/no-blocking-in-async',
      'uploads.js:11 async-pitfalls/no-blocking-in-async',
      'uploads.js:13 async-pitfalls/no-blocking-in-async',
    ]);
  });

  it('runs the strict config', async () => {
    const findings = await lintExamples(plugin.configs.strict);
    expect(findings.length).toBeGreaterThanOrEqual(7);
  });

  it('runs the recommended-type-checked config with a project service', async () => {
    const findings = await lintExamples(plugin.configs['recommended-type-checked'], true);
    expect(findings.filter((finding) => finding.startsWith('orders.ts'))).toEqual([
      'orders.ts:23 async-pitfalls/no-floating-promises',
      'orders.ts:28 async-pitfalls/no-floating-promises',
      'orders.ts:30 async-pitfalls/no-floating-promises',
      'orders.ts:40 async-pitfalls/no-floating-promises',
      'orders.ts:42 async-pitfalls/no-floating-promises',
    ]);
  });
});
