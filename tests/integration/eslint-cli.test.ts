// The CI gate as users run it: the real ESLint CLI in a project whose eslint.config.js loads the
// built plugin, its exit codes, and SARIF for code scanning through
// @microsoft/eslint-formatter-sarif.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';

import plugin from 'eslint-plugin-async-pitfalls';

import { type SarifLog, expectSarifShape } from './sarif.js';

const require = createRequire(import.meta.url);
const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const projects = path.join(import.meta.dirname, '..', 'fixtures', 'projects');

function eslint(project: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [eslintBin, ...args], {
    cwd: path.join(projects, project),
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DOCS = 'https://github.com/async-pitfalls/eslint-plugin-async-pitfalls/blob/main/docs/rules/';

describe('the ESLint CLI with the plugin', () => {
  it('exits 1 when an error is reported', () => {
    const { status, stdout } = eslint('js', 'src');
    expect(status).toBe(1);
    expect(stdout).toContain('async-pitfalls/no-floating-promises');
    expect(stdout).toContain('async-pitfalls/prefer-promise-all');
  });

  it('exits 0 on a clean project', () => {
    const { status, stdout, stderr } = eslint('clean', 'src');
    expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 0 on warnings alone, and 1 with --max-warnings 0', () => {
    const onlyWarnings = ['src', '--rule', '{"async-pitfalls/no-floating-promises": "off"}'];
    const relaxed = eslint('js', ...onlyWarnings);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toContain('1 warning');
    const gated = eslint('js', ...onlyWarnings, '--max-warnings', '0');
    expect(gated.status).toBe(1);
    expect(gated.stderr).toContain('ESLint found too many warnings (maximum: 0)');
  });

  it('reports cross-file findings with type information', () => {
    const { status, stdout } = eslint('ts', 'src');
    expect(status).toBe(1);
    expect(stdout).toMatch(/handler\.ts\s+4:3\s+error\s+This promise is never awaited/);
  });

  it('works next to typescript-eslint’s type-checked configs, each problem reported once', () => {
    const findings = (...args: string[]) => {
      const { stdout } = eslint('with-typescript-eslint', 'src', '--format', 'json', ...args);
      const [result] = JSON.parse(stdout) as { messages: { line: number; ruleId: string }[] }[];
      return result!.messages.map((message) => `${message.line} ${message.ruleId}`);
    };
    expect(findings()).toEqual([
      '13 async-pitfalls/no-floating-promises',
      '17 async-pitfalls/no-misused-async-callback',
      '23 @typescript-eslint/no-misused-promises',
    ]);
    // With the two overlapping rules left as typescript-eslint configures them, the floating
    // promise and the async forEach callback are each reported twice.
    const overlapping =
      '{"@typescript-eslint/no-floating-promises": "error", "@typescript-eslint/no-misused-promises": ["error", {"checksVoidReturn": true}]}';
    expect(findings('--rule', overlapping)).toEqual([
      '13 @typescript-eslint/no-floating-promises',
      '13 async-pitfalls/no-floating-promises',
      '17 @typescript-eslint/no-misused-promises',
      '17 async-pitfalls/no-misused-async-callback',
      '23 @typescript-eslint/no-misused-promises',
    ]);
  });

  it('writes SARIF 2.1.0 with rule ids, help links to the docs and locations', () => {
    const { status, stdout, stderr } = eslint('js', 'src', '--format', '@microsoft/eslint-formatter-sarif');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const log = JSON.parse(stdout) as SarifLog;
    expectSarifShape(log);

    const [run] = log.runs;
    const rules = run!.tool.driver.rules!;
    expect(rules.map((rule) => rule.id).sort()).toEqual(['async-pitfalls/no-floating-promises', 'async-pitfalls/prefer-promise-all']);
    for (const rule of rules) {
      const name = rule.id.replace('async-pitfalls/', '') as keyof typeof plugin.rules;
      expect(rule.helpUri).toBe(`${DOCS}${name}.md`);
      expect(rule.shortDescription?.text).toBe(plugin.rules[name].meta.docs?.description);
    }

    const file = pathToFileURL(path.join(projects, 'js', 'src', 'jobs.js')).href;
    expect(
      run!.results.map((result) => ({
        ruleId: result.ruleId,
        level: result.level,
        uri: run!.artifacts![result.locations![0]!.physicalLocation!.artifactLocation!.index!]!.location.uri,
        region: result.locations![0]!.physicalLocation!.region,
      })),
    ).toEqual([
      {
        ruleId: 'async-pitfalls/no-floating-promises',
        level: 'error',
        uri: file,
        region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 15 },
      },
      {
        ruleId: 'async-pitfalls/prefer-promise-all',
        level: 'warning',
        uri: file,
        region: { startLine: 12, startColumn: 19, endLine: 12, endColumn: 69 },
      },
    ]);
  });
});
