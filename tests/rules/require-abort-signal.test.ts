import rule from '../../rules/require-abort-signal.js';
import { type CasesFor, runRuleTests } from '../rule-tester.js';

type Cases = CasesFor<typeof rule>;
type Invalid = Cases['invalid'][number];

const TIMEOUT = 'AbortSignal.timeout(10000)';
const RETHROW = "if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) throw error;";

/** A request with no signal at all: add a timeout. */
function noTimeout(code: string, edited: string): Invalid {
  return { code, errors: [{ messageId: 'missingTimeout', suggestions: [{ messageId: 'addTimeout', data: { ms: '10000' }, output: edited }] }] };
}

/** A cancellable call that does not get the signal its function received. */
function notPassed(code: string, edited: string, signal = 'signal'): Invalid {
  return {
    code,
    errors: [{ messageId: 'signalNotPassed', suggestions: [{ messageId: 'passSignal', data: { signal }, output: edited }] }],
  };
}

const cases: Cases = {
  valid: [
    // Look-alikes: a module that is not Node's, a local function named like a global.
    `import { setTimeout as sleep } from 'timers-promises';\nexport async function wait(signal: AbortSignal) { await sleep(100); }`,
    `function fetch(url: string) { return url.length; }\nexport async function load(url: string, signal: AbortSignal) { return fetch(url); }`,
    // Requests with a signal.
    `export async function load(url: string) { return fetch(url, { signal: AbortSignal.timeout(5000) }); }`,
    `export async function load(url: string, signal: AbortSignal) { return fetch(url, { signal }); }`,
    `export async function load(url: string, signal: AbortSignal) { return fetch(url, { method: 'POST', signal: AbortSignal.any([signal, AbortSignal.timeout(1000)]) }); }`,
    `export async function load(url: string) { return fetch(url, { 'signal': AbortSignal.timeout(5000) }); }`,
    // Options the code does not show.
    `export async function load(url: string, init: RequestInit) { return fetch(url, init); }`,
    `export async function load(url: string, init: RequestInit) { return fetch(url, { ...init }); }`,
    `export async function load(args: [string, RequestInit]) { return fetch(...args); }`,
    // Not the global fetch, or not cancellable.
    `import { fetch } from './http';\nexport async function load(url: string) { return fetch(url); }`,
    `export async function load(fetch: (url: string) => Promise<unknown>) { return fetch('/a'); }`,
    `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait() { await sleep(100); }`,
    `import { readFile } from 'node:fs/promises';\nexport async function read() { return readFile('a'); }`,
    // Signals passed on.
    `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait(signal: AbortSignal) { await sleep(100, undefined, { signal }); }`,
    `import { once } from 'node:events';\nimport type { EventEmitter } from 'node:events';\nexport async function ready(emitter: EventEmitter, { signal }: { signal: AbortSignal }) { await once(emitter, 'ready', { signal }); }`,
    `import { readFile } from 'node:fs/promises';\nexport async function read(signal: AbortSignal) { return readFile('a', { encoding: 'utf8', signal }); }`,
    `import { pipeline } from 'node:stream/promises';\nexport async function copy(a: NodeJS.ReadableStream, b: NodeJS.WritableStream, signal: AbortSignal) { await pipeline(a, b, { signal }); }`,
    `export async function load(url: string, abort: AbortSignal) { return fetch(url, { signal: abort }); }`,
    // A local named signal is not one the caller passed.
    `export async function load(url: string, signal: AbortSignal) { const inner = () => { const signal = 1; return signal; }; return fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(1)]) }) ?? inner(); }`,
    // Catches that keep cancellation visible.
    `export async function load(url: string) { try { return await fetch(url, { signal: AbortSignal.timeout(1000) }); } catch (error) { throw new Error('failed', { cause: error }); } }`,
    `export async function load(url: string) { try { return await fetch(url, { signal: AbortSignal.timeout(1000) }); } catch (error) { if ((error as Error).name === 'AbortError') throw error; return null; } }`,
    `export async function load(url: string, signal: AbortSignal) { try { return await fetch(url, { signal }); } catch { if (signal.aborted) throw signal.reason; return null; } }`,
    `export async function load(url: string) { try { return await fetch(url, { signal: AbortSignal.timeout(1000) }); } catch (error) { if (error instanceof DOMException && error.name === 'TimeoutError') return null; throw error; } }`,
    `export async function load(url: string) { try { return await fetch(url); } catch { return null; } }`.replace('fetch(url)', 'fetch(url, { signal: AbortSignal.timeout(1) })').replace('catch { return null; }', 'catch (error) { throw error; }'),
    `export function load(url: string) { try { return fetch(url, { signal: AbortSignal.timeout(1) }); } catch { return null; } }`,
    // Loops that check the signal, or have none to check.
    { code: `export async function poll(signal: AbortSignal, check: () => Promise<boolean>) { while (!signal.aborted) { await check(); } }`, options: [{ checkLoops: true }] },
    { code: `export async function poll(signal: AbortSignal, items: string[]) { for (const item of items) { signal.throwIfAborted(); await fetch(item, { signal }); } }`, options: [{ checkLoops: true }] },
    { code: `export async function poll(check: () => Promise<boolean>) { while (!(await check())) { /* wait */ } }`, options: [{ checkLoops: true }] },
    // The word in a comment is no signal in scope.
    { code: `// cancelled by the caller's signal upstream\nexport async function poll(check: () => Promise<boolean>) { while (!(await check())) { /* wait */ } }`, options: [{ checkLoops: true }] },
    { code: `// no signal here\nexport async function load(url: string) { try { return await fetch(url, { method: 'GET' }); } catch { return null; } }`, options: [{ timeoutRequired: false }] },
    `export async function poll(signal: AbortSignal, check: () => Promise<boolean>) { while (!(await check())) { /* loops are off by default */ } }`,
    // Options.
    { code: `export async function load(url: string) { return fetch(url); }`, options: [{ timeoutRequired: false }] },
    { code: `export async function load(url: string, signal: AbortSignal) { return fetch(url); }`, options: [{ checkPropagation: false, timeoutRequired: false }] },
    { code: `export async function load(url: string) { try { return await fetch(url, { signal: AbortSignal.timeout(1) }); } catch { return null; } }`, options: [{ checkSwallowed: false }] },
    // Type-aware: a generic options parameter whose constraint has no signal, and one given it.
    { code: `declare function query<T extends { timeout?: number }>(sql: string, options: T): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', { timeout: 5 }); }`, mode: 'type-aware' },
    { code: `declare function query<T extends { signal?: AbortSignal }>(sql: string, options: T): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', { signal }); }`, mode: 'type-aware' },
    { code: `declare function query<T>(sql: string, options: T): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', { timeout: 5 }); }`, mode: 'type-aware' },
    // Type-aware: an options type without a signal.
    { code: `declare function query(sql: string, options?: { timeout?: number }): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1'); }`, mode: 'type-aware' },
  ],
  invalid: [
    // Requests that can wait forever.
    noTimeout(`export async function load(url: string) { return fetch(url); }`, `export async function load(url: string) { return fetch(url, { signal: ${TIMEOUT} }); }`),
    noTimeout(`export async function load(url: string) { return fetch(url, {}); }`, `export async function load(url: string) { return fetch(url, { signal: ${TIMEOUT} }); }`),
    noTimeout(
      `export async function load(url: string) { return fetch(url, { method: 'POST', body: '{}' }); }`,
      `export async function load(url: string) { return fetch(url, { method: 'POST', body: '{}', signal: ${TIMEOUT} }); }`,
    ),
    noTimeout(`export function load() { return globalThis.fetch ? fetch('/ping') : null; }`, `export function load() { return globalThis.fetch ? fetch('/ping', { signal: ${TIMEOUT} }) : null; }`),
    noTimeout(`const response = await fetch('/config');\nexport { response };`, `const response = await fetch('/config', { signal: ${TIMEOUT} });\nexport { response };`),
    noTimeout(
      `import { fetch } from 'undici';\nexport async function load(url: string) { return fetch(url); }`,
      `import { fetch } from 'undici';\nexport async function load(url: string) { return fetch(url, { signal: ${TIMEOUT} }); }`,
    ),
    noTimeout(
      `import { request } from 'undici';\nexport async function load(url: string) { return request(url, { method: 'GET' }); }`,
      `import { request } from 'undici';\nexport async function load(url: string) { return request(url, { method: 'GET', signal: ${TIMEOUT} }); }`,
    ),
    {
      code: `export async function load(url: string) { return fetch(url); }`,
      options: [{ timeoutMs: 2500 }],
      errors: [{ messageId: 'missingTimeout', suggestions: [{ messageId: 'addTimeout', data: { ms: '2500' }, output: `export async function load(url: string) { return fetch(url, { signal: AbortSignal.timeout(2500) }); }` }] }],
    },
    { code: `const AbortSignal = {};\nexport async function load(url: string) { return fetch(url); }`, errors: [{ messageId: 'missingTimeout', suggestions: [] }] },
    // A signal received and not passed on.
    notPassed(
      `export async function load(url: string, signal: AbortSignal) { return fetch(url); }`,
      `export async function load(url: string, signal: AbortSignal) { return fetch(url, { signal: AbortSignal.any([signal, ${TIMEOUT}]) }); }`,
    ),
    notPassed(
      `export async function load(url: string, { signal }: { signal?: AbortSignal } = {}) { return fetch(url, { method: 'GET' }); }`,
      `export async function load(url: string, { signal }: { signal?: AbortSignal } = {}) { return fetch(url, { method: 'GET', signal: AbortSignal.any([signal, ${TIMEOUT}]) }); }`,
    ),
    notPassed(
      `export async function load(url: string, abort: AbortSignal) { return fetch(url, {}); }`,
      `export async function load(url: string, abort: AbortSignal) { return fetch(url, { signal: AbortSignal.any([abort, ${TIMEOUT}]) }); }`,
      'abort',
    ),
    notPassed(
      `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait(signal: AbortSignal) { await sleep(100); }`,
      `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait(signal: AbortSignal) { await sleep(100, undefined, { signal }); }`,
    ),
    notPassed(
      `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait(signal: AbortSignal) { await sleep(100, 'done', { ref: false }); }`,
      `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait(signal: AbortSignal) { await sleep(100, 'done', { ref: false, signal }); }`,
    ),
    notPassed(
      `import { setImmediate } from 'node:timers/promises';\nexport async function tick(signal: AbortSignal) { await setImmediate(); }`,
      `import { setImmediate } from 'node:timers/promises';\nexport async function tick(signal: AbortSignal) { await setImmediate(undefined, { signal }); }`,
    ),
    notPassed(
      `import { once } from 'node:events';\nimport type { EventEmitter } from 'node:events';\nexport async function ready(emitter: EventEmitter, signal: AbortSignal) { await once(emitter, 'ready'); }`,
      `import { once } from 'node:events';\nimport type { EventEmitter } from 'node:events';\nexport async function ready(emitter: EventEmitter, signal: AbortSignal) { await once(emitter, 'ready', { signal }); }`,
    ),
    notPassed(
      `import { readFile } from 'node:fs/promises';\nexport async function read(signal: AbortSignal) { return readFile('a', { encoding: 'utf8' }); }`,
      `import { readFile } from 'node:fs/promises';\nexport async function read(signal: AbortSignal) { return readFile('a', { encoding: 'utf8', signal }); }`,
    ),
    notPassed(
      `import fs from 'node:fs';\nexport async function write(signal: AbortSignal) { await fs.promises.writeFile('a', 'b'); }`,
      `import fs from 'node:fs';\nexport async function write(signal: AbortSignal) { await fs.promises.writeFile('a', 'b', { signal }); }`,
    ),
    // A module reached through require(), import = require() or a dynamic import.
    {
      ...notPassed(
        `const { setTimeout: sleep } = require('node:timers/promises');\nasync function wait(signal) { await sleep(100); }\nmodule.exports = { wait };`,
        `const { setTimeout: sleep } = require('node:timers/promises');\nasync function wait(signal) { await sleep(100, undefined, { signal }); }\nmodule.exports = { wait };`,
      ),
      filename: 'file.js',
      mode: 'syntactic',
    },
    notPassed(
      `import timers = require('node:timers/promises');\nexport async function wait(signal: AbortSignal) { await timers.setTimeout(100); }`,
      `import timers = require('node:timers/promises');\nexport async function wait(signal: AbortSignal) { await timers.setTimeout(100, undefined, { signal }); }`,
    ),
    notPassed(
      `export async function wait(signal: AbortSignal) { const timers = await import('node:timers/promises'); await timers.setTimeout(100); }`,
      `export async function wait(signal: AbortSignal) { const timers = await import('node:timers/promises'); await timers.setTimeout(100, undefined, { signal }); }`,
    ),
    notPassed(
      `import { pipeline } from 'node:stream/promises';\nexport async function copy(a: NodeJS.ReadableStream, b: NodeJS.WritableStream, signal: AbortSignal) { await pipeline(a, b); }`,
      `import { pipeline } from 'node:stream/promises';\nexport async function copy(a: NodeJS.ReadableStream, b: NodeJS.WritableStream, signal: AbortSignal) { await pipeline(a, b, { signal }); }`,
    ),
    notPassed(
      `export async function load(urls: string[], signal: AbortSignal) { return Promise.all(urls.map((url) => fetch(url))); }`,
      `export async function load(urls: string[], signal: AbortSignal) { return Promise.all(urls.map((url) => fetch(url, { signal: AbortSignal.any([signal, ${TIMEOUT}]) }))); }`,
    ),
    {
      code: `export async function load(url: string, signal: AbortSignal) { return fetch(url); }`,
      options: [{ timeoutRequired: false }],
      errors: [{ messageId: 'signalNotPassed', suggestions: [{ messageId: 'passSignal', data: { signal: 'signal' }, output: `export async function load(url: string, signal: AbortSignal) { return fetch(url, { signal }); }` }] }],
    },
    {
      code: `import { call } from './rpc';\nexport async function run(signal: AbortSignal) { await call('ping', {}); }`,
      options: [{ functions: [{ module: './rpc', name: 'call', optionsArgument: 1 }] }],
      errors: [{ messageId: 'signalNotPassed', suggestions: [{ messageId: 'passSignal', data: { signal: 'signal' }, output: `import { call } from './rpc';\nexport async function run(signal: AbortSignal) { await call('ping', { signal }); }` }] }],
    },
    {
      code: `declare function query(sql: string, options?: { signal?: AbortSignal }): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1'); }`,
      mode: 'type-aware',
      errors: [{ messageId: 'signalNotPassed', suggestions: [{ messageId: 'passSignal', data: { signal: 'signal' }, output: `declare function query(sql: string, options?: { signal?: AbortSignal }): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', { signal }); }` }] }],
    },
    // A generic options parameter whose constraint carries the signal.
    {
      code: `declare function query<T extends { signal?: AbortSignal; timeout?: number }>(sql: string, options: T): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', { timeout: 5 }); }`,
      mode: 'type-aware',
      errors: [{ messageId: 'signalNotPassed', suggestions: [{ messageId: 'passSignal', data: { signal: 'signal' }, output: `declare function query<T extends { signal?: AbortSignal; timeout?: number }>(sql: string, options: T): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', { timeout: 5, signal }); }` }] }],
    },
    // Overloads that agree on where the options go.
    {
      code: `declare function query(sql: string): Promise<void>;\ndeclare function query(sql: string, options?: { signal?: AbortSignal }): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', {}); }`,
      mode: 'type-aware',
      errors: [{ messageId: 'signalNotPassed', suggestions: [{ messageId: 'passSignal', data: { signal: 'signal' }, output: `declare function query(sql: string): Promise<void>;\ndeclare function query(sql: string, options?: { signal?: AbortSignal }): Promise<void>;\nexport async function run(signal: AbortSignal) { await query('select 1', { signal }); }` }] }],
    },
    // Cancellation swallowed.
    {
      code: `export async function load(url: string) {\n  try {\n    return await fetch(url, { signal: AbortSignal.timeout(5000) });\n  } catch (error) {\n    console.error(error);\n    return null;\n  }\n}`,
      errors: [
        {
          messageId: 'swallowedAbort',
          line: 4,
          column: 5,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'rethrowAbort',
              output: `export async function load(url: string) {\n  try {\n    return await fetch(url, { signal: AbortSignal.timeout(5000) });\n  } catch (error) { ${RETHROW}\n    console.error(error);\n    return null;\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function load(url: string, signal: AbortSignal) { try { await fetch(url, { signal }); } catch { return null; } }`,
      errors: [
        {
          messageId: 'swallowedAbort',
          suggestions: [{ messageId: 'rethrowAbort', output: `export async function load(url: string, signal: AbortSignal) { try { await fetch(url, { signal }); } catch (error) { ${RETHROW} return null; } }` }],
        },
      ],
    },
    {
      code: `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait(signal: AbortSignal) { try { await sleep(1000, undefined, { signal }); } catch (e) { console.log('woke up'); } }`,
      errors: [
        {
          messageId: 'swallowedAbort',
          suggestions: [
            {
              messageId: 'rethrowAbort',
              output: `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function wait(signal: AbortSignal) { try { await sleep(1000, undefined, { signal }); } catch (e) { if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')) throw e; console.log('woke up'); } }`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function load(url: string) { try { const r = await fetch(url, { signal: AbortSignal.timeout(1) }); return await r.json(); } catch ({ message }) { return message; } }`,
      errors: [{ messageId: 'swallowedAbort', suggestions: [] }],
    },
    // Loops that ignore the signal (checkLoops).
    {
      code: `export async function poll(signal: AbortSignal, check: () => Promise<boolean>) { while (!(await check())) { await new Promise((r) => setTimeout(r, 100)); } }`,
      options: [{ checkLoops: true }],
      errors: [
        {
          messageId: 'loopIgnoresSignal',
          suggestions: [{ messageId: 'checkSignal', output: `export async function poll(signal: AbortSignal, check: () => Promise<boolean>) { while (!(await check())) { signal.throwIfAborted(); await new Promise((r) => setTimeout(r, 100)); } }` }],
        },
      ],
    },
    {
      code: `export async function each(items: string[], { signal }: { signal: AbortSignal }, work: (item: string) => Promise<void>) { for (const item of items) await work(item); }`,
      options: [{ checkLoops: true }],
      errors: [
        {
          messageId: 'loopIgnoresSignal',
          suggestions: [{ messageId: 'checkSignal', output: `export async function each(items: string[], { signal }: { signal: AbortSignal }, work: (item: string) => Promise<void>) { for (const item of items) { signal.throwIfAborted(); await work(item); } }` }],
        },
      ],
    },
    {
      code: `export async function each(n: number, abort: AbortSignal, work: () => Promise<void>) { for (let i = 0; i < n; i++) { await work(); } }`,
      options: [{ checkLoops: true }],
      errors: [
        {
          messageId: 'loopIgnoresSignal',
          suggestions: [{ messageId: 'checkSignal', output: `export async function each(n: number, abort: AbortSignal, work: () => Promise<void>) { for (let i = 0; i < n; i++) { abort.throwIfAborted(); await work(); } }` }],
        },
      ],
    },
  ],
};

runRuleTests('require-abort-signal', rule, cases);
