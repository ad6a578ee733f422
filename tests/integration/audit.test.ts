// The zero-config audit (`npx eslint-plugin-async-pitfalls`), run as its built bin in fixture
// projects: grouped findings and summary, type information when a tsconfig.json is there, the
// machine-readable formats and the exit codes.
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { type SarifLog, expectSarifShape } from './sarif.js';

const root = path.join(import.meta.dirname, '..', '..');
const bin = path.join(root, 'dist', 'cli', 'audit.js');
const projects = path.join(root, 'tests', 'fixtures', 'projects');
const DOCS = 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls/blob/main/docs/rules/';

function audit(project: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: path.join(projects, project),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the audit command', () => {
  it('groups findings by rule, with the docs link, and ends with a summary table', () => {
    const { status, stdout, stderr } = audit('js');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`async-pitfalls/no-floating-promises (1 finding)  ${DOCS}no-floating-promises.md`);
    expect(lines[1]).toMatch(/^ {2}src\/jobs\.js:8:3 {2}error {2}This promise is never awaited/);
    expect(lines[3]).toBe(`async-pitfalls/prefer-promise-all (1 finding)  ${DOCS}prefer-promise-all.md`);
    expect(lines[4]).toMatch(/^ {2}src\/jobs\.js:12:19 {2}warning {2}These 2 awaits run one after another/);
    expect(lines.slice(6)).toEqual([
      'rule                                 errors  warnings  files',
      '-----------------------------------  ------  --------  -----',
      'async-pitfalls/no-floating-promises       1         0      1',
      'async-pitfalls/prefer-promise-all         0         1      1',
      '-----------------------------------  ------  --------  -----',
      'total                                     1         1      1',
      '2 files linted without type information.',
      '',
    ]);
  });

  it('uses type information when it finds a tsconfig.json, and lints files outside it without', () => {
    const { status, stdout } = audit('ts');
    expect(status).toBe(1);
    expect(stdout).toContain('src/handler.ts:4:3  error');
    expect(stdout).toContain('scripts/seed.ts:6:1  error');
    expect(stdout).toContain('4 files linted, 2 of them with type information.');
    expect(stdout).toContain('1 TypeScript file is in no tsconfig.json and was linted without types.');
  });

  it('skips type information with --no-types', () => {
    const { status, stdout } = audit('ts', '--no-types');
    expect(status).toBe(1);
    // The promise imported from another file is visible only to the type checker.
    expect(stdout).not.toContain('src/handler.ts');
    expect(stdout).toContain('scripts/seed.ts:6:1  error');
    expect(stdout).toContain('4 files linted without type information.');
  });

  it('exits 0 and says so when nothing is found', () => {
    const { status, stdout } = audit('clean');
    expect(status).toBe(0);
    expect(stdout).toBe('2 files linted without type information.\nNo async pitfalls found.\n');
  });

  it('lints only the paths it is given', () => {
    const { status, stdout } = audit('ts', 'scripts');
    expect(status).toBe(1);
    expect(stdout).not.toContain('src/handler.ts');
    expect(stdout).toContain('1 file linted without type information.');
  });

  it('writes ESLint JSON with only this plugin’s findings', () => {
    const { status, stdout, stderr } = audit('js', '--format', 'json');
    expect(status).toBe(1);
    expect(stderr).toBe('2 files linted without type information.\n');
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toEqual([
      'async-pitfalls/no-floating-promises',
      'async-pitfalls/prefer-promise-all',
    ]);
  });

  it('writes SARIF with --format sarif, to a file with --output-file', async () => {
    const output = path.join(projects, 'js', 'audit.sarif');
    try {
      const { status, stdout, stderr } = audit('js', '--format', 'sarif', '--output-file', 'audit.sarif');
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('Report written to audit.sarif.');
      const log = JSON.parse(await readFile(output, 'utf8')) as SarifLog;
      expectSarifShape(log);
      expect(log.runs[0]!.results.map((result) => result.ruleId)).toEqual([
        'async-pitfalls/no-floating-promises',
        'async-pitfalls/prefer-promise-all',
      ]);
      expect(log.runs[0]!.tool.driver.rules!.map((rule) => rule.helpUri)).toEqual([
        `${DOCS}no-floating-promises.md`,
        `${DOCS}prefer-promise-all.md`,
      ]);
    } finally {
      await rm(output, { force: true });
    }
  });

  it('writes stylish output with --format stylish', () => {
    const { stdout } = audit('js', '--format', 'stylish');
    expect(stdout).toMatch(/8:3\s+error\s+This promise is never awaited.*async-pitfalls\/no-floating-promises/);
    expect(stdout).toContain('2 problems (1 error, 1 warning)');
  });

  it('shows progress on request', () => {
    const { stderr } = audit('ts', '--progress', '--format', 'json');
    expect(stderr).toContain('Linting: 4/4 files (100%)');
  });

  it('exits 2 on usage errors', () => {
    const unknownFormat = audit('js', '--format', 'xml');
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain("Unknown format 'xml'");
    const missing = audit('js', 'nowhere');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('No such file or folder: nowhere');
    const unknownOption = audit('js', '--fix');
    expect(unknownOption.status).toBe(2);
  });

  it('prints its usage and version', () => {
    expect(audit('js', '--help').stdout).toContain('Usage: eslint-plugin-async-pitfalls [options] [paths…]');
    expect(audit('js', '--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
