// The package as npm publishes it: `npm pack`, then a fresh project that installs the tarball with
// ESLint 9 or 10, TypeScript and typescript-eslint, and lints with every config from an ES module
// config, a CommonJS one and a CommonJS one that uses import(); its types are checked with node16
// and bundler resolution, and its audit command runs from node_modules/.bin.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const consumerFixture = path.join(root, 'tests', 'fixtures', 'consumer');
const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let workspace: string;
let tarball: string;
let packedFiles: string[];

beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'async-pitfalls-published-'));
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', workspace], { cwd: root });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(workspace, packed!.filename);
  packedFiles = packed!.files.map((file) => file.path).sort();
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds the built code, its types, the docs and nothing else', () => {
    const unexpected = packedFiles.filter(
      (file) =>
        !/^dist\/(index|lib\/[\w-]+|rules\/[\w-]+)\.(js|d\.ts)$/.test(file) &&
        !/^dist\/cli\/[\w-]+\.js$/.test(file) &&
        !/^docs\/(guide(\.zh-CN)?|rules\/[\w-]+)\.md$/.test(file) &&
        !['LICENSE', 'README.md', 'package.json'].includes(file),
    );
    expect(unexpected).toEqual([]);
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cli/audit.js']));
  });
});

const EXPECTED_FINDINGS: Record<string, string[]> = {
  recommended: ['app.ts:8 async-pitfalls/no-floating-promises', 'legacy.js:6 async-pitfalls/no-floating-promises'],
  strict: [
    'app.ts:4 async-pitfalls/require-abort-signal',
    'app.ts:8 async-pitfalls/no-floating-promises',
    'legacy.js:2 async-pitfalls/require-abort-signal',
    'legacy.js:6 async-pitfalls/no-floating-promises',
    'store.ts:2 async-pitfalls/require-abort-signal',
  ],
  // Type information reveals that `save`, imported from another file, returns a promise.
  'recommended-type-checked': [
    'app.ts:8 async-pitfalls/no-floating-promises',
    'app.ts:9 async-pitfalls/no-floating-promises',
    'legacy.js:6 async-pitfalls/no-floating-promises',
  ],
};

for (const eslintVersion of ['9', '10']) {
  describe(`installed with ESLint ${eslintVersion}`, () => {
    let project: string;

    beforeAll(async () => {
      project = path.join(workspace, `eslint-${eslintVersion}`);
      await cp(consumerFixture, project, { recursive: true });
      await run(
        npm,
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--prefer-offline',
          tarball,
          `eslint@${eslintVersion}`,
          `typescript@${manifest.devDependencies.typescript}`,
          `typescript-eslint@${manifest.devDependencies['typescript-eslint']}`,
        ],
        { cwd: project },
      );
    });

    function lint(configFile: string, configName: string) {
      const result = spawnSync(
        process.execPath,
        [path.join(project, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--config', configFile, '--format', 'json', 'src'],
        { cwd: project, encoding: 'utf8', env: { ...process.env, ASYNC_PITFALLS_CONFIG: configName } },
      );
      expect(result.stderr).toBe('');
      const results = JSON.parse(result.stdout) as { filePath: string; messages: { line: number; ruleId: string | null; message: string }[] }[];
      return {
        status: result.status,
        findings: results
          .flatMap((file) => file.messages.map((message) => `${path.basename(file.filePath)}:${message.line} ${message.ruleId ?? message.message}`))
          .sort(),
      };
    }

    it('runs the expected ESLint', async () => {
      const installed = JSON.parse(await readFile(path.join(project, 'node_modules', 'eslint', 'package.json'), 'utf8')) as { version: string };
      expect(installed.version.split('.')[0]).toBe(eslintVersion);
    });

    for (const configFile of ['eslint.config.js', 'eslint.config.cjs', 'eslint.config.import.cjs']) {
      for (const [configName, expected] of Object.entries(EXPECTED_FINDINGS)) {
        it(`lints with ${configName} from ${configFile}`, () => {
          expect(lint(configFile, configName)).toEqual({ status: 1, findings: expected });
        });
      }
    }

    it('returns the plugin itself from require()', () => {
      const output = execFileSync(
        process.execPath,
        ['-e', "const p = require('eslint-plugin-async-pitfalls'); console.log(p.meta.name, Object.keys(p.configs).join(','))"],
        { cwd: project, encoding: 'utf8' },
      );
      expect(output.trim()).toBe('eslint-plugin-async-pitfalls recommended,recommended-type-checked,strict');
    });

    for (const resolution of ['node16', 'bundler']) {
      it(`type-checks a consumer with moduleResolution ${resolution}`, () => {
        const result = spawnSync(
          process.execPath,
          [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join('types', `tsconfig.${resolution}.json`)],
          { cwd: project, encoding: 'utf8' },
        );
        expect(result.stdout + result.stderr).toBe('');
        expect(result.status).toBe(0);
      });
    }

    it('runs the audit command from node_modules/.bin', () => {
      const result = spawnSync(path.join(project, 'node_modules', '.bin', 'eslint-plugin-async-pitfalls'), ['src'], {
        cwd: project,
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('async-pitfalls/no-floating-promises (3 findings)');
      expect(result.stdout).toContain('3 files linted, 2 of them with type information.');
    });
  });
}
