import rule from '../../rules/no-floating-promises.js';
import { edit } from '../edit.js';
import { type CasesFor, runRuleTests } from '../rule-tester.js';

type Cases = CasesFor<typeof rule>;
type Invalid = Cases['invalid'][number];

const SAVE = 'async function save(): Promise<void> {}\n';
const CATCH = '.catch((error) => { console.error(error); })';

/** A floating promise at module top level: await, .catch() and void are all on offer. */
function topLevel(code: string, expression: string, messageId: 'floating' | 'floatingChain' = 'floating'): Invalid {
  return {
    code,
    errors: [
      {
        messageId,
        suggestions: [
          { messageId: 'addAwait', output: edit(code, `${expression};`, `await ${expression};`) },
          { messageId: 'addCatch', output: edit(code, `${expression};`, `${expression}${CATCH};`) },
          { messageId: 'addVoid', output: edit(code, `${expression};`, `void ${expression};`) },
        ],
      },
    ],
  };
}

/** A floating promise inside a non-async function: `await` is not available there. */
function inSyncFunction(code: string, expression: string): Invalid {
  return {
    code,
    errors: [
      {
        messageId: 'floating',
        suggestions: [
          { messageId: 'addCatch', output: edit(code, `${expression};`, `${expression}${CATCH};`) },
          { messageId: 'addVoid', output: edit(code, `${expression};`, `void ${expression};`) },
        ],
      },
    ],
  };
}

const cases: Cases = {
  valid: [
    // Awaited, returned, handed on.
    `${SAVE}await save();`,
    `${SAVE}function run() { return save(); }`,
    `${SAVE}const run = () => save();`,
    `${SAVE}declare function track(p: Promise<void>): void;\ntrack(save());`,
    `${SAVE}class Job { pending?: Promise<void>; start() { this.pending = save(); } }`,
    `${SAVE}let pending: Promise<void> | undefined;\nfunction start() { pending = save(); }`,
    `${SAVE}async function run() { const p = save(); await p; }`,
    `${SAVE}function run() { const p = save(); return p; }`,
    `${SAVE}export const ready = save();`,
    `${SAVE}async function run() { let p = save(); p = p.then(() => {}); await p; }`,
    // Handled.
    `${SAVE}void save();`,
    `${SAVE}save().catch(() => {});`,
    `${SAVE}save().then(() => {}, () => {});`,
    `${SAVE}save().then(() => {}).catch(() => {});`,
    `${SAVE}save().catch(() => {}).finally(() => {});`,
    `${SAVE}declare const report: (error: unknown) => void;\nsave().catch(report);`,
    `${SAVE}declare const items: number[];\nawait Promise.all(items.map(async (item) => item));`,
    `${SAVE}declare const items: number[];\nconst pending = items.map(async (item) => item);\nawait Promise.all(pending);`,
    // Not promises: shadowed or rebound names, sync functions, generators.
    `${SAVE}function run() { const save = () => 1; save(); }`,
    `${SAVE}function run(save: () => number) { save(); }`,
    `let save: () => unknown = async () => {};\nsave = () => 1;\nsave();`,
    `function save() {}\nsave();`,
    `async function* stream() {}\nstream();`,
    `declare const obj: { save(): void };\nobj.save();`,
    `class Other { load() {} run() { this.load(); } }\nclass Loader { async load() {} }`,
    // A static member and an instance member of one name: `this` in an instance method is the instance.
    `class Loader { static async load() {} load() {} run() { this.load(); } }`,
    `class Loader { async load() {} static load() {} static run() { this.load(); } }`,
    `declare function fetch(url: string): void;\nfetch('/api');\nexport {};`,
    // Members declared to return something else, or in types whose members depend on more than
    // the file spells out: a generic, an interface that extends another, one declared twice, a
    // class with a base class; a static member is not an instance's.
    `interface Api { load(): Promise<void>; log(): void }\nfunction run(api: Api) { api.log(); }`,
    // A type literal written in the annotation itself, or a type declared inside a function, is
    // left to type-aware mode.
    { code: `function run(client: { send(): Promise<void> }) { client.send(); }`, mode: 'syntactic' },
    { code: `function run() {\n  interface Api { load(): Promise<void> }\n  return (api: Api) => { api.load(); };\n}`, mode: 'syntactic' },
    `interface Api { load(): Promise<void>; count: number }\nfunction run(api: Api) { api.load; }`,
    { code: `interface Box<T> { get(): T }\nfunction run(box: Box<Promise<void>>) { box.get(); }`, mode: 'syntactic' },
    { code: `interface Base { load(): Promise<void> }\ninterface Api extends Base { log(): void }\nfunction run(api: Api) { api.log(); }`, mode: 'syntactic' },
    { code: `interface Api { load(): void }\ninterface Api { load(id: string): Promise<void> }\nfunction run(api: Api) { api.load(); }`, mode: 'syntactic' },
    `declare class Db { static open(): Promise<Db>; open(): void }\nfunction run(db: Db) { db.open(); }`,
    { code: `declare class Base { query(): Promise<void> }\ndeclare class Db extends Base { close(): void }\nfunction run(db: Db) { db.close(); }`, mode: 'syntactic' },
    // Declared to return something else, or declared twice (overloads): not a promise by its declaration.
    `declare function load(): number;\nload();`,
    { code: `declare function load(id: string): Promise<number>;\ndeclare function load(): number;\nload();`, mode: 'syntactic' },
    `function run(Promise: { resolve(value: number): void }) { Promise.resolve(1); }`,
    `import { readFile } from 'node:fs';\nreadFile('a', () => {});`,
    `import { setTimeout } from 'node:timers';\nsetTimeout(() => {}, 10);`,
    `declare const items: number[];\nitems.map((item) => item * 2);`,
    `declare const items: number[];\nitems.forEach(async (item) => { await Promise.resolve(item); });`,
    `Promise.withResolvers<void>();`,
    // A promise variable on the left of && is only tested; it was created (and is handled) elsewhere.
    `${SAVE}declare const pending: Promise<void> | undefined;\ndeclare function log(): void;\npending && log();`,
    `'use strict';\nconst x = 1;\nx;`,
    // Known-safe calls and IIFEs when allowed.
    `import test from 'node:test';\ntest('saves', async () => {});\ntest.skip('later', async () => {});`,
    `import { describe, it } from 'node:test';\ndescribe('suite', () => { it('works', async () => {}); });`,
    {
      code: `async function enqueue(job: number) {}\nconst queue = { add: enqueue };\nqueue.add(1);`,
      options: [{ allowForKnownSafeCalls: ['queue.add'] }],
    },
    { code: `(async () => {})();`, options: [{ ignoreIIFE: true }] },
    { code: `${SAVE}async function run() { const p = save(); }`, options: [{ checkUnusedVariables: false }] },
    // Started together, awaited together or handled early.
    `${SAVE}async function run() { const a = save(); const b = save(); await Promise.all([a, b]); }`,
    `${SAVE}async function run() { const b = save(); b.catch(() => {}); await save(); await b; }`,
    `${SAVE}async function run() { const b = save().catch(() => null); await save(); await b; }`,
    `${SAVE}async function run() { const timer = new Promise((resolve) => setTimeout(resolve, 10)); await save(); await timer; }`,
    `${SAVE}async function run() { const p = save(); await p; await save(); }`,
    // `a && b` holds `b` or a falsy `a`: never the promise on the left.
    `${SAVE}async function run() { const ready = save() && 1; await save(); return ready; }`,
    `${SAVE}async function run() { const b = save(); const later = async () => { await save(); }; await b; await later(); }`,
    `${SAVE}async function run() { const b = save(); setTimeout(() => b.catch(() => {})); await save(); }`,
    // Types decide: these are not promises to the checker.
    // A method of an asserted type, read from the assertion: `void` is no promise.
    { code: `interface Job { run(): void }\ndeclare const value: unknown;\n(value as Job).run();`, mode: 'type-aware' },
    { code: `interface Job { run(): void }\ndeclare const value: unknown;\n(<Job>value).run();`, mode: 'type-aware' },
    { code: `({ run: () => 1 } as const).run();`, mode: 'type-aware' },
    // A method of a property, read from the declared types along the chain.
    { code: `interface Job { run(): void }\ndeclare const options: { job: Job };\noptions.job.run();`, mode: 'type-aware' },
    { code: `interface Job { run(): void }\nexport class Worker { constructor(private readonly job: Job) {}\n  go(): void { this.job.run(); } }`, mode: 'type-aware' },
    { code: `import { loadLocal } from './api';\nloadLocal();`, mode: 'type-aware' },
    { code: `import { untyped } from './api';\nuntyped();`, mode: 'type-aware' },
    { code: `import { store } from './api';\nstore.get();`, mode: 'type-aware' },
    // A .then() on something not known to be a promise tells nothing: builders and chainables.
    `declare const anything: any;\nanything.then(() => {});`,
    `import { cy } from './api';\ncy.get('button').then((button) => button);`,
    `declare const cy: any;\ncy.get('button').then(() => {});`,
    // A lazy thenable does no work, and cannot reject, until it is awaited.
    {
      code: `import { select, saveRemote } from './api';\nasync function run() { const rows = select('users'); await saveRemote(); return await rows; }`,
      mode: 'type-aware',
    },
    // Decided from the callee's declared return type, whatever its type arguments.
    { code: `declare function find<T>(filter: T): { toArray(): T[] };\nfind({ a: 1 });`, mode: 'type-aware' },
    { code: `declare const map: Map<string, Promise<void>>;\nmap.set('a', Promise.resolve());`, mode: 'type-aware' },
    { code: `declare function identity<T>(value: T): T;\nidentity(1);`, mode: 'type-aware' },
    { code: `declare function list<T>(value: T): T[];\nlist(1);`, mode: 'type-aware' },
    { code: `class Base { constructor(readonly p: Promise<void>) {} }\nclass Child extends Base { constructor() { super(Promise.resolve()); } }`, mode: 'type-aware' },
    { code: `declare function load(): Promise<number>;\nasync function run() { const value = await load(); await load(); return value; }`, mode: 'type-aware' },
    // A type parameter whose constraint no promise meets: the call returns a Widget, whatever `T` is.
    { code: `interface Widget { render(): void }\ndeclare function mount<T extends Widget>(widget: T): T;\ndeclare const widget: Widget;\nmount(widget);`, mode: 'type-aware' },
    // Declared `Sync | Async`, narrowed to `Sync`: only the narrowed type tells, and it says no.
    {
      code: `interface Sync { kind: 'sync'; stop(): void }\ninterface Async { kind: 'async'; stop(): Promise<void> }\nexport function run(worker: Sync | Async) { if (worker.kind === 'sync') worker.stop(); }`,
      mode: 'type-aware',
    },
    { code: `class Client { close(): void {} }\nexport function run() { const client = new Client(); client.close(); }`, mode: 'type-aware' },
    { code: `class Box<T> { constructor(readonly value: T) {} get(): T { return this.value; } }\nexport function run() { const box = new Box(1); box.get(); }`, mode: 'type-aware' },
    // Constructor overloads and type arguments: the class's declared members answer.
    { code: `export function run() { const seen = new Map<string, number>(); seen.set('a', 1); seen.clear(); const ids = new Set(); ids.add(1); }`, mode: 'type-aware' },
    { code: `export function run() { const waiting = new Map<string, Promise<void>>(); waiting.delete('a'); waiting.set('b', Promise.resolve()); }`, mode: 'type-aware' },
    { code: `interface Conn { close(): void }\ndeclare function connect(): Conn;\nexport function run() { const conn = connect(); conn.close(); }`, mode: 'type-aware' },
    // A private member, read from the class that declares it (private names are lexical).
    { code: `interface Job { run(): void }\nexport class Queue { #job?: Job; #flush(): void {}\n  go(): void { this.#flush(); this.#job?.run(); } }`, mode: 'type-aware' },
    // What a call's one signature declares it returns.
    { code: `interface Stream { subscribe(): void }\ndeclare function from<T>(input: T): Stream;\nfrom(1).subscribe();`, mode: 'type-aware' },
    // A callback's parameter, typed where the callback is passed.
    { code: `interface Sink { next(value: number): void }\ndeclare function observe(fn: (sink: Sink) => void): void;\nobserve((sink) => { sink.next(1); });`, mode: 'type-aware' },
    { code: `declare const jobs: { run(): void }[];\njobs.forEach((job) => { job.run(); });`, mode: 'type-aware' },
    // A parameter typed by the call's own type arguments is left to the checker, which says no.
    { code: `declare function each<T>(items: T[], fn: (item: T) => void): void;\neach([1], (item) => { item.toFixed(); });`, mode: 'type-aware' },
    // A class, a function or a global, by the declared type of its symbol.
    { code: `export class Repo { static find(): void {} }\nRepo.find();`, mode: 'type-aware' },
    { code: `function flush(): void {}\nflush();\nconsole.log('done');\nprocess.exitCode = 1;`, mode: 'type-aware' },
    // Object.assign() and its kin evaluate to the object they are given.
    { code: `export class Config { port = 0; constructor(values: Partial<Config>) { Object.assign(this, values); Object.freeze(this); } }`, mode: 'type-aware' },
    { code: `declare const done: Promise<void>;\nObject.defineProperty({}, 'x', { value: done });`, mode: 'type-aware' },
    // `using` binds what its initializer returns, as `const` does.
    { code: `interface Handle { flush(): void; [Symbol.dispose](): void }\ndeclare function open(): Handle;\nexport function run() { using handle = open(); handle.flush(); }`, mode: 'type-aware' },
    // Names declared from each other (a TDZ error, but it parses) are followed once.
    { code: `interface Step { next(): Step; done(): void }\nexport function run() { const a: Step = b.next(); const b = a.next(); b.done(); }`, mode: 'type-aware' },
    { code: `export function run() { const a = b.next(); const b = a.next(); b.next(); }`, mode: 'type-aware' },
    // `yield` evaluates to what the consumer sends back with next(), not to a promise made here.
    { code: `export function* steps(): Generator<number, void, Promise<void>> { yield 1; }`, mode: 'type-aware' },
    { code: `export const ready = new Promise<void>((resolve, reject) => { if (Math.random()) resolve(); else reject(new Error('no')); });`, mode: 'type-aware' },
    // Without types, a cross-file function is unknown: silence, not a guess.
    { code: `import { saveRemote } from './api';\nsaveRemote();`, mode: 'syntactic' },
    // A local module named like a built-in.
    `import { readFile } from './fs/promises';\nreadFile('a');`,
    { code: `import { store } from './api';\nstore.save();`, mode: 'syntactic' },
  ],
  invalid: [
    // Calls of functions the file shows to be async.
    topLevel(`${SAVE}save();`, 'save()'),
    {
      ...topLevel(`interface Page { goto(url: string): Promise<void> }\ndeclare const value: unknown;\n(value as Page).goto('/');`, `(value as Page).goto('/')`),
      mode: 'type-aware',
    },
    {
      ...topLevel(`interface Client { send(): Promise<void> }\ndeclare const options: { client?: Client };\noptions.client!.send();`, `options.client!.send()`),
      mode: 'type-aware',
    },
    {
      ...topLevel(`interface Client { send(): Promise<void> }\ndeclare const a: { b: { client: Client } };\na.b.client.send();`, `a.b.client.send()`),
      mode: 'type-aware',
    },

    inSyncFunction(`${SAVE}function run() { save(); }`, 'save()'),
    topLevel(`const save = async () => {};\nsave();`, 'save()'),
    topLevel(`const save = async function () {};\nsave();`, 'save()'),
    topLevel(`function load(): Promise<number> { return Promise.resolve(1); }\nload();`, 'load()'),
    topLevel(`declare const load: () => Promise<void>;\nload();`, 'load()'),
    // A method of a name annotated with a type the file spells out.
    inSyncFunction(`interface Api { load(): Promise<void>; log(): void }\nfunction run(api: Api) { api.load(); }`, 'api.load()'),
    inSyncFunction(`type Store = { put: (key: string) => Promise<void> };\nfunction run(store: Store) { store.put('a'); }`, "store.put('a')"),
    inSyncFunction(`declare class Db { query(sql: string): Promise<number>; close(): void }\nfunction run(db: Db) { db.query('select 1'); }`, "db.query('select 1')"),
    topLevel(`interface Api { 'load'(): Promise<void> }\ndeclare const api: Api;\napi.load();`, 'api.load()'),
    topLevel(`export declare namespace Remote {\n  interface Api { load(): Promise<void> }\n}\nexport interface Local { save(): Promise<void> }\ndeclare const local: Local;\nlocal.save();`, 'local.save()'),
    // Declared without a body, as ambient declarations and `.d.ts`-style stubs are.
    topLevel(`declare function load(): Promise<number>;\nload();`, 'load()'),
    topLevel(`declare function load(): Promise<number> | undefined;\nload();`, 'load()'),
    inSyncFunction(`declare function load(): Promise<number>;\nfunction run() { load(); }`, 'load()'),
    {
      code: `async function run(task: () => Promise<void>) { task(); }`,
      errors: [
        {
          messageId: 'floating',
          line: 1,
          column: 49,
          suggestions: [
            { messageId: 'addAwait', output: `async function run(task: () => Promise<void>) { await task(); }` },
            { messageId: 'addCatch', output: `async function run(task: () => Promise<void>) { task()${CATCH}; }` },
            { messageId: 'addVoid', output: `async function run(task: () => Promise<void>) { void task(); }` },
          ],
        },
      ],
    },
    inSyncFunction(`class Loader { async load() {} run() { this.load(); } }`, 'this.load()'),
    inSyncFunction(`class Loader { load = async () => {}; run() { this.load(); } }`, 'this.load()'),
    inSyncFunction(`class Loader { static async load() {} static run() { this.load(); } }`, 'this.load()'),
    inSyncFunction(`class Loader { async load() {} run() { [1].forEach(() => { this.load(); }); } }`, 'this.load()'),
    // Promise constructors, statics, fetch, Node's promise APIs.
    topLevel(`new Promise((resolve, reject) => reject(new Error('x')));`, `new Promise((resolve, reject) => reject(new Error('x')))`),
    topLevel(`${SAVE}Promise.all([save(), save()]);`, 'Promise.all([save(), save()])'),
    topLevel(`fetch('/api');`, `fetch('/api')`),
    topLevel(`import { readFile } from 'node:fs/promises';\nreadFile('a');`, `readFile('a')`),
    topLevel(`import fsp from 'fs/promises';\nfsp.writeFile('a', 'b');`, `fsp.writeFile('a', 'b')`),
    topLevel(`import * as fs from 'node:fs';\nfs.promises.readFile('a');`, `fs.promises.readFile('a')`),
    // The only promise source in the file is `import()`: the file is still looked at.
    topLevel(`export const ready = 1;\nimport('./plugin.js');`, `import('./plugin.js')`),
    // With types, `require()` in an ES module is `any`; only the syntactic resolver follows it.
    { ...topLevel(`const { promises: fsp } = require('fs');\nfsp.rm('a');`, `fsp.rm('a')`), mode: 'syntactic' },
    topLevel(`import { setTimeout as sleep } from 'node:timers/promises';\nsleep(10);`, 'sleep(10)'),
    topLevel(`import { pipeline } from 'node:stream/promises';\ndeclare const a: NodeJS.ReadableStream, b: NodeJS.WritableStream;\npipeline(a, b);`, 'pipeline(a, b)'),
    topLevel(`import { once } from 'node:events';\nimport { EventEmitter } from 'node:events';\nconst emitter = new EventEmitter();\nonce(emitter, 'ready');`, `once(emitter, 'ready')`),
    topLevel(`const p = new Promise((resolve, reject) => resolve('value'));\np;`, 'p'),
    {
      code: `${SAVE}(save() as Promise<void>);`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `${SAVE}(await (save() as Promise<void>));` },
            { messageId: 'addVoid', output: `${SAVE}(void (save() as Promise<void>));` },
          ],
        },
      ],
    },
    // Chains that end without a rejection handler.
    topLevel(`${SAVE}save().then(() => {});`, 'save().then(() => {})', 'floatingChain'),
    topLevel(`${SAVE}save().then(() => {}, undefined);`, 'save().then(() => {}, undefined)', 'floatingChain'),
    topLevel(`${SAVE}save().catch(() => {}).then(() => {});`, 'save().catch(() => {}).then(() => {})', 'floatingChain'),
    topLevel(`${SAVE}save().finally(() => {});`, 'save().finally(() => {})', 'floatingChain'),
    topLevel(`Promise.reject('value').catch();`, `Promise.reject('value').catch()`, 'floatingChain'),
    topLevel(`Promise.reject('value').finally();`, `Promise.reject('value').finally()`, 'floatingChain'),
    {
      code: `${SAVE}declare const cond: boolean;\ncond && save();`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `${SAVE}declare const cond: boolean;\nawait (cond && save());` },
            { messageId: 'addVoid', output: `${SAVE}declare const cond: boolean;\nvoid (cond && save());` },
          ],
        },
      ],
    },
    {
      code: `${SAVE}declare const cond: boolean;\ncond ? save() : null;`,
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `${SAVE}declare const cond: boolean;\nawait (cond ? save() : null);` },
            { messageId: 'addVoid', output: `${SAVE}declare const cond: boolean;\nvoid (cond ? save() : null);` },
          ],
        },
      ],
    },
    {
      code: `${SAVE}declare function log(): void;\n(log(), save());`,
      errors: [
        {
          messageId: 'floating',
          line: 3,
          column: 9,
          suggestions: [
            { messageId: 'addAwait', output: `${SAVE}declare function log(): void;\n(log(), await save());` },
            { messageId: 'addCatch', output: `${SAVE}declare function log(): void;\n(log(), save()${CATCH});` },
            { messageId: 'addVoid', output: `${SAVE}declare function log(): void;\n(log(), void save());` },
          ],
        },
      ],
    },
    // Arrays of promises.
    {
      code: `${SAVE}[save(), save()];`,
      errors: [
        {
          messageId: 'floatingArray',
          suggestions: [
            { messageId: 'awaitAll', output: `${SAVE}await Promise.all([save(), save()]);` },
            { messageId: 'addVoid', output: `${SAVE}void [save(), save()];` },
          ],
        },
      ],
    },
    {
      code: `declare const items: number[];\nitems.map(async (item) => item);`,
      errors: [
        {
          messageId: 'floatingArray',
          suggestions: [
            { messageId: 'awaitAll', output: `declare const items: number[];\nawait Promise.all(items.map(async (item) => item));` },
            { messageId: 'addVoid', output: `declare const items: number[];\nvoid items.map(async (item) => item);` },
          ],
        },
      ],
    },
    {
      code: `declare const items: number[];\nfunction run() { Array.from(items, async (item) => item); }`,
      errors: [
        {
          messageId: 'floatingArray',
          suggestions: [
            { messageId: 'addVoid', output: `declare const items: number[];\nfunction run() { void Array.from(items, async (item) => item); }` },
          ],
        },
      ],
    },
    // Async IIFEs, optional calls, void when not ignored, safe-call list replaced.
    topLevel(`(async () => { await Promise.resolve(); })();`, '(async () => { await Promise.resolve(); })()'),
    topLevel(`(async function () {})();`, '(async function () {})()'),
    topLevel(`declare const save: undefined | (() => Promise<void>);\nsave?.();`, 'save?.()'),
    {
      code: `${SAVE}void save();`,
      options: [{ ignoreVoid: false }],
      errors: [{ messageId: 'floating', suggestions: [{ messageId: 'addAwait', output: `${SAVE}await save();` }] }],
    },
    {
      code: `import test from 'node:test';\ntest('x', async () => {});`,
      mode: 'type-aware',
      options: [{ allowForKnownSafeCalls: [] }],
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `import test from 'node:test';\nawait test('x', async () => {});` },
            { messageId: 'addCatch', output: `import test from 'node:test';\ntest('x', async () => {})${CATCH};` },
            { messageId: 'addVoid', output: `import test from 'node:test';\nvoid test('x', async () => {});` },
          ],
        },
      ],
    },
    // A generic callee: `Promise<T>` is a promise for every `T`; `T` is whatever the call makes it.
    { ...topLevel(`declare function later<T>(value: T): Promise<T>;\nlater(1);`, 'later(1)'), mode: 'type-aware' },
    { ...topLevel(`declare function identity<T>(value: T): T;\nidentity(Promise.resolve(1));`, 'identity(Promise.resolve(1))'), mode: 'type-aware' },
    // A method returning `this` returns its receiver: a thenable builder floats.
    {
      ...topLevel(
        `declare class Query implements PromiseLike<number> { where(): this; then<A = number, B = never>(f?: ((v: number) => A | PromiseLike<A>) | null, r?: ((e: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B>; }\ndeclare const query: Query;\nquery.where();`,
        'query.where()',
      ),
      errors: [{ messageId: 'floating', suggestions: [
        { messageId: 'addAwait', output: `declare class Query implements PromiseLike<number> { where(): this; then<A = number, B = never>(f?: ((v: number) => A | PromiseLike<A>) | null, r?: ((e: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B>; }\ndeclare const query: Query;\nawait query.where();` },
        { messageId: 'addVoid', output: `declare class Query implements PromiseLike<number> { where(): this; then<A = number, B = never>(f?: ((v: number) => A | PromiseLike<A>) | null, r?: ((e: unknown) => B | PromiseLike<B>) | null): PromiseLike<A | B>; }\ndeclare const query: Query;\nvoid query.where();` },
      ] }],
      mode: 'type-aware',
    },
    // Promises stored and never read.
    {
      code: `${SAVE}async function run() { const pending = save(); }`,
      errors: [
        {
          messageId: 'unusedVariable',
          data: { name: 'pending' },
          line: 2,
          column: 30,
          suggestions: [
            { messageId: 'addAwait', output: `${SAVE}async function run() { const pending = await save(); }` },
            { messageId: 'addCatch', output: `${SAVE}async function run() { const pending = save()${CATCH}; }` },
            { messageId: 'voidInsteadOfVariable', output: `${SAVE}async function run() { void save(); }` },
          ],
        },
      ],
    },
    {
      code: `${SAVE}function run() { let pending = save(); }`,
      errors: [
        {
          messageId: 'unusedVariable',
          suggestions: [
            { messageId: 'addCatch', output: `${SAVE}function run() { let pending = save()${CATCH}; }` },
            { messageId: 'voidInsteadOfVariable', output: `${SAVE}function run() { void save(); }` },
          ],
        },
      ],
    },
    {
      code: `${SAVE}async function run() { let pending = save(); pending = save(); }`,
      errors: [
        {
          messageId: 'unusedVariable',
          suggestions: [
            { messageId: 'addAwait', output: `${SAVE}async function run() { let pending = await save(); pending = save(); }` },
            { messageId: 'addCatch', output: `${SAVE}async function run() { let pending = save()${CATCH}; pending = save(); }` },
          ],
        },
      ],
    },
    // Started together, then awaited one after another.
    {
      code: `${SAVE}async function run() { const a = save(); const b = save(); await a; await b; }`,
      errors: [
        {
          messageId: 'unhandledWhileWaiting',
          data: { name: 'b' },
          line: 2,
          column: 48,
          suggestions: [
            { messageId: 'awaitAll', output: `${SAVE}async function run() { const a = save(); const b = save(); await Promise.all([a, b]); }` },
          ],
        },
      ],
    },
    {
      code: `${SAVE}async function run() {\n  const a = save();\n  const b = save();\n  const x = await a;\n  const y = await b;\n  return [x, y];\n}`,
      errors: [
        {
          messageId: 'unhandledWhileWaiting',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'awaitAll',
              output: `${SAVE}async function run() {\n  const a = save();\n  const b = save();\n  const [x, y] = await Promise.all([a, b]);\n  return [x, y];\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${SAVE}const a = save();\nconst b = save();\nawait a;\nconst y = await b;`,
      errors: [
        {
          messageId: 'unhandledWhileWaiting',
          suggestions: [{ messageId: 'awaitAll', output: `${SAVE}const a = save();\nconst b = save();\nconst [, y] = await Promise.all([a, b]);` }],
        },
      ],
    },
    {
      code: `${SAVE}async function run() { const b = save(); await new Promise((r) => setTimeout(r, 10)); await b; }`,
      errors: [
        {
          messageId: 'unhandledWhileWaiting',
          suggestions: [
            {
              messageId: 'awaitAll',
              output: `${SAVE}async function run() { const b = save(); await Promise.all([new Promise((r) => setTimeout(r, 10)), b]); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${SAVE}declare function log(): void;\nasync function run() { const b = save(); await save(); log(); await b; }`,
      errors: [
        {
          messageId: 'unhandledWhileWaiting',
          suggestions: [
            {
              messageId: 'awaitAtDeclaration',
              data: { name: 'b' },
              output: `${SAVE}declare function log(): void;\nasync function run() { const b = await save(); await save(); log(); await b; }`,
            },
          ],
        },
      ],
    },
    {
      code: `${SAVE}async function run(items: number[]) { const b = save(); for (const item of items) { await save(); } return b; }`,
      errors: [
        {
          messageId: 'unhandledWhileWaiting',
          suggestions: [
            {
              messageId: 'awaitAtDeclaration',
              data: { name: 'b' },
              output: `${SAVE}async function run(items: number[]) { const b = await save(); for (const item of items) { await save(); } return b; }`,
            },
          ],
        },
      ],
    },
    {
      // A read that needs the promise itself: no rewrite keeps it working.
      code: `${SAVE}async function run() { const b = save(); await save(); b.then(() => {}, () => {}); }`,
      errors: [{ messageId: 'unhandledWhileWaiting', suggestions: [] }],
    },
    // Only the checker can see these.
    { ...topLevel(`import { saveRemote } from './api';\nsaveRemote();`, 'saveRemote()'), mode: 'type-aware' },
    { ...topLevel(`import { store } from './api';\nstore.save();`, 'store.save()'), mode: 'type-aware' },
    { ...topLevel(`import { maybeSave } from './api';\nmaybeSave();`, 'maybeSave()'), mode: 'type-aware' },
    { ...topLevel(`import { Repository } from './api';\nnew Repository().find('a');`, `new Repository().find('a')`), mode: 'type-aware' },
    { ...topLevel(`async function enqueue(job: number) {}\nconst queue = { add: enqueue };\nqueue.add(1);`, 'queue.add(1)'), mode: 'type-aware' },
    // A private method, from the nearest class that declares the name: the inner one returns nothing.
    {
      ...inSyncFunction(
        `export class Outer {\n  #flush(): Promise<void> { return Promise.resolve(); }\n  go(): void {\n    class Inner { #flush(): void {} go(): void { (this).#flush(); } }\n    new Inner().go();\n    this.#flush();\n  }\n}`,
        'this.#flush()',
      ),
      mode: 'type-aware',
    },
    {
      ...inSyncFunction(`interface Stream { flush(): Promise<void> }\ndeclare function open(): Stream;\nexport function run() { open().flush(); }`, 'open().flush()'),
      mode: 'type-aware',
    },
    {
      ...inSyncFunction(`interface Page { goto(url: string): Promise<void> }\ndeclare function withPage(fn: (page: Page) => void): void;\nwithPage((page) => { page.goto('/'); });`, "page.goto('/')"),
      mode: 'type-aware',
    },
    // A parameter typed by the call's own type arguments: the checker resolves the call.
    {
      ...inSyncFunction(`interface Page { goto(): Promise<void> }\ndeclare const pages: Page[];\ndeclare function each<T>(items: T[], fn: (item: T) => void): void;\neach(pages, (page) => { page.goto(); });`, 'page.goto()'),
      mode: 'type-aware',
    },
    { ...topLevel(`export class Repo { static find(): Promise<void> { return Promise.resolve(); } }\nRepo.find();`, 'Repo.find()'), mode: 'type-aware' },
    { ...topLevel(`import { Repository } from './api';\nRepository.prototype.find('a');`, "Repository.prototype.find('a')"), mode: 'type-aware' },
    // A declared part that cannot be called (`string`): the narrowed type decides.
    {
      ...inSyncFunction(`declare const task: (() => Promise<void>) | string;\nexport function run() { if (typeof task === 'function') task(); }`, 'task()'),
      mode: 'type-aware',
    },
    { ...topLevel(`declare function load(): Promise<object>;\nObject.freeze(load());`, 'Object.freeze(load())'), mode: 'type-aware' },
    {
      ...inSyncFunction(`interface Handle { flush(): Promise<void>; [Symbol.dispose](): void }\ndeclare function open(): Handle;\nexport function run() { using handle = open(); handle.flush(); }`, 'handle.flush()'),
      mode: 'type-aware',
    },
    // A method read from the declared type of its receiver, on every part of a union.
    {
      ...inSyncFunction(`interface Job { start(): Promise<void> }\ninterface Task { start(): Promise<number> }\nexport function run(work: Job | Task) { work.start(); }`, 'work.start()'),
      mode: 'type-aware',
    },
    {
      ...inSyncFunction(`interface Client { close(): Promise<void> }\nexport function run() { let client: Client | undefined; client = undefined; client?.close(); }`, 'client?.close()'),
      mode: 'type-aware',
    },
    // A method of what a constructor constructs; for a generic class, the call's own type decides.
    {
      ...inSyncFunction(`class Client { close(): Promise<void> { return Promise.resolve(); } }\nexport function run() { const client = new Client(); client.close(); }`, 'client.close()'),
      mode: 'type-aware',
    },
    {
      ...inSyncFunction(`class Box<T> { constructor(readonly value: T) {} get(): T { return this.value; } }\nexport function run() { const box = new Box(Promise.resolve(1)); box.get(); }`, 'box.get()'),
      mode: 'type-aware',
    },
    {
      ...inSyncFunction(`export function run() { const waiting = new Map<string, Promise<void>>(); waiting.get('a'); }`, "waiting.get('a')"),
      mode: 'type-aware',
    },
    {
      ...inSyncFunction(`class Queue<T> { constructor(); constructor(first: T); constructor(first?: T) {} drain(): Promise<void> { return Promise.resolve(); } }\nexport function run() { const queue = new Queue<number>(); queue.drain(); }`, 'queue.drain()'),
      mode: 'type-aware',
    },
    // A method of what a call with one signature declares it returns.
    {
      ...inSyncFunction(`interface Conn { close(): Promise<void> }\ndeclare function connect(): Conn;\nexport function run() { const conn = connect(); conn.close(); }`, 'conn.close()'),
      mode: 'type-aware',
    },
    // `object` is a constraint a promise meets: `T` is the promise passed in.
    {
      ...topLevel(`declare function track<T extends object>(value: T): T;\ntrack(Promise.resolve(1));`, 'track(Promise.resolve(1))'),
      mode: 'type-aware',
    },
    {
      // A bare thenable has no .catch() to add.
      code: `import { query } from './api';\nquery();`,
      mode: 'type-aware',
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `import { query } from './api';\nawait query();` },
            { messageId: 'addVoid', output: `import { query } from './api';\nvoid query();` },
          ],
        },
      ],
    },
    {
      code: `import { store } from './api';\nfunction run() { const saving = store.save(); }`,
      mode: 'type-aware',
      errors: [
        {
          messageId: 'unusedVariable',
          suggestions: [
            { messageId: 'addCatch', output: `import { store } from './api';\nfunction run() { const saving = store.save()${CATCH}; }` },
            { messageId: 'voidInsteadOfVariable', output: `import { store } from './api';\nfunction run() { void store.save(); }` },
          ],
        },
      ],
    },
    {
      code: `import { select } from './api';\nselect('users').where('active');`,
      mode: 'type-aware',
      errors: [
        {
          messageId: 'floating',
          suggestions: [
            { messageId: 'addAwait', output: `import { select } from './api';\nawait select('users').where('active');` },
            { messageId: 'addVoid', output: `import { select } from './api';\nvoid select('users').where('active');` },
          ],
        },
      ],
    },
  ],
};

runRuleTests('no-floating-promises', rule, cases);
