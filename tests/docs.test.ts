// Every example in the docs is proven: a block marked `<!-- wrong -->` must be reported by its
// rule (the page's rule, or the one the marker names: `<!-- wrong: rule-name -->`), a block
// marked `<!-- right -->` must not be; a runnable block followed by a `text` block is executed
// with Node and must print exactly that.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from 'eslint-plugin-async-pitfalls';

const root = path.join(import.meta.dirname, '..');
const docsDir = path.join(root, 'docs');
const rulesDir = path.join(docsDir, 'rules');
const SNIPPET = /<!-- (wrong|right)(?::\s*([\w-]+))? -->\s*```(ts|js)\n([\s\S]*?)```(?:\s*```text\n([\s\S]*?)```)?/g;

interface Snippet {
  kind: 'wrong' | 'right';
  rule: string;
  language: string;
  code: string;
  output: string | undefined;
}

async function readSnippets(file: string, pageRule?: string): Promise<Snippet[]> {
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(SNIPPET)].map(([, kind, rule, language, code, output]) => {
    const snippetRule = rule ?? pageRule;
    if (!snippetRule) throw new Error(`${file}: a snippet marker must name its rule`);
    return { kind: kind as Snippet['kind'], rule: snippetRule, language: language!, code: code!, output };
  });
}

function reportsOf(rule: string, code: string, language: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      { ...plugin.configs.strict, rules: { [`async-pitfalls/${rule}`]: 'error' } },
    ],
    `example.${language === 'ts' ? 'ts' : 'mjs'}`,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`does not parse: ${fatal.message}\n${code}`);
  return messages;
}

async function runWithNode(code: string): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'async-pitfalls-docs-'));
  const file = path.join(directory, 'example.mjs');
  await writeFile(file, code);
  // A "wrong" example may end the process on purpose (an unhandled rejection): read what it printed.
  const result = await promisify(execFile)(process.execPath, [file], { timeout: 20_000 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return result.stdout;
}

function checkSnippets(snippets: Snippet[]): void {
  snippets.forEach((snippet, index) => {
    it(`example ${index + 1} (${snippet.kind}, ${snippet.rule})`, async () => {
      const reports = reportsOf(snippet.rule, snippet.code, snippet.language);
      if (snippet.kind === 'wrong') expect(reports.length).toBeGreaterThan(0);
      else expect(reports).toEqual([]);
      if (snippet.output !== undefined) {
        expect((await runWithNode(snippet.code)).trimEnd()).toBe(snippet.output.trimEnd());
      }
    });
  });
}

const pages = (await readdir(rulesDir)).filter((file) => file.endsWith('.md'));
const ruleSnippets = new Map(
  await Promise.all(
    pages.map(async (page) => [page, await readSnippets(path.join(rulesDir, page), page.replace(/\.md$/, ''))] as const),
  ),
);
const GUIDES = ['guide.md', 'guide.zh-CN.md'];
const guideSnippets = new Map(
  await Promise.all(GUIDES.map(async (guide) => [guide, await readSnippets(path.join(docsDir, guide))] as const)),
);

describe('rule docs', () => {
  it('has a page for every rule and a rule for every page', () => {
    expect(pages.map((page) => page.replace(/\.md$/, '')).sort()).toEqual(Object.keys(plugin.rules).sort());
  });

  it("links every rule's reports to its page", () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = rule.meta.docs?.url ?? '';
      expect(url.endsWith(`/docs/rules/${name}.md`)).toBe(true);
      expect(existsSync(path.join(rulesDir, `${name}.md`))).toBe(true);
    }
  });

  for (const page of pages) {
    const snippets = ruleSnippets.get(page) ?? [];
    describe(page, () => {
      it('shows wrong and right examples, and the sections every page has', async () => {
        expect(snippets.some((snippet) => snippet.kind === 'wrong')).toBe(true);
        expect(snippets.some((snippet) => snippet.kind === 'right')).toBe(true);
        const text = await readFile(path.join(rulesDir, page), 'utf8');
        for (const heading of ['## Examples', '## Options', '## When Not To Use It']) expect(text).toContain(heading);
      });
      checkSnippets(snippets);
    });
  }
});

for (const guide of GUIDES) {
  const snippets = guideSnippets.get(guide) ?? [];
  describe(`docs/${guide}`, () => {
    it('has a wrong and a right example for each of the eight tips, each run', () => {
      expect(snippets.filter((snippet) => snippet.kind === 'wrong')).toHaveLength(8);
      expect(snippets.filter((snippet) => snippet.kind === 'right')).toHaveLength(8);
      expect(snippets.every((snippet) => snippet.output !== undefined)).toBe(true);
    });
    checkSnippets(snippets);
  });
}

describe('guide links', () => {
  it('links the two languages to each other and from the README', async () => {
    expect(await readFile(path.join(docsDir, 'guide.md'), 'utf8')).toContain('(guide.zh-CN.md)');
    expect(await readFile(path.join(docsDir, 'guide.zh-CN.md'), 'utf8')).toContain('(guide.md)');
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('(docs/guide.md)');
    expect(readme).toContain('(docs/guide.zh-CN.md)');
  });
});
