// Every rule page's examples are checked: a block marked `<!-- wrong -->` must be reported by
// the page's rule, a block marked `<!-- right -->` must not be.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from 'eslint-plugin-async-pitfalls';

const docsDir = path.join(import.meta.dirname, '..', 'docs', 'rules');
const SNIPPET = /<!-- (wrong|right) -->\s*```(ts|js)\n([\s\S]*?)```/g;

function ruleReports(rule: string, code: string, language: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      { ...plugin.configs.strict, rules: { [`async-pitfalls/${rule}`]: 'error' } },
    ],
    `example.${language}`,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}\n${code}`);
  return messages;
}

describe('rule docs', () => {
  const pages = readdirSync(docsDir).filter((file) => file.endsWith('.md'));

  it('has a page for every rule and a rule for every page', () => {
    expect(pages.map((page) => page.replace(/\.md$/, '')).sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  for (const page of pages) {
    const rule = page.replace(/\.md$/, '');
    const text = readFileSync(path.join(docsDir, page), 'utf8');
    const snippets = [...text.matchAll(SNIPPET)];

    describe(page, () => {
      it('shows wrong and right examples', () => {
        expect(snippets.some((match) => match[1] === 'wrong')).toBe(true);
        expect(snippets.some((match) => match[1] === 'right')).toBe(true);
      });

      snippets.forEach(([, kind, language, code], index) => {
        it(`example ${index + 1} (${kind})`, () => {
          const reports = ruleReports(rule, code!, language!);
          if (kind === 'wrong') expect(reports.length).toBeGreaterThan(0);
          else expect(reports).toEqual([]);
        });
      });
    });
  }
});
