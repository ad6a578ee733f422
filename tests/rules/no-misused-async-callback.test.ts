import rule from '../../rules/no-misused-async-callback.js';
import { type CasesFor, runRuleTests } from '../rule-tester.js';

type Cases = CasesFor<typeof rule>;

const D = `declare const items: number[];
declare const names: Set<string>;
declare const scores: Map<string, number>;
declare function save(value: unknown): Promise<void>;
declare function isValid(value: number): Promise<boolean>;
declare function weight(value: number): Promise<number>;
import { EventEmitter } from 'node:events';
const emitter = new EventEmitter();
`;

/** The shared declarations, then `body` inside an async function. */
const inAsync = (body: string): string => `${D}export async function run() {\n${body}\n}`;
const CATCH = '.catch((error) => { console.error(error); })';

const cases: Cases = {
  valid: [
    // Calls that pass no callback at all, next to an async function the file does declare.
    inAsync('const handler = async () => {};\nitems.forEach();\nsetTimeout();\nemitter.on();\nawait handler();'),
    // Names whose annotation shows they hold no promise-returning function.
    { code: `declare function register(callback: () => void): void;\nexport function run(handler: () => void) { register(handler); }`, mode: 'type-aware' },
    // `save(1) && done` evaluates to `done`: a promise is never falsy.
    { code: `declare function register(callback: () => void): void;\ndeclare function save(value: unknown): Promise<void>;\nregister(() => save(1) && undefined);`, mode: 'type-aware' },
    { code: `declare function register(callback: (() => void) | string): void;\nexport function run(name: string) { register(name); }`, mode: 'type-aware' },
    { code: `declare function register(callback: (() => void) | unknown[]): void;\nexport function run(names: unknown[]) { register(names); }`, mode: 'type-aware' },
    { code: `declare function register(callback: () => void): void;\nexport function run() { try { register(() => {}); } catch (error) { register(error as never); } }`, mode: 'type-aware' },
    // Members whose declared type holds no promise-returning function.
    { code: `declare function register(callback: (() => void) | number): void;\nexport function run(options: { retries: number }) { register(options.retries); }`, mode: 'type-aware' },
    // A promise-returning function where the parameter expects one, or takes any value: not a void callback.
    { code: `declare function retry(task: () => Promise<void>, times: number): void;\nexport function run(jobs: { flush(): Promise<void> }) { retry(jobs.flush, 3); }`, mode: 'type-aware' },
    { code: `declare function store(value: unknown): void;\nexport function run(jobs: { flush(): Promise<void> }, save: () => Promise<void>) { store(jobs.flush); store(save); }`, mode: 'type-aware' },
    { code: `declare function register(callback: () => void): void;\nexport class Job { stop() {} start() { register(this.stop); } }`, mode: 'type-aware' },
    // An executor's resolve takes a value: the function is the promise's value, not a callback.
    { code: `export const later = new Promise<() => Promise<void>>((resolve) => { const job = async () => {}; resolve(job); });`, mode: 'type-aware' },
    // Callbacks that return only values that are never promises.
    { code: `declare function register(callback: () => void): void;\nregister(() => ({ ok: true }));`, mode: 'type-aware' },
    { code: `declare function register(callback: (value: number) => void): void;\nregister((value) => value > 1 && value < 5);`, mode: 'type-aware' },
    { code: `declare function register(callback: () => void): void;\ndeclare function makeHandler(): () => void;\nexport function run() { const handler = makeHandler(); register(handler); }`, mode: 'type-aware' },
    // A type parameter inferred from the callback itself, constrained to return anything.
    { code: `declare function memoize<F extends (...args: never[]) => unknown>(fn: F): F;\nexport const load = memoize(async () => 1);`, mode: 'type-aware' },
    // Methods named like the array and promise methods that use their callback's result are not
    // checked for a void return: their promises are collected or adopted.
    { code: `declare const chain: { then(callback: () => void): void };\nchain.then(async () => {});`, mode: 'type-aware' },
    // Callbacks whose promises are used.
    inAsync(`await Promise.all(items.map(async (item) => save(item)));`),
    inAsync(`const pending = items.map(async (item) => save(item));\nawait Promise.all(pending);`),
    inAsync(`await Promise.all(items.flatMap(async (item) => [save(item)]));`),
    inAsync(`for (const item of items) { await save(item); }`),
    inAsync(`const keep = await Promise.all(items.map((item) => isValid(item)));\nreturn items.filter((_, index) => keep[index]);`),
    // Synchronous callbacks.
    `${D}items.forEach((item) => console.log(item));`,
    `${D}items.forEach((item) => { void save(item); });`,
    `${D}const big = items.filter((item) => item > 1);`,
    // `a && b` evaluates to `b` or a falsy `a`: these callbacks return no promise.
    `${D}const kept = items.filter((item) => save(item) && item > 1);`,
    `${D}const sorted = items.toSorted((a, b) => a - b);`,
    `${D}const found = items.find((item) => item === 1);`,
    `${D}scores.forEach((value, key) => console.log(key, value));`,
    `${D}function sync(item: number) { return item; }\nitems.forEach(sync);`,
    `${D}const doubled = items.map(async (item) => (await weight(item)) * 2);\nexport const all = Promise.all(doubled);`,
    `${D}export async function run() { for (const name of names) await save(name); }`,
    `${D}const sorted = [...items].sort((a, b) => b - a);`,
    `${D}const first = items.findLast((item) => item > 0);`,
    `${D}export function run() { return new Promise<void>((resolve, reject) => { save(1).then(resolve, reject); }); }`,
    `${D}emitter.on('data', (chunk) => { console.log(chunk); });`,
    // Reducers that await the accumulator.
    `${D}const total = items.reduce(async (sum, item) => (await sum) + item, Promise.resolve(0));`,
    `${D}const total = items.reduce(async (previous, item) => { const sum = await previous; return sum + (await weight(item)); }, Promise.resolve(0));`,
    // Timers and listeners whose async bodies catch their errors.
    `${D}setTimeout(async () => { try { await save(1); } catch (error) { console.error(error); } }, 10);`,
    `${D}emitter.on('data', async (chunk) => { try { await save(chunk); } catch (error) { emitter.emit('error', error); } });`,
    `${D}process.on('message', async (message) => { await save(message).catch((error) => console.error(error)); });`,
    `${D}setInterval(async () => { await save(1).then(undefined, (error) => console.error(error)); }, 1000);`,
    `${D}queueMicrotask(async () => { console.log('no await here'); });`,
    `${D}emitter.once('ready', () => { void save(1).catch(console.error); });`,
    `${D}setTimeout(() => save(1).catch(console.error), 10);`,
    `${D}declare const handler: () => Promise<void>;\nemitter.on('data', handler);`,
    `import { setTimeout as sleep } from 'node:timers/promises';\nexport async function run() { await sleep(10); }`,
    // A local module named like the built-in: its `setTimeout` is no timer of Node's.
    `${D}import { setTimeout as later } from './timers';\nlater(async () => { await save(1); }, 5);`,
    `${D}import { setTimeout as delay } from 'node:timers/promises';\nawait delay(10, async () => save(1));`,
    // Promise executors that are not async.
    `${D}const ready = new Promise<void>((resolve) => emitter.once('ready', () => resolve()));`,
    `${D}const done = new Promise((resolve, reject) => { save(1).then(resolve, reject); });`,
    `declare const Promise: new (executor: () => Promise<void>) => unknown;\nconst p = new Promise(async () => {});`,
    // Names that only look like the array methods.
    `${D}declare const prompt: { filter(fn: (input: string) => Promise<string[]>): Promise<string> };\nexport async function run() { return await prompt.filter(async (input) => [input]); }`,
    {
      // With types, a forEach that returns a promise (Node streams) awaits its callbacks.
      code: `${D}declare const stream: { forEach(fn: (x: number) => Promise<void>): Promise<void> };\nexport async function run() { await stream.forEach(async (x) => save(x)); }`,
      mode: 'type-aware',
    },
    `${D}declare function forEach(list: number[], fn: (x: number) => Promise<void>): Promise<void>;\nawait forEach(items, async (item) => save(item));`,
    `${D}declare function filter(fn: (x: number) => Promise<boolean>): void;\nfilter(async (item) => isValid(item));`,
    // Options.
    { code: `${D}declare const queue: { each(fn: (x: number) => Promise<void>): void };\nqueue.each(async (x) => save(x));`, options: [{ forEachMethods: [] }] },
    { code: `${D}emitter.on('data', async (chunk) => { await save(chunk); });`, options: [{ ignore: ['emitter'] }] },
    { code: `${D}setTimeout(async () => { await save(1); });`, options: [{ ignore: ['setTimeout'] }] },
    // Type-aware: void-returning parameters, skipped where frameworks await or users opt out.
    {
      code: `declare const app: { get(path: string, handler: (req: unknown, res: unknown) => void): void };\ndeclare function save(value: unknown): Promise<void>;\napp.get('/', async (req, res) => { await save(req); });`,
      mode: 'type-aware',
    },
    {
      code: `declare function register(callback: () => void): void;\ndeclare function save(value: unknown): Promise<void>;\nregister(async () => { await save(1); });`,
      options: [{ checkVoidReturn: false }],
      mode: 'type-aware',
    },
    {
      code: `declare function register(callback: () => void | Promise<void>): void;\ndeclare function save(value: unknown): Promise<void>;\nregister(async () => { await save(1); });`,
      mode: 'type-aware',
    },
    {
      code: `declare function register(callback: () => unknown): void;\ndeclare function save(value: unknown): Promise<void>;\nregister(async () => { await save(1); });`,
      mode: 'type-aware',
    },
    {
      code: `import { test } from 'node:test';\ndeclare function save(value: unknown): Promise<void>;\ntest('saves', async () => { await save(1); });`,
      mode: 'type-aware',
    },
    {
      code: `declare function register(callback: () => void): void;\nregister(() => {});`,
      mode: 'type-aware',
    },
    // Without types, a callback typed elsewhere to return a promise is unknown.
    { code: `import { handler } from './handlers';\ndeclare const items: number[];\nitems.forEach(handler);`, mode: 'syntactic' },
  ],
  invalid: [
    // forEach: nobody waits.
    {
      code: inAsync(`items.forEach(async (item) => {\n  await save(item);\n});`),
      errors: [
        {
          messageId: 'forEach',
          data: { method: 'forEach' },
          line: 10,
          suggestions: [
            { messageId: 'forOfLoop', output: inAsync(`for (const item of items) {\n  await save(item);\n}`) },
            { messageId: 'awaitAllMap', output: inAsync(`await Promise.all(items.map(async (item) => {\n  await save(item);\n}));`) },
          ],
        },
      ],
    },
    {
      code: inAsync(`items.forEach(async (item) => save(item));`),
      errors: [
        {
          messageId: 'forEach',
          suggestions: [
            { messageId: 'forOfLoop', output: inAsync(`for (const item of items) { await save(item); }`) },
            { messageId: 'awaitAllMap', output: inAsync(`await Promise.all(items.map(async (item) => save(item)));`) },
          ],
        },
      ],
    },
    {
      code: inAsync(`items.forEach(async (item, index) => { await save([item, index]); });`),
      errors: [
        {
          messageId: 'forEach',
          suggestions: [{ messageId: 'awaitAllMap', output: inAsync(`await Promise.all(items.map(async (item, index) => { await save([item, index]); }));`) }],
        },
      ],
    },
    {
      code: inAsync(`names.forEach(async (name) => { await save(name); });`),
      errors: [
        {
          messageId: 'forEach',
          suggestions: [
            { messageId: 'forOfLoop', output: inAsync(`for (const name of names.values()) { await save(name); }`) },
            { messageId: 'awaitAllMap', output: inAsync(`await Promise.all(Array.from(names.values(), async (name) => { await save(name); }));`) },
          ],
        },
      ],
    },
    {
      code: inAsync(`scores.forEach(async (score, name) => { await save({ name, score }); });`),
      errors: [{ messageId: 'forEach', suggestions: [] }],
    },
    {
      code: inAsync(`items.forEach(async (item) => { if (item < 0) return; await save(item); });`),
      errors: [
        {
          messageId: 'forEach',
          suggestions: [{ messageId: 'awaitAllMap', output: inAsync(`await Promise.all(items.map(async (item) => { if (item < 0) return; await save(item); }));`) }],
        },
      ],
    },
    {
      code: inAsync(`items.forEach(async function (item) { await save([this, item]); });`),
      errors: [{ messageId: 'forEach', suggestions: [{ messageId: 'awaitAllMap', output: inAsync(`await Promise.all(items.map(async function (item) { await save([this, item]); }));`) }] }],
    },
    { code: `${D}items.forEach(async (item) => { await save(item); });`.replace(D, `${D}function sync() {\n`) + '\n}', errors: [{ messageId: 'forEach', suggestions: [] }] },
    { code: `${D}async function saveOne(item: number) { await save(item); }\nitems.forEach(saveOne);`, errors: [{ messageId: 'forEach', suggestions: [] }] },
    { code: `${D}declare const handler: () => Promise<void>;\nitems.forEach(handler);`, errors: [{ messageId: 'forEach', suggestions: [] }] },
    { code: `${D}const saveOne = async (item: number) => save(item);\nexport function run() { items.forEach(saveOne); }`, errors: [{ messageId: 'forEach', suggestions: [] }] },
    // A method of a name annotated with an interface of the file.
    { code: `declare const items: number[];\ninterface Api { save(item: number): Promise<void> }\nexport function run(api: Api) { items.forEach(api.save); }`, errors: [{ messageId: 'forEach', suggestions: [] }] },
    // Declared without a body, with a promise as its return type.
    { code: `declare const items: number[];\ndeclare function saveOne(item: number): Promise<void>;\nitems.forEach(saveOne);`, errors: [{ messageId: 'forEach', suggestions: [] }] },
    { code: inAsync(`const result = items.forEach(async (item) => save(item));\nreturn result;`), errors: [{ messageId: 'forEach', suggestions: [] }] },
    {
      code: inAsync(`items.forEach(async (item) => save(item));`).replace('items.forEach', 'items.filter((item) => item > 0).forEach'),
      errors: [
        {
          messageId: 'forEach',
          suggestions: [
            { messageId: 'forOfLoop', output: inAsync(`for (const item of items.filter((item) => item > 0)) { await save(item); }`) },
            { messageId: 'awaitAllMap', output: inAsync(`await Promise.all(items.filter((item) => item > 0).map(async (item) => save(item)));`) },
          ],
        },
      ],
    },
    {
      code: `${D}declare const queue: { each(fn: (x: number) => void): void };\nqueue.each(async (x) => save(x));`,
      options: [{ forEachMethods: ['each'] }],
      errors: [{ messageId: 'forEach', data: { method: 'each' }, suggestions: [] }],
    },
    // Predicates and comparators read a promise.
    {
      code: inAsync(`const valid = items.filter(async (item) => await isValid(item));\nreturn valid;`),
      errors: [
        {
          messageId: 'predicate',
          data: { method: 'filter' },
          suggestions: [
            {
              messageId: 'filterInTwoSteps',
              output: inAsync(`const keep = await Promise.all(items.map(async (item) => await isValid(item)));\nconst valid = items.filter((_, index) => keep[index]);\nreturn valid;`),
            },
          ],
        },
      ],
    },
    {
      code: inAsync(`const keep = 1;\nconst valid = items.filter(async (item) => isValid(item));\nreturn [keep, valid];`),
      errors: [
        {
          messageId: 'predicate',
          suggestions: [
            {
              messageId: 'filterInTwoSteps',
              output: inAsync(`const keep = 1;\nconst keepFlags = await Promise.all(items.map(async (item) => isValid(item)));\nconst valid = items.filter((_, index) => keepFlags[index]);\nreturn [keep, valid];`),
            },
          ],
        },
      ],
    },
    { code: inAsync(`return items.filter(async (item) => isValid(item));`), errors: [{ messageId: 'predicate', suggestions: [] }] },
    { code: `${D}export function run() { const valid = items.filter(async (item) => isValid(item)); return valid; }`, errors: [{ messageId: 'predicate', suggestions: [] }] },
    { code: inAsync(`return items.some(async (item) => isValid(item));`), errors: [{ messageId: 'predicate', data: { method: 'some' } }] },
    { code: inAsync(`await items.forEach(async (item) => { await save(item); });`), errors: [{ messageId: 'forEach', suggestions: [] }] },
    { code: inAsync(`return items.every(async (item) => isValid(item));`), errors: [{ messageId: 'predicate', data: { method: 'every' } }] },
    { code: inAsync(`return items.find(async (item) => isValid(item));`), errors: [{ messageId: 'predicate', data: { method: 'find' } }] },
    { code: inAsync(`return items.findIndex(async (item) => isValid(item));`), errors: [{ messageId: 'predicate', data: { method: 'findIndex' } }] },
    { code: inAsync(`return items.findLast(async (item) => isValid(item));`), errors: [{ messageId: 'predicate', data: { method: 'findLast' } }] },
    { code: inAsync(`return items.findLastIndex(async (item) => isValid(item));`), errors: [{ messageId: 'predicate', data: { method: 'findLastIndex' } }] },
    { code: inAsync(`return items.sort(async (a, b) => (await weight(a)) - (await weight(b)));`), errors: [{ messageId: 'comparator', data: { method: 'sort' } }] },
    { code: inAsync(`return items.toSorted(async (a, b) => (await weight(a)) - b);`), errors: [{ messageId: 'comparator', data: { method: 'toSorted' } }] },
    // Reducers that never await the accumulator.
    { code: `${D}const total = items.reduce(async (sum, item) => sum + (await weight(item)), 0);`, errors: [{ messageId: 'reducer', data: { method: 'reduce' } }] },
    { code: `${D}const total = items.reduceRight(async (sum, item) => { await save(item); return sum; }, 0);`, errors: [{ messageId: 'reducer', data: { method: 'reduceRight' } }] },
    { code: `${D}const merged = items.reduce(async ({ ...acc }, item) => ({ ...acc, [item]: await weight(item) }), {});`, errors: [{ messageId: 'reducer' }] },
    // Timers and listeners: a throw becomes an unhandled rejection.
    {
      code: `${D}setTimeout(async () => { await save(1); }, 10);`,
      errors: [
        {
          messageId: 'unhandledCallback',
          data: { caller: 'setTimeout' },
          suggestions: [{ messageId: 'catchInside', output: `${D}setTimeout(async () => { try { await save(1); } catch (error) { console.error(error); } }, 10);` }],
        },
      ],
    },
    // An expression body that awaits without a guard, whatever it returns.
    {
      code: `${D}setTimeout(async () => [await save(1)], 10);`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchInside', output: `${D}setTimeout(async () => { try { await [await save(1)]; } catch (error) { console.error(error); } }, 10);` }] }],
    },
    {
      code: `${D}setInterval(async () => save(1), 1000);`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchInside', output: `${D}setInterval(async () => { try { await save(1); } catch (error) { console.error(error); } }, 1000);` }] }],
    },
    {
      code: `${D}setImmediate(async () => { await save(1); });`,
      errors: [{ messageId: 'unhandledCallback', data: { caller: 'setImmediate' }, suggestions: [{ messageId: 'catchInside', output: `${D}setImmediate(async () => { try { await save(1); } catch (error) { console.error(error); } });` }] }],
    },
    {
      code: `${D}queueMicrotask(async () => { await save(1); });`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchInside', output: `${D}queueMicrotask(async () => { try { await save(1); } catch (error) { console.error(error); } });` }] }],
    },
    {
      code: `${D}emitter.on('data', async (chunk) => {\n  await save(chunk);\n});`,
      errors: [
        {
          messageId: 'unhandledCallback',
          data: { caller: 'on' },
          suggestions: [{ messageId: 'catchInside', output: `${D}emitter.on('data', async (chunk) => { try { await save(chunk); } catch (error) { console.error(error); } });` }],
        },
      ],
    },
    {
      code: `${D}emitter.once('close', async function () { await save('closed'); });`,
      errors: [{ messageId: 'unhandledCallback', data: { caller: 'once' }, suggestions: [{ messageId: 'catchInside', output: `${D}emitter.once('close', async function () { try { await save('closed'); } catch (error) { console.error(error); } });` }] }],
    },
    {
      code: `${D}process.on('SIGTERM', async () => { await save('bye'); process.exit(0); });`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchInside', output: `${D}process.on('SIGTERM', async () => { try { await save('bye'); process.exit(0); } catch (error) { console.error(error); } });` }] }],
    },
    {
      code: `${D}emitter.addListener('data', async (chunk) => { try { await save(chunk); } finally { console.log('done'); } });`,
      errors: [{ messageId: 'unhandledCallback', data: { caller: 'addListener' }, suggestions: [{ messageId: 'catchInside', output: `${D}emitter.addListener('data', async (chunk) => { try { try { await save(chunk); } finally { console.log('done'); } } catch (error) { console.error(error); } });` }] }],
    },
    {
      code: `${D}async function refresh() { await save('tick'); }\nsetInterval(refresh, 1000);`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchAtCall', output: `${D}async function refresh() { await save('tick'); }\nsetInterval(() => void refresh()${CATCH}, 1000);` }] }],
    },
    {
      code: `${D}const onData = async (chunk: unknown) => { await save(chunk); };\nemitter.on('data', onData);`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchAtCall', output: `${D}const onData = async (chunk: unknown) => { await save(chunk); };\nemitter.on('data', (chunk) => void onData(chunk)${CATCH});` }] }],
    },
    {
      code: `import { setTimeout as later } from 'node:timers';\ndeclare function save(value: unknown): Promise<void>;\nlater(async () => { await save(1); }, 5);`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchInside', output: `import { setTimeout as later } from 'node:timers';\ndeclare function save(value: unknown): Promise<void>;\nlater(async () => { try { await save(1); } catch (error) { console.error(error); } }, 5);` }] }],
    },
    {
      code: `const { setTimeout: later } = require('timers');\ndeclare function save(value: unknown): Promise<void>;\nlater(async () => { await save(1); }, 5);`,
      errors: [{ messageId: 'unhandledCallback', suggestions: [{ messageId: 'catchInside', output: `const { setTimeout: later } = require('timers');\ndeclare function save(value: unknown): Promise<void>;\nlater(async () => { try { await save(1); } catch (error) { console.error(error); } }, 5);` }] }],
    },
    // Async Promise executors.
    {
      code: `${D}const p = new Promise(async (resolve, reject) => { await save(1); resolve(2); });`,
      errors: [
        {
          messageId: 'executor',
          suggestions: [{ messageId: 'rejectFromExecutor', output: `${D}const p = new Promise((resolve, reject) => { (async () => { await save(1); resolve(2); })().catch(reject); });` }],
        },
      ],
    },
    {
      code: `${D}const p = new Promise<void>(async (resolve) => { await save(1); resolve(); });`,
      errors: [
        {
          messageId: 'executor',
          suggestions: [{ messageId: 'rejectFromExecutor', output: `${D}const p = new Promise<void>((resolve, reject) => { (async () => { await save(1); resolve(); })().catch(reject); });` }],
        },
      ],
    },
    {
      code: `${D}const p = new Promise(async function (done, fail) { await save(1); done(2); });`,
      errors: [
        {
          messageId: 'executor',
          suggestions: [{ messageId: 'rejectFromExecutor', output: `${D}const p = new Promise(function (done, fail) { (async () => { await save(1); done(2); })().catch(fail); });` }],
        },
      ],
    },
    { code: `${D}const p = new Promise(async (resolve) => resolve(await weight(1)));`, errors: [{ messageId: 'executor', suggestions: [] }] },
    {
      code: `${D}function reject() {}\nconst p = new Promise(async (resolve) => { reject(); resolve(1); });`,
      errors: [{ messageId: 'executor', suggestions: [] }],
    },
    // `a || b` may be `b`: a promise (without types, only an `async` callback is taken to return one).
    {
      code: `${D}const any = items.some((item) => item > 1 || save(item));`,
      mode: 'type-aware',
      errors: [{ messageId: 'predicate', suggestions: [] }],
    },
    // Type-aware: any promise-returning function where a void callback is expected.
    // A name annotated with a function type returning a promise, passed along.
    {
      code: `declare function register(callback: () => void): void;\nexport function run(handler: () => Promise<void>) { register(handler); }`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    {
      code: `type Handler = () => Promise<void>;\ndeclare function register(callback: () => void): void;\nexport function run(handler: Handler) { register(handler); }`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    {
      code: `declare function register(callback: () => void): void;\ndeclare function save(value: unknown): Promise<void>;\nregister(async () => { await save(1); });`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    {
      code: `declare const bus: { subscribe(topic: string, handler: (payload: string) => void): void };\ndeclare function save(value: unknown): Promise<void>;\nbus.subscribe('orders', (payload) => save(payload));`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'bus.subscribe' } }],
    },
    // A callback returning one of its parts: `a && b` is `b` or a falsy `a`.
    {
      code: `declare function register(callback: () => void): void;\ndeclare function save(value: unknown): Promise<void>;\ndeclare const ready: boolean;\nregister(() => ready && save(1));`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    {
      code: `declare function register(callback: () => void): void;\ndeclare function save(value: unknown): Promise<void>;\ndeclare const ready: boolean;\nregister(() => (ready ? undefined : save(1)));`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    // The receiver is a callback's parameter, typed where that callback is passed; a private member.
    {
      code: `interface Bus { subscribe(handler: () => void): void }\ndeclare function withBus(fn: (bus: Bus) => void): void;\ndeclare function save(value: unknown): Promise<void>;\nwithBus((bus) => { bus.subscribe(() => save(1)); });`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'bus.subscribe' } }],
    },
    {
      code: `interface Bus { subscribe(handler: () => void): void }\ndeclare function save(value: unknown): Promise<void>;\nexport class Worker { #bus?: Bus;\n  start(): void { this.#bus?.subscribe(() => save(1)); } }`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'this.#bus.subscribe' } }],
    },
    {
      code: `declare const items: number[];\ndeclare function save(value: unknown): Promise<void>;\nitems.forEach((item) => save(item));`,
      mode: 'type-aware',
      errors: [
        {
          messageId: 'forEach',
          suggestions: [
            { messageId: 'forOfLoop', output: `declare const items: number[];\ndeclare function save(value: unknown): Promise<void>;\nfor (const item of items) { await save(item); }` },
            { messageId: 'awaitAllMap', output: `declare const items: number[];\ndeclare function save(value: unknown): Promise<void>;\nawait Promise.all(items.map((item) => save(item)));` },
          ],
        },
      ],
    },
    {
      code: `declare const app: { get(path: string, handler: (req: unknown, res: unknown) => void): void };\ndeclare function save(value: unknown): Promise<void>;\napp.get('/', async (req, res) => { await save(req); });`,
      options: [{ ignoreRouteHandlers: false }],
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'app.get' } }],
    },
    // A member read from its receiver's declared type: a name's annotation, or the class of `this`.
    {
      code: `declare function register(callback: () => void): void;\ninterface Hooks { onExit: () => Promise<void> }\nexport function run(hooks: Hooks) { register(hooks.onExit); }`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    {
      code: `declare function register(callback: () => void): void;\nexport class Job { async flush() {} start() { register(this.flush); } }`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    // A name bound to what a call with one signature declares it returns.
    {
      code: `declare function register(callback: () => void): void;\ndeclare function makeHandler(): () => Promise<void>;\nexport function run() { const handler = makeHandler(); register(handler); }`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    // One branch of the returned value is a promise: the never-a-promise shortcut does not apply.
    {
      code: `declare function register(callback: (value: number) => void): void;\ndeclare function save(value: unknown): Promise<void>;\nregister((value) => (value > 1 ? save(value) : undefined));`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'register' } }],
    },
    // A type parameter inferred from the callback, constrained to return nothing.
    {
      code: `declare function debounce<F extends (...args: never[]) => void>(fn: F): F;\nexport const flush = debounce(async () => {});`,
      mode: 'type-aware',
      errors: [{ messageId: 'voidReturn', data: { caller: 'debounce' } }],
    },
    {
      code: `import { saveRemote } from './api';\ndeclare const items: number[];\nitems.forEach(saveRemote);`,
      mode: 'type-aware',
      errors: [{ messageId: 'forEach', suggestions: [] }],
    },
  ],
};

runRuleTests('no-misused-async-callback', rule, cases);
