import rule from '../../rules/prefer-promise-all.js';
import { type CasesFor, runRuleTests } from '../rule-tester.js';

type Cases = CasesFor<typeof rule>;
type Invalid = Cases['invalid'][number];

const D = `declare function loadA(): Promise<number>;
declare function loadB(): Promise<number>;
declare function loadC(input?: unknown): Promise<number>;
declare function loadUser(): Promise<{ id: string; name: string }>;
declare function loadList(): Promise<number[]>;
declare function save(value: unknown): Promise<void>;
declare function notify(value: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function log(value: unknown): void;
declare const api: { getUser(id: string): Promise<string>; getOrders(id: string): Promise<string[]>; update(id: string): Promise<void>; remove(id: string): Promise<void> };
declare const db: { query(sql: string): Promise<unknown>; exec(sql: string): Promise<void>; connect(): Promise<void>; beginTransaction(): Promise<void>; commit(): Promise<void>; migrate(name: string): Promise<void> };
declare const items: number[];
`;

/** An async function around `body`, after the shared declarations. */
const fn = (body: string): string => `${D}export async function run() {\n${body}\n}`;

/** A run reported with its suggested rewrite (`before` is replaced by `after` in the function body). */
function run(body: string, after: string | null, count = 2): Invalid {
  return {
    code: fn(body),
    errors: [
      {
        messageId: 'sequentialAwaits',
        data: { count: String(count) },
        suggestions: after === null ? [] : [{ messageId: 'awaitTogether', output: fn(after) }],
      },
    ],
  };
}

/** A loop reported with its suggested rewrite of the whole function body (or none). */
function loop(body: string, after: string | null): Invalid {
  return {
    code: fn(body),
    errors: [
      { messageId: 'sequentialLoop', suggestions: after === null ? [] : [{ messageId: 'mapConcurrently', output: fn(after) }] },
    ],
  };
}

const cases: Cases = {
  valid: [
    // Data dependencies.
    fn(`const a = await loadA(); const b = await loadC(a); return b;`),
    fn(`const user = await loadUser(); const orders = await loadC(user.id); return orders;`),
    fn(`const { id } = await loadUser(); const orders = await loadC(id); return orders;`),
    fn(`const [first] = await loadList(); const detail = await loadC(first); return detail;`),
    fn(`const a = await loadA(); const b = await loadB().then((value) => value + a); return b;`),
    fn(`let a = 0; a = await loadA(); const b = await loadC(a); return b;`),
    fn(`let a = 0; a = await loadA(); a = await loadB(); return a;`),
    `${D}export class Service { value = 0; async run() { this.value = await loadA(); const b = await loadC(this.value); return b; } }`,
    fn(`const a = await loadA(); const b = await loadC({ a }); return b;`),
    fn(`const { id, ...rest } = await loadUser(); const b = await loadC(rest); return [id, b];`),
    // A single await, or awaits that are not consecutive statements.
    fn(`const a = await loadA(); return a;`),
    fn(`const a = await loadA(); log(a); const b = await loadB(); return b;`),
    fn(`if (items.length) { await loadA(); } else { await loadB(); }`),
    fn(`try { await loadA(); } catch { await loadB(); }`),
    fn(`try { await loadA(); } finally { await loadB(); }`),
    fn(`const a = await loadA();\nif (a) return;\nconst b = await loadB();\nreturn b;`),
    // Already started: awaiting them one by one costs nothing.
    fn(`const pa = loadA(); const pb = loadB(); const a = await pa; const b = await pb; return a + b;`),
    `${D}export async function run(pa: Promise<number>, pb: Promise<number>) { await pa; await pb; }`,
    fn(`const [a, b] = await Promise.all([loadA(), loadB()]); return a + b;`),
    // Order marked as intended: delays, ordering calls, transactions, locks.
    fn(`await loadA(); await sleep(10); await loadB();`),
    `import { setTimeout as delay } from 'node:timers/promises';\n${fn(`await loadA(); await delay(5); await loadB();`)}`,
    fn(`await loadA(); await new Promise((resolve) => setTimeout(resolve, 10)); await loadB();`),
    fn(`await db.connect(); await db.query('select 1');`),
    fn(`await db.connect(); const a = await loadA(); return a;`),
    fn(`await db.beginTransaction(); await save(1); await notify(2); await db.commit();`),
    `${D}declare const lock: { acquire(): Promise<void>; release(): void };\n${fn(`await lock.acquire(); await loadA(); await loadB(); lock.release();`)}`,
    // Under a lock or in a transaction taken by an enclosing block: the try/finally idiom.
    `${D}declare const lock: { acquire(): Promise<void>; release(): void };\n${fn(`await lock.acquire();\ntry { const a = await loadA(); const b = await loadB(); return a + b; } finally { lock.release(); }`)}`,
    `${D}declare const lock: { acquire(): Promise<void>; release(): void };\n${fn(`await lock.acquire();\ntry { if (items.length) { const a = await loadA(); const b = await loadB(); return a + b; } } finally { lock.release(); }`)}`,
    fn(`await db.beginTransaction();\ntry { const a = await loadA(); const b = await loadB(); await db.commit(); return a + b; } catch (error) { await db.query('rollback'); throw error; }`),
    `${D}declare const mutex: { lock(): Promise<void>; unlock(): void };\n${fn(`await mutex.lock();\nswitch (items.length) { case 1: { const a = await loadA(); const b = await loadB(); return a + b; } }\nmutex.unlock();`)}`,
    `${D}declare function init(): Promise<void>;\n${fn(`await init(); await loadA();`)}`,
    // The same receiver, or the same local function, changing things in order.
    fn(`await db.exec('create table t (x int)'); await db.exec('insert into t values (1)');`),
    fn(`await api.update('1'); await api.remove('1');`),
    `${D}export class Repo { async save() {} async load() {} async run() { await this.save(); await this.load(); } }`,
    fn(`await save(1); await save(2);`),
    fn(`const user = { id: 1 }; await save(user); await notify(user);`),
    `import { rm, mkdir } from 'node:fs/promises';\nexport async function reset(dir: string) { await rm(dir, { recursive: true }); await mkdir(dir); }`,
    // Nested awaits in an operand.
    fn(`const a = await loadC(await loadA()); const b = await loadB(); return a + b;`),
    // Loops whose iterations depend on each other or end early.
    fn(`for (const item of items) { if (await loadC(item)) return item; }`),
    fn(`for (const item of items) { if (await loadC(item)) break; }`),
    fn(`for (const item of items) { if (!(await loadC(item))) throw new Error('invalid'); }`),
    fn(`let total = 0; for (const item of items) { total += await loadC(item); } return total;`),
    fn(`let cursor: unknown; for (const item of items) { cursor = await loadC([cursor, item]); } return cursor;`),
    fn(`const results: number[] = []; for (const item of items) { const value = await loadC(item); log(value); results.push(value); } return results;`),
    fn(`const seen = new Set<number>(); for (const item of items) { seen.add(await loadC(item)); } return seen;`),
    fn(`const merged = {}; for (const item of items) { Object.assign(merged, await loadC(item)); } return merged;`),
    // Compiled CommonJS calls imports as \`(0, module_1.name)(…)\`: the module is still the receiver.
    `const api_1 = require('./api');\nexports.run = async function (ids) { for (const id of ids) { await (0, api_1.deleteToken)(id); } };`,
    fn(`for (let attempt = 0; attempt < 3; attempt++) { try { return await loadA(); } catch { /* retry */ } }`),
    fn(`for (const item of items) { await save(item); await sleep(100); }`),
    fn(`for (const name of ['a', 'b']) { await db.migrate(name); }`),
    fn(`for (const id of ['1', '2']) { await api.remove(id); }`),
    fn(`for (let i = 0; i < 3; i++) { await save(i); }`),
    fn(`for (const item of items) { save(item); }`),
    `${D}export async function run(pending: Promise<number>[]) { for (const p of pending) { await p; } }`,
    fn(`for (const item of items) { setTimeout(async () => { await save(item); }); }`),
    fn(`outer: for (const a of items) { for (const b of items) { if (await loadC(a + b)) continue outer; } }`),
    `${D}export class Tracker { last = 0; async run() { for (const item of items) { this.last = await loadC(item); } } }`,
    `${D}export async function* stream() { for (const item of items) { yield await loadC(item); } }`,
    `${D}declare const source: AsyncIterable<number>;\n${fn(`for await (const item of source) { await save(item); }`)}`,
    fn(`let page = await loadC(); while (page) { page = await loadC(page); }`),
    fn(`let ready = false; do { ready = Boolean(await loadA()); } while (!ready);`),
    // Promise.all arrays without direct awaits.
    fn(`return Promise.all([loadA(), loadB()]);`),
    fn(`return Promise.all([loadC(await loadA())]);`),
    `${D}export async function run(Promise: { all(values: unknown[]): unknown }) { return Promise.all([await loadA()]); }`,
    // Options.
    { code: fn(`await loadA(); await loadB();`), options: [{ minRunLength: 3 }] },
    { code: fn(`for (const item of items) { await save(item); }`), options: [{ checkLoops: false }] },
    { code: `${D}declare function prepare(): Promise<void>;\n${fn(`await prepare(); await loadA();`)}`, options: [{ orderingCalls: ['prepare'] }] },
    { code: fn(`await api.getUser('1'); await api.getOrders('1');`), options: [{ readMethods: [] }] },
    // With types: awaiting something that is not a promise is not work to overlap.
    { code: `declare function now(): number;\ndeclare function later(): number;\nexport async function run() { const a = await now(); const b = await later(); return a + b; }`, mode: 'type-aware' },
    // Awaits that keep nothing are steps taken for their effect, or guards: barriers.
    fn(`await loadA();\nawait loadB();`),
    fn(`const a = await loadA();\nawait save(a);\nconst b = await loadB();\nreturn b;`),
    fn(`await api.getUser('1');\nconst orders = await api.getOrders('1');\nreturn orders;`),
    fn(`const user = await api.getUser('1');\nawait db.exec('vacuum');\nreturn user;`),
    // A phase boundary: gathering already-started work.
    fn(`const a = await Promise.all([loadA()]);\nconst b = await loadB();\nreturn [a, b];`),
    // Shared receivers and arguments, however deep.
    `${D}declare const arb: { reify(options: object): Promise<void> };\ndeclare function finish(options: object): Promise<number>;\n${fn(`const reified = await arb.reify({});\nconst code = await finish({ arb });\nreturn [reified, code];`)}`,
    `${D}declare function mkdirp(dir: string): Promise<string>;\ndeclare function move(from: string, to: string): Promise<boolean>;\ndeclare function dirname(path: string): string;\n${fn(`const bucket = 'a/b';\nconst made = await mkdirp(dirname(bucket));\nconst moved = await move('tmp', bucket);\nreturn [made, moved];`)}`,
    `${D}export class Vitest { cache = { clear: async () => 1 }; fsCache = { clear: async () => 2 }; async run() { const a = await this.cache.clear(); const b = await this.fsCache.clear(); return a + b; } }`,
    // Prompts: the user answers one question at a time.
    `${D}declare function askName(): Promise<string>;\ndeclare function readPasswords(): Promise<string>;\n${fn(`const name = await askName();\nconst password = await readPasswords();\nreturn [name, password];`)}`,
    // Hooks and setup/teardown steps, also behind a prefix or in a compound name.
    `${D}declare const hooks: { _initServer(): Promise<number>; onReady(): Promise<number> };\ndeclare function workerTeardown(): Promise<number>;\n${fn(`const a = await hooks._initServer();\nconst b = await loadA();\nconst c = await workerTeardown();\nconst d = await loadB();\nreturn [a, b, c, d];`)}`,
    // Loops that print in order, or hand every iteration the same state.
    fn(`for (const item of items) { const value = await loadC(item); console.log(value); }`),
    // Each iteration is timed on its own: running them together would time them all at once.
    fn(`for (const item of items) {\n  const start = performance.now();\n  await save(item);\n  void (performance.now() - start);\n}`),
    fn(`for (const item of items) {\n  const start = Date.now();\n  await notify(item);\n  void (Date.now() - start);\n}`),
    fn(`for (const item of items) {\n  const start = process.hrtime.bigint();\n  await save(item);\n  void (process.hrtime.bigint() - start);\n}`),
    fn(`for (const item of items) {\n  for (const other of items) {\n    const start = process.hrtime();\n    await save(item + other);\n    void start;\n  }\n}`),
    `${D}declare const runner: { run(): void };\ndeclare function runSuite(suite: number, runner: object): Promise<void>;\n${fn(`for (const suite of items) { await runSuite(suite, runner); }`)}`,
    `${D}declare const reporters: { onFinished(): Promise<void> }[];\n${fn(`for (const reporter of reporters) { await reporter.onFinished(); }`)}`,
  ],
  invalid: [
    // Runs of independent awaits.
    // A lock released before the block, or taken by the function around this one.
    run(
      `await db.beginTransaction();\nawait db.commit();\ntry {\nconst a = await loadA();\nconst b = await loadB();\nreturn a + b;\n} finally { log(1); }`,
      `await db.beginTransaction();\nawait db.commit();\ntry {\nconst [a, b] = await Promise.all([loadA(), loadB()]);\nreturn a + b;\n} finally { log(1); }`,
    ),
    {
      code: `${D}declare const lock: { acquire(): Promise<void>; release(): void };\nexport async function run() {\nawait lock.acquire();\nconst later = async () => {\nconst a = await loadA();\nconst b = await loadB();\nreturn a + b;\n};\nlock.release();\nreturn later;\n}`,
      errors: [
        {
          messageId: 'sequentialAwaits',
          data: { count: '2' },
          suggestions: [
            {
              messageId: 'awaitTogether',
              output: `${D}declare const lock: { acquire(): Promise<void>; release(): void };\nexport async function run() {\nawait lock.acquire();\nconst later = async () => {\nconst [a, b] = await Promise.all([loadA(), loadB()]);\nreturn a + b;\n};\nlock.release();\nreturn later;\n}`,
            },
          ],
        },
      ],
    },
    run(`const user = await api.getUser('1');\nconst orders = await api.getOrders('1');\nreturn { user, orders };`, `const [user, orders] = await Promise.all([api.getUser('1'), api.getOrders('1')]);\nreturn { user, orders };`),
    run(`const a = await loadA();\nconst b = await loadB();\nreturn a + b;`, `const [a, b] = await Promise.all([loadA(), loadB()]);\nreturn a + b;`),
    run(
      `const a = await loadA();\nconst b = await loadB();\nconst list = await loadList();\nreturn [a, b, list];`,
      `const [a, b, list] = await Promise.all([loadA(), loadB(), loadList()]);\nreturn [a, b, list];`,
      3,
    ),
    run(`let a = await loadA();\nlet b = await loadB();\na += b;\nreturn a;`, `let [a, b] = await Promise.all([loadA(), loadB()]);\na += b;\nreturn a;`),
    run(`const a = await loadA();\nlet b = await loadB();\nreturn [a, b];`, null),
    run(`let a, b;\na = await loadA();\nb = await loadB();\nreturn [a, b];`, `let a, b;\n[a, b] = await Promise.all([loadA(), loadB()]);\nreturn [a, b];`),
    run(`let a;\na = await loadA();\nconst b = await loadB();\nreturn [a, b];`, null),
    run(
      `const { name } = await loadUser();\nconst [first] = await loadList();\nreturn [name, first];`,
      `const [{ name }, [first]] = await Promise.all([loadUser(), loadList()]);\nreturn [name, first];`,
    ),
    run(`const a: number = await loadA();\nconst b = await loadB();\nreturn a + b;`, null),
    run(`const a = await loadA();\n// then the other one\nconst b = await loadB();\nreturn a + b;`, null),
    run(
      `const a = await loadA();\nconst b = await loadC(a);\nconst c = await loadB();\nreturn [b, c];`,
      `const a = await loadA();\nconst [b, c] = await Promise.all([loadC(a), loadB()]);\nreturn [b, c];`,
    ),
    run(
      `const user = await fetch('/user').then((response) => response.json());\nconst orders = await fetch('/orders').then((response) => response.json());\nreturn [user, orders];`,
      `const [user, orders] = await Promise.all([fetch('/user').then((response) => response.json()), fetch('/orders').then((response) => response.json())]);\nreturn [user, orders];`,
    ),
    run(
      `let n = 0;\nwhile (n++ < 3) {\n  const a = await loadA();\n  const b = await loadB();\n  log(a + b);\n}`,
      `let n = 0;\nwhile (n++ < 3) {\n  const [a, b] = await Promise.all([loadA(), loadB()]);\n  log(a + b);\n}`,
    ),
    run(
      `switch (items.length) {\n  case 0:\n    const a = await loadA();\n    const b = await loadB();\n    return a + b;\n}`,
      `switch (items.length) {\n  case 0:\n    const [a, b] = await Promise.all([loadA(), loadB()]);\n    return a + b;\n}`,
    ),
    {
      code: `${D}const a = await loadA();\nconst b = await loadB();\nexport { a, b };`,
      errors: [
        {
          messageId: 'sequentialAwaits',
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 24,
          suggestions: [{ messageId: 'awaitTogether', output: `${D}const [a, b] = await Promise.all([loadA(), loadB()]);\nexport { a, b };` }],
        },
      ],
    },
    {
      code: `${D}export class Profile { name = ''; size = 0; async refresh() { this.name = String(await loadA()); } async run() {\n  this.name = await api.getUser('1');\n  this.size = await loadB();\n} }`,
      errors: [
        {
          messageId: 'sequentialAwaits',
          suggestions: [
            {
              messageId: 'awaitTogether',
              output: `${D}export class Profile { name = ''; size = 0; async refresh() { this.name = String(await loadA()); } async run() {\n  [this.name, this.size] = await Promise.all([api.getUser('1'), loadB()]);\n} }`,
            },
          ],
        },
      ],
    },
    {
      code: `${D}export const run = async () => {\n  const a = await loadA();\n  const b = await loadB();\n  return a + b;\n};`,
      errors: [
        {
          messageId: 'sequentialAwaits',
          suggestions: [{ messageId: 'awaitTogether', output: `${D}export const run = async () => {\n  const [a, b] = await Promise.all([loadA(), loadB()]);\n  return a + b;\n};` }],
        },
      ],
    },
    {
      code: fn(`const a = await loadA();\nconst b = await loadB();\nconst c = await loadC();\nreturn a + b + c;`),
      options: [{ minRunLength: 3 }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          data: { count: '3' },
          suggestions: [{ messageId: 'awaitTogether', output: fn(`const [a, b, c] = await Promise.all([loadA(), loadB(), loadC()]);\nreturn a + b + c;`) }],
        },
      ],
    },
    {
      code: fn(`const connected = await db.connect();\nconst a = await loadA();\nreturn [connected, a];`),
      options: [{ orderingCalls: [] }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          suggestions: [{ messageId: 'awaitTogether', output: fn(`const [connected, a] = await Promise.all([db.connect(), loadA()]);\nreturn [connected, a];`) }],
        },
      ],
    },
    {
      code: `${D}declare const jobs: { computeA(): Promise<number>; computeB(): Promise<number> };\n${fn(`const a = await jobs.computeA();\nconst b = await jobs.computeB();\nreturn a + b;`)}`,
      options: [{ readMethods: ['compute'] }],
      errors: [
        {
          messageId: 'sequentialAwaits',
          suggestions: [
            {
              messageId: 'awaitTogether',
              output: `${D}declare const jobs: { computeA(): Promise<number>; computeB(): Promise<number> };\n${fn(`const [a, b] = await Promise.all([jobs.computeA(), jobs.computeB()]);\nreturn a + b;`)}`,
            },
          ],
        },
      ],
    },
    {
      // Without types, an await of any call may be work to overlap.
      code: `declare function now(): number;\ndeclare function later(): number;\nexport async function run() { const a = await now(); const b = await later(); return a + b; }`,
      mode: 'syntactic',
      errors: [
        {
          messageId: 'sequentialAwaits',
          suggestions: [
            {
              messageId: 'awaitTogether',
              output: `declare function now(): number;\ndeclare function later(): number;\nexport async function run() { const [a, b] = await Promise.all([now(), later()]); return a + b; }`,
            },
          ],
        },
      ],
    },
    // Loops whose iterations are independent.
    loop(`for (const item of items) {\n  await save(item);\n}`, `await Promise.all(items.map(async (item) => {\n  await save(item);\n}));`),
    loop(
      `for (const item of items) {\n  const value = await loadC(item);\n  await save(value);\n}`,
      `await Promise.all(items.map(async (item) => {\n  const value = await loadC(item);\n  await save(value);\n}));`,
    ),
    loop(`for (const item of items) await notify(item);`, `await Promise.all(items.map(async (item) => { await notify(item); }));`),
    // A clock of the code's own is no timer.
    loop(
      `const clock = { now: () => 0 };\nfor (const item of items) {\n  const start = clock.now();\n  await save(item + start);\n}`,
      `const clock = { now: () => 0 };\nawait Promise.all(items.map(async (item) => {\n  const start = clock.now();\n  await save(item + start);\n}));`,
    ),
    loop(
      `const config = { a: 1 };\nfor (const key of Object.keys(config)) {\n  await notify(key);\n}`,
      `const config = { a: 1 };\nawait Promise.all(Object.keys(config).map(async (key) => {\n  await notify(key);\n}));`,
    ),
    loop(
      `for (const [key, value] of Object.entries({ a: 1 })) {\n  await save({ key, value });\n}`,
      `await Promise.all(Object.entries({ a: 1 }).map(async ([key, value]) => {\n  await save({ key, value });\n}));`,
    ),
    loop(
      `const results: number[] = [];\nfor (const item of items) {\n  results.push(await loadC(item));\n}\nreturn results;`,
      `const results: number[] = [];\nresults.push(...(await Promise.all(items.map(async (item) => loadC(item)))));\nreturn results;`,
    ),
    loop(
      `for (const item of items) {\n  if (item < 0) continue;\n  await save(item);\n}`,
      null,
    ),
    loop(`for (const key in { a: 1 }) {\n  await notify(key);\n}`, null),
    loop(`for (let i = 0; i < items.length; i++) {\n  await save(items[i]);\n}`, null),
    loop(
      `for (const item of items) {\n  if (item > 1) {\n    await save(item);\n  } else {\n    await notify(item);\n  }\n}`,
      `await Promise.all(items.map(async (item) => {\n  if (item > 1) {\n    await save(item);\n  } else {\n    await notify(item);\n  }\n}));`,
    ),
    loop(
      `for (const id of ['1', '2']) {\n  const user = await api.getUser(id);\n  log(user);\n}`,
      `await Promise.all(['1', '2'].map(async (id) => {\n  const user = await api.getUser(id);\n  log(user);\n}));`,
    ),
    {
      code: `${D}export async function run(ids: Set<string>) {\nfor (const id of ids) {\n  await notify(id);\n}\n}`,
      errors: [
        {
          messageId: 'sequentialLoop',
          line: 14,
          endLine: 14,
          suggestions: [{ messageId: 'mapConcurrently', output: `${D}export async function run(ids: Set<string>) {\nawait Promise.all(Array.from(ids, async (id) => {\n  await notify(id);\n}));\n}` }],
        },
      ],
    },
    {
      code: fn(`for (const a of items) {\n  for (const b of items) {\n    await save(a + b);\n  }\n}`),
      errors: [
        {
          messageId: 'sequentialLoop',
          line: 14,
          suggestions: [{ messageId: 'mapConcurrently', output: fn(`await Promise.all(items.map(async (a) => {\n  for (const b of items) {\n    await save(a + b);\n  }\n}));`) }],
        },
        {
          messageId: 'sequentialLoop',
          line: 15,
          suggestions: [{ messageId: 'mapConcurrently', output: fn(`for (const a of items) {\n  await Promise.all(items.map(async (b) => {\n    await save(a + b);\n  }));\n}`) }],
        },
      ],
    },
    // Awaits inside the array handed to a combinator.
    {
      code: fn(`return Promise.all([await loadA(), await loadB()]);`),
      errors: [
        {
          messageId: 'awaitInCombinator',
          data: { method: 'all' },
          suggestions: [{ messageId: 'removeAwaits', output: fn(`return Promise.all([loadA(), loadB()]);`) }],
        },
      ],
    },
    {
      code: fn(`const outcomes = await Promise.allSettled([await loadA(), loadB()]);\nreturn outcomes;`),
      errors: [
        {
          messageId: 'awaitInCombinator',
          data: { method: 'allSettled' },
          suggestions: [{ messageId: 'removeAwaits', output: fn(`const outcomes = await Promise.allSettled([loadA(), loadB()]);\nreturn outcomes;`) }],
        },
      ],
    },
    {
      code: fn(`return Promise.race([await (loadA()), await loadB()]);`),
      errors: [
        {
          messageId: 'awaitInCombinator',
          data: { method: 'race' },
          suggestions: [{ messageId: 'removeAwaits', output: fn(`return Promise.race([(loadA()), loadB()]);`) }],
        },
      ],
    },
    {
      code: fn(`return Promise.any([await loadA(), await loadB()]);`),
      errors: [
        {
          messageId: 'awaitInCombinator',
          data: { method: 'any' },
          suggestions: [{ messageId: 'removeAwaits', output: fn(`return Promise.any([loadA(), loadB()]);`) }],
        },
      ],
    },
  ],
};

runRuleTests('prefer-promise-all', rule, cases);
