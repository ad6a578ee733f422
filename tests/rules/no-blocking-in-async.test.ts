import { describe, expect, it } from 'vitest';

import rule from '../../rules/no-blocking-in-async.js';
import { edit } from '../edit.js';
import { type CasesFor, runRuleTests } from '../rule-tester.js';
import { typeErrors } from '../typecheck.js';

type Cases = CasesFor<typeof rule>;
type Invalid = Cases['invalid'][number];

const FS = `import * as fs from 'node:fs';\n`;

/** A blocking call with no drop-in replacement, or one resolved only by types: a message only. */
function messageOnly(code: string, messageId: Invalid['errors'][number]['messageId'], extra: Partial<Invalid> = {}): Invalid {
  return { code, errors: [{ messageId, suggestions: [] }], ...extra };
}

/** A blocking call with one suggested replacement, given as the edit it makes. */
function replaced(
  code: string,
  messageId: Invalid['errors'][number]['messageId'],
  edits: [before: string, after: string][],
  extra: Partial<Invalid> = {},
): Invalid {
  const output = edits.reduce((text, [before, after]) => edit(text, before, after), code);
  return { code, errors: [{ messageId, suggestions: [{ messageId: 'usePromiseApi', output }] }], ...extra };
}

const cases: Cases = {
  valid: [
    // Outside async functions: module top level, sync functions, class bodies.
    `${FS}const config = fs.readFileSync('config.json', 'utf8');`,
    `${FS}export function load() { return fs.readFileSync('config.json', 'utf8'); }`,
    `${FS}export class Store { data = fs.readFileSync('data.json'); }`,
    `${FS}const read = () => fs.readFileSync('a');`,
    `${FS}export default function () { fs.mkdirSync('out', { recursive: true }); }`,
    // Inside async functions, but in code that runs later.
    `${FS}export async function run() { setTimeout(() => fs.writeFileSync('a', 'b'), 10); }`,
    `${FS}export async function run() { process.on('exit', () => fs.writeFileSync('crash.log', 'x')); }`,
    `${FS}export async function run() { function later() { fs.readFileSync('a'); } return later; }`,
    `${FS}export async function run() { return () => fs.readFileSync('a'); }`,
    `${FS}export async function run(p: Promise<void>) { await p.then(() => fs.readFileSync('a')); }`,
    `${FS}export async function run(items: string[]) { items.map(async (item) => item).forEach(() => {}); }`,
    // The promise API, and callback APIs.
    `${FS}export async function run() { await fs.promises.readFile('a'); }`,
    `import { readFile } from 'node:fs/promises';\nexport async function run() { await readFile('a'); }`,
    `${FS}export async function run() { fs.readFile('a', () => {}); }`,
    `import { exec } from 'node:child_process';\nexport async function run() { exec('ls'); }`,
    `import { pbkdf2 } from 'node:crypto';\nexport async function run() { pbkdf2('pw', 'salt', 1, 32, 'sha256', () => {}); }`,
    // Names that only look blocking.
    `function existsSync(path: string) { return path.length > 0; }\nexport async function run() { existsSync('a'); }`,
    `declare const Effect: { runSync<T>(effect: T): T };\nexport async function run() { Effect.runSync(1); }`,
    `declare const db: { readFileSync(path: string): string };\nexport async function run() { db.readFileSync('a'); }`,
    `import { readFileSync } from './local-fs';\nexport async function run() { readFileSync('a'); }`,
    `${FS}export async function run(fs: { readFileSync(path: string): void }) { fs.readFileSync('a'); }`,
    `export class Reader { readFileSync() { return 1; } async run() { this.readFileSync(); } }`,
    `const Atomics = { wait() {} };\nexport async function run() { Atomics.wait(); }`,
    `${FS}export async function run() { const readFileSync = (path: string) => path; readFileSync('a'); }`,
    `import * as crypto from 'node:crypto';\nexport async function run() { return crypto.randomUUID(); }`,
    `import { readFileSync } from 'node:fs';\nexport const load = () => readFileSync('a');`,
    `import { execSync } from 'node:child_process';\nexport function build() { execSync('make'); }`,
    `export async function run(text: string) { return JSON.parse(text); }`,
    `export async function run() { const fs = await import('node:fs'); return fs.promises.readFile('a'); }`,
    `export async function run(values: number[]) { return values.sort().map((value) => value * 2); }`,
    `export async function run() { const end = Date.now() + 10; if (Date.now() < end) { return 1; } return 0; }`,
    // Loops that are not busy-waits.
    `export async function run() { const end = Date.now() + 10; while (Date.now() < end) { await new Promise((r) => setTimeout(r, 1)); } }`,
    `export async function run(poll: () => boolean) { const end = Date.now() + 10; while (Date.now() < end) { if (poll()) break; } }`,
    `export function spin() { const end = Date.now() + 10; while (Date.now() < end) {} }`,
    `export async function run(queue: number[]) { while (queue.length > 0) { queue.pop(); } }`,
    `export async function run() { let now = Date.now(); const end = now + 5; while (now < end) { now = Date.now(); } }`,
    `export async function run() { for (let i = 0; i < 10; i++) {} }`,
    // Options.
    { code: `${FS}export async function run() { fs.existsSync('a'); }`, options: [{ allow: ['existsSync'] }] },
    { code: `${FS}export async function run() { fs.existsSync('a'); }`, options: [{ allow: ['fs.existsSync'] }] },
    { code: `${FS}export async function run() { fs.statSync('a'); }`, options: [{ allow: [{ module: 'fs', name: 'statSync' }] }] },
    {
      code: `${FS}export async function run(paths: string[]) { return paths.map((p) => fs.readFileSync(p)); }`,
      options: [{ checkSyncCallbacks: false }],
    },
    // Plain JavaScript, CommonJS.
    {
      code: `const fs = require('fs');\nfunction load() { return fs.readFileSync('a'); }\nmodule.exports = { load };`,
      filename: 'file.js',
      mode: 'syntactic',
    },
    // Without types, a wrapper module hides what it re-exports: silence, not a guess.
    { code: `import { readConfig } from './fs-wrapper';\nexport async function run() { readConfig('a'); }`, mode: 'syntactic' },
    { code: `import { files } from './fs-wrapper';\nexport async function run() { files.writeFileSync('a', 'b'); }`, mode: 'syntactic' },
    // With types, a same-named function from elsewhere is not fs's.
    { code: `declare const store: { writeFileSync(path: string): void };\nexport async function run() { store.writeFileSync('a'); }`, mode: 'type-aware' },
  ],
  invalid: [
    // fs, every import style, with the promise twin suggested.
    replaced(`${FS}export async function run() { return fs.readFileSync('a', 'utf8'); }`, 'blockingIo', [
      [`fs.readFileSync('a', 'utf8')`, `await fs.promises.readFile('a', 'utf8')`],
    ]),
    replaced(`import fs from 'fs';\nexport async function run() { fs.writeFileSync('a', 'b'); }`, 'blockingIo', [
      [`fs.writeFileSync('a', 'b')`, `await fs.promises.writeFile('a', 'b')`],
    ]),
    replaced(`import { readFileSync } from 'node:fs';\nexport async function run() { return readFileSync('a'); }`, 'blockingIo', [
      [`import { readFileSync } from 'node:fs';\n`, `import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\n`],
      [`return readFileSync('a')`, `return await readFile('a')`],
    ]),
    replaced(`import { readFileSync as read } from 'fs';\nexport async function run() { return read('a'); }`, 'blockingIo', [
      [`from 'fs';\n`, `from 'fs';\nimport { readFile } from 'fs/promises';\n`],
      [`return read('a')`, `return await readFile('a')`],
    ]),
    replaced(
      `import { statSync } from 'node:fs';\nimport { stat as statAsync } from 'node:fs/promises';\nexport async function run() { return statSync('a').size; }`,
      'blockingIo',
      [[`statSync('a').size`, `(await statAsync('a')).size`]],
    ),
    replaced(
      `import { mkdirSync } from 'node:fs';\nimport { rm } from 'node:fs/promises';\nexport async function run() { await rm('b'); mkdirSync('a'); }`,
      'blockingIo',
      [
        [`import { rm } from`, `import { rm, mkdir } from`],
        [`mkdirSync('a')`, `await mkdir('a')`],
      ],
    ),
    replaced(
      `import { readdirSync } from 'node:fs';\nexport async function run(readdir: string) { return readdirSync(readdir); }`,
      'blockingIo',
      [
        [`from 'node:fs';\n`, `from 'node:fs';\nimport { readdir as readdirAsync } from 'node:fs/promises';\n`],
        [`return readdirSync(readdir)`, `return await readdirAsync(readdir)`],
      ],
    ),
    replaced(`${FS}const { copyFileSync } = fs;\nexport async function run() { copyFileSync('a', 'b'); }`, 'blockingIo', [
      [FS, `${FS}import { copyFile } from 'node:fs/promises';\n`],
      [`copyFileSync('a', 'b');`, `await copyFile('a', 'b');`],
    ]),
    replaced(`${FS}const remove = fs.rmSync;\nexport async function run() { remove('a'); }`, 'blockingIo', [
      [FS, `${FS}import { rm } from 'node:fs/promises';\n`],
      [`remove('a');`, `await rm('a');`],
    ]),
    replaced(`${FS}export const run = async () => { const text = fs.readFileSync('a').toString(); return text; };`, 'blockingIo', [
      [`fs.readFileSync('a').toString()`, `(await fs.promises.readFile('a')).toString()`],
    ]),
    replaced(`${FS}export class Loader { async load() { return JSON.parse(fs.readFileSync('a', 'utf8')); } }`, 'blockingIo', [
      [`fs.readFileSync('a', 'utf8')`, `await fs.promises.readFile('a', 'utf8')`],
    ]),
    replaced(`${FS}export async function* lines() { yield fs.readFileSync('a', 'utf8'); }`, 'blockingIo', [
      [`fs.readFileSync('a', 'utf8')`, `await fs.promises.readFile('a', 'utf8')`],
    ]),
    replaced(`${FS}export async function run() { if (fs.existsSync('a')) return 1; return 0; }`, 'blockingIo', [
      [`fs.existsSync('a')`, `await fs.promises.access('a').then(() => true, () => false)`],
    ]),
    replaced(`import { existsSync } from 'node:fs';\nexport async function run() { return existsSync('a'); }`, 'blockingIo', [
      [`from 'node:fs';\n`, `from 'node:fs';\nimport { access } from 'node:fs/promises';\n`],
      [`return existsSync('a')`, `return await access('a').then(() => true, () => false)`],
    ]),
    // fs calls without a drop-in twin.
    messageOnly(`${FS}export async function run() { const fd = fs.openSync('a', 'r'); fs.closeSync(fd); }`, 'blockingIo', {
      errors: [
        { messageId: 'blockingIo', data: { name: 'openSync', alternative: 'the asynchronous API', method: '' }, suggestions: [] },
        { messageId: 'blockingIo', data: { name: 'closeSync', alternative: 'the asynchronous API', method: '' }, suggestions: [] },
      ],
    }),
    messageOnly(`${FS}export async function run() { return fs.realpathSync.native('a'); }`, 'blockingIo'),
    messageOnly(`${FS}export async function run() { return fs.someFutureSync('a'); }`, 'blockingIo'),
    // child_process.
    replaced(`import { execSync } from 'node:child_process';\nexport async function run() { execSync('make'); }`, 'blockingProcess', [
      [
        `import { execSync } from 'node:child_process';\n`,
        `import { execSync, exec } from 'node:child_process';\nimport { promisify } from 'node:util';\n`,
      ],
      [`execSync('make');`, `await promisify(exec)('make');`],
    ]),
    replaced(`import * as cp from 'child_process';\nexport async function run() { cp.execFileSync('git', ['pull']); }`, 'blockingProcess', [
      [`from 'child_process';\n`, `from 'child_process';\nimport { promisify } from 'util';\n`],
      [`cp.execFileSync('git', ['pull']);`, `await promisify(cp.execFile)('git', ['pull']);`],
    ]),
    messageOnly(`import { execSync } from 'node:child_process';\nexport async function run() { return execSync('git rev-parse HEAD').toString(); }`, 'blockingProcess'),
    messageOnly(`import { spawnSync } from 'node:child_process';\nexport async function run() { spawnSync('ls'); }`, 'blockingProcess'),
    // crypto and zlib: CPU work.
    replaced(
      `import { pbkdf2Sync } from 'node:crypto';\nexport async function hash(password: string) { return pbkdf2Sync(password, 'salt', 100000, 64, 'sha512'); }`,
      'blockingCpu',
      [
        [`import { pbkdf2Sync } from 'node:crypto';\n`, `import { pbkdf2Sync, pbkdf2 } from 'node:crypto';\nimport { promisify } from 'node:util';\n`],
        [`return pbkdf2Sync(`, `return await promisify(pbkdf2)(`],
      ],
    ),
    replaced(
      `import crypto from 'node:crypto';\nexport async function derive(password: string) { return crypto.scryptSync(password, 'salt', 64); }`,
      'blockingCpu',
      [
        [`from 'node:crypto';\n`, `from 'node:crypto';\nimport { promisify } from 'node:util';\n`],
        [`crypto.scryptSync(password, 'salt', 64)`, `await promisify(crypto.scrypt)(password, 'salt', 64)`],
      ],
    ),
    replaced(
      `import * as zlib from 'node:zlib';\nimport { promisify } from 'node:util';\nexport async function pack(data: Buffer) { return zlib.gzipSync(data); }`,
      'blockingCpu',
      [[`zlib.gzipSync(data)`, `await promisify(zlib.gzip)(data)`]],
    ),
    replaced(
      `import { brotliCompressSync } from 'zlib';\nexport async function pack(data: Buffer) { return brotliCompressSync(data); }`,
      'blockingCpu',
      [
        [`import { brotliCompressSync } from 'zlib';\n`, `import { brotliCompressSync, brotliCompress } from 'zlib';\nimport { promisify } from 'util';\n`],
        [`return brotliCompressSync(data)`, `return await promisify(brotliCompress)(data)`],
      ],
    ),
    replaced(
      `import { generateKeyPairSync } from 'node:crypto';\nexport async function keys() { return generateKeyPairSync('ed25519'); }`,
      'blockingCpu',
      [
        [`import { generateKeyPairSync } from 'node:crypto';\n`, `import { generateKeyPairSync, generateKeyPair } from 'node:crypto';\nimport { promisify } from 'node:util';\n`],
        [`return generateKeyPairSync('ed25519')`, `return await promisify(generateKeyPair)('ed25519')`],
      ],
    ),
    // Callbacks that run synchronously inside the async function: a message, no rewrite.
    {
      code: `${FS}export async function run(paths: string[]) { return paths.map((p) => fs.readFileSync(p, 'utf8')); }`,
      errors: [{ messageId: 'blockingInCallback', data: { name: 'readFileSync', method: 'map', alternative: 'fs/promises readFile()' } }],
    },
    {
      code: `${FS}export async function run(paths: string[]) { paths.forEach((p) => { fs.unlinkSync(p); }); }`,
      errors: [{ messageId: 'blockingInCallback', data: { name: 'unlinkSync', method: 'forEach', alternative: 'fs/promises unlink()' } }],
    },
    {
      code: `${FS}export async function run(paths: string[]) { return paths.filter((p) => fs.existsSync(p)).sort((a, b) => fs.statSync(a).size - fs.statSync(b).size); }`,
      errors: [{ messageId: 'blockingInCallback' }, { messageId: 'blockingInCallback' }, { messageId: 'blockingInCallback' }],
    },
    {
      code: `${FS}export async function run(dirs: string[][]) { return dirs.flatMap((d) => d.map((f) => fs.readFileSync(f))); }`,
      errors: [{ messageId: 'blockingInCallback', data: { name: 'readFileSync', method: 'map', alternative: 'fs/promises readFile()' } }],
    },
    // Async callbacks are async functions too.
    replaced(`${FS}export function start() { setTimeout(async () => { fs.writeFileSync('a', 'b'); }, 10); }`, 'blockingIo', [
      [`fs.writeFileSync('a', 'b')`, `await fs.promises.writeFile('a', 'b')`],
    ]),
    replaced(`${FS}process.on('message', async () => { fs.appendFileSync('log', 'x'); });`, 'blockingIo', [
      [`fs.appendFileSync('log', 'x')`, `await fs.promises.appendFile('log', 'x')`],
    ]),
    // Atomics.wait and busy-waits.
    messageOnly(`export async function run(buffer: Int32Array) { Atomics.wait(buffer, 0, 0); }`, 'blockingWait'),
    { code: `export async function run() { const end = Date.now() + 100; while (Date.now() < end) {} }`, errors: [{ messageId: 'busyWait' }] },
    { code: `export async function run() { const start = performance.now(); while (performance.now() - start < 50); }`, errors: [{ messageId: 'busyWait' }] },
    { code: `export async function run() { const end = process.hrtime.bigint() + 5_000_000n; while (process.hrtime.bigint() < end) {} }`, errors: [{ messageId: 'busyWait' }] },
    { code: `export async function run() { const end = Date.now() + 5; let spins = 0; do { spins++; } while (Date.now() < end); return spins; }`, errors: [{ messageId: 'busyWait' }] },
    { code: `export async function run() { const end = Date.now() + 5; for (; new Date().getTime() < end; ) {} }`, errors: [{ messageId: 'busyWait' }] },
    {
      code: `import { performance } from 'node:perf_hooks';\nexport async function run() { const end = performance.now() + 5; let now = 0; while ((now = performance.now()) < end) {} return now; }`,
      errors: [{ messageId: 'busyWait' }],
    },
    {
      code: `export async function run() { const end = Date.now() + 5; let now = Date.now(); while (now < end) { now = Date.now(); } }`.replace('while (now < end)', 'while (Date.now() < end && now < end)'),
      errors: [{ messageId: 'busyWait' }],
    },
    // Options: other packages' blocking calls.
    replaced(
      `import { execaSync } from 'execa';\nexport async function run() { return execaSync('ls'); }`,
      'blockingIo',
      [
        [`import { execaSync } from 'execa';\n`, `import { execaSync, execa } from 'execa';\n`],
        [`return execaSync('ls')`, `return await execa('ls')`],
      ],
      { options: [{ additionalBlocking: [{ module: 'execa', name: 'execaSync', replacement: 'execa' }] }], name: 'additionalBlocking with a replacement' },
    ),
    messageOnly(`import Database from 'better-sqlite3';\nexport async function run() { return Database('app.db'); }`, 'blockingIo', {
      options: [{ additionalBlocking: [{ module: 'better-sqlite3', name: 'default' }] }],
    }),
    // Module bindings reached through a chain of aliases, and through a dynamic import.
    replaced(`import * as fs from 'node:fs';\nconst sync = fs;\nconst { statSync } = sync;\nexport async function run() { return statSync('a'); }`, 'blockingIo', [
      [`import * as fs from 'node:fs';\n`, `import * as fs from 'node:fs';\nimport { stat } from 'node:fs/promises';\n`],
      [`return statSync('a')`, `return await stat('a')`],
    ]),
    replaced(`export async function run() { const fs = await import('node:fs'); return fs.readFileSync('a'); }`, 'blockingIo', [
      [`fs.readFileSync('a')`, `await fs.promises.readFile('a')`],
    ]),
    // Plain JavaScript, CommonJS.
    replaced(`const fs = require('fs');\nasync function load() { return fs.readFileSync('a'); }\nmodule.exports = { load };`, 'blockingIo', [
      [`fs.readFileSync('a')`, `await fs.promises.readFile('a')`],
    ], { filename: 'file.js', mode: 'syntactic' }),
    replaced(`const { readFileSync } = require('node:fs');\nasync function load() { return readFileSync('a'); }\nmodule.exports = { load };`, 'blockingIo', [
      [`require('node:fs');\n`, `require('node:fs');\nconst { readFile } = require('node:fs/promises');\n`],
      [`return readFileSync('a')`, `return await readFile('a')`],
    ], { filename: 'file.js', mode: 'syntactic' }),
    replaced(`const { execSync } = require('child_process');\nasync function build() { execSync('make'); }\nmodule.exports = { build };`, 'blockingProcess', [
      [`require('child_process');\n`, `require('child_process');\nconst { promisify } = require('util');\nconst { exec } = require('child_process');\n`],
      [`execSync('make');`, `await promisify(exec)('make');`],
    ], { filename: 'file.js', mode: 'syntactic' }),
    replaced(`async function load() { return require('fs').readFileSync('a'); }\nmodule.exports = { load };`, 'blockingIo', [
      [`require('fs').readFileSync('a')`, `await require('fs').promises.readFile('a')`],
    ], { filename: 'file.js', mode: 'syntactic' }),
    // Only the checker can follow these back to node:fs.
    messageOnly(`import { readConfig } from './fs-wrapper';\nexport async function run() { return readConfig('a'); }`, 'blockingIo', { mode: 'type-aware' }),
    messageOnly(`import { files } from './fs-wrapper';\nexport async function run() { files.writeFileSync('a', 'b'); }`, 'blockingIo', { mode: 'type-aware' }),
    messageOnly(`declare const myFs: typeof import('node:fs');\nexport async function run() { myFs.statSync('a'); }`, 'blockingIo', { mode: 'type-aware' }),
  ],
};

runRuleTests('no-blocking-in-async', rule, cases);

describe('no-blocking-in-async: suggestions type-check', () => {
  for (const testCase of cases.invalid) {
    if (testCase.filename?.endsWith('.js') || testCase.code.includes("from 'execa'") || testCase.code.includes("'better-sqlite3'")) continue;
    const outputs = testCase.errors.flatMap((error) =>
      Array.isArray(error.suggestions) ? error.suggestions.map((suggestion) => suggestion.output) : [],
    );
    if (outputs.length === 0) continue;
    it(testCase.code, () => {
      expect(typeErrors(testCase.code)).toEqual([]);
      for (const output of outputs) expect(typeErrors(output)).toEqual([]);
    });
  }
});
