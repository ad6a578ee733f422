import rule from '../../rules/no-unguarded-promise-all.js';
import { edit } from '../edit.js';
import { type CasesFor, runRuleTests } from '../rule-tester.js';

type Cases = CasesFor<typeof rule>;
type Invalid = Cases['invalid'][number];
type Suggestion = Exclude<Invalid['errors'][number]['suggestions'], number | null | undefined>[number];

const P = 'declare const a: Promise<number>, b: Promise<number>;\n';
const CATCH = '.catch((error) => { console.error(error); })';
const COMMENT = 'The other operations are still running: handle or report the failure here.';

/** The one-line `try/catch` wrapping of `statement` inside `code`. */
function wrapOneLine(code: string, statement: string): string {
  return edit(code, statement, `try { ${statement} } catch (error) { /* ${COMMENT} */ throw error; }`);
}

/** An unguarded await in one-line code: wrap the statement, and allSettled where it fits. */
function unguardedOneLine(code: string, statement: string, allSettled: boolean): Invalid {
  const suggestions: Suggestion[] = [
    { messageId: 'wrapInTryCatch', output: wrapOneLine(code, statement) },
  ];
  if (allSettled) suggestions.push({ messageId: 'useAllSettled', output: edit(code, 'Promise.all(', 'Promise.allSettled(') });
  return { code, errors: [{ messageId: 'unguarded', suggestions }] };
}

/** `await Promise.all([a, b]);` alone on a line in an async function: wrap it, or allSettled. */
function awaitedStatement(body: string, method = 'all'): Invalid {
  const code = `${P}async function run() {\n  ${body}\n}`;
  const wrapped = `${P}async function run() {\n  try {\n    ${body}\n  } catch (error) {\n    // ${COMMENT}\n    throw error;\n  }\n}`;
  const suggestions: Suggestion[] = [
    { messageId: 'wrapInTryCatch', output: wrapped },
  ];
  if (method === 'all' && body.startsWith('await Promise.all(') && body.endsWith(');')) {
    suggestions.push({ messageId: 'useAllSettled', output: edit(code, 'Promise.all(', 'Promise.allSettled(') });
  }
  return {
    code,
    ...(method === 'all' ? {} : { options: [{ methods: [method as 'race' | 'any'] }] as const }),
    errors: [{ messageId: 'unguarded', data: { method }, line: 3, suggestions }],
  };
}

const cases: Cases = {
  valid: [
    // A local `Promise` (a polyfill or a wrapper) is not the global one.
    `const Promise = { all: async (items: unknown[]) => items };\nexport async function run() { await Promise.all([1, 2]); }`,
    `export async function run(Promise: { all(items: unknown[]): PromiseLike<unknown> }) { await Promise.all([1, 2]); }`,
    // Guarded by try/catch in the same function.
    `${P}async function run() { try { await Promise.all([a, b]); } catch (error) { console.error(error); } }`,
    `${P}async function run() { try { const [x, y] = await Promise.all([a, b]); return x + y; } catch { return 0; } }`,
    `${P}async function run() { try { return await Promise.all([a, b]); } catch { return []; } finally { console.log('done'); } }`,
    `${P}async function run() { try { if (a) { await Promise.all([a, b]); } } catch { /* handled */ } }`,
    `${P}async function run() { try { for (const x of [1]) await Promise.all([a, b]); } catch { /* handled */ } }`,
    `${P}async function run() { try { await (Promise.all([a, b]) as Promise<number[]>); } catch { /* handled */ } }`,
    `${P}async function run() { try { const all = Promise.all([a, b]); await all; } catch { /* handled */ } }`,
    `${P}async function run() { const all = Promise.all([a, b]); try { await all; } catch { /* handled */ } }`,
    `${P}try { await Promise.all([a, b]); } catch (error) { console.error(error); }`,
    // Every operation handles its own rejection: the batch never rejects.
    `${P}async function run() { await Promise.all([a.catch(() => 0), b.catch(() => 0)]); }`,
    `${P}async function run() { await Promise.all([a.then((x) => x, () => 0), (b as Promise<number>).catch(() => 0)]); }`,
    `${P}declare function load(id: string): Promise<number>;\nasync function run(ids: string[]) { return (await Promise.all(ids.map((id) => load(id).catch(() => null)))).length; }`,
    `${P}declare function load(id: string): Promise<number>;\nasync function run(ids: string[]) { await Promise.all(ids.map(function (id) { return load(id).catch((error) => console.error(error)); })); }`,
    {
      code: `${P}declare function load(id: string): Promise<number>;\nasync function run(ids: string[]) { await Promise.any(ids.map((id) => load(id).catch(() => 0))); }`,
      options: [{ methods: ['any'] }],
    },
    `${P}async function run() { await Promise.all([a, b].map((p) => { console.log(p); return p.catch(() => 0); })); }`,
    `${P}declare function save(id: string): Promise<void>;\nasync function run(ids: string[]) { await Promise.all(ids.map(async (id) => { try { await save(id); } catch (error) { console.error(error); } })); }`,
    `${P}declare function save(id: string): Promise<number>;\nasync function run(ids: string[]) { return (await Promise.all(ids.map(async (id) => { try { return await save(id); } catch { return 0; } }))).length; }`,
    `${P}declare function save(id: string): Promise<number>;\nasync function run(ids: string[]) { await Promise.all(ids.map(async (id) => (await save(id).catch(() => 0)) + 1)); }`,
    `${P}async function run(ids: string[]) { await Promise.all(ids.map((id) => { console.log(id); })); }`,
    `${P}async function run(ids: string[]) { return (await Promise.all(ids.map((id) => ({ id, at: Date.now() })))).length; }`,
    `${P}async function run(ids: string[], flag: boolean) { await Promise.all(ids.map((id) => (flag ? 1 : \`\${id}!\`))); }`,
    // Chained with a rejection handler.
    `${P}Promise.all([a, b]).catch((error) => console.error(error));`,
    `${P}Promise.all([a, b]).then((values) => values, (error) => console.error(error));`,
    `${P}Promise.all([a, b]).then((values) => values).catch(console.error);`,
    `${P}Promise.all([a, b]).then((v) => v).then((v) => v).catch(console.error);`,
    `${P}Promise.all([a, b]).finally(() => {}).catch(console.error);`,
    `${P}async function run() { await Promise.all([a, b]).catch(() => []); }`,
    `${P}async function run() { const values = await Promise.all([a, b]).catch(() => null); return values; }`,
    // Handed to the caller.
    `${P}function run() { return Promise.all([a, b]); }`,
    `${P}async function run() { return await Promise.all([a, b]); }`,
    `${P}const run = () => Promise.all([a, b]);`,
    `${P}const run = async () => await Promise.all([a, b]);`,
    `${P}function run() { const all = Promise.all([a, b]); return all; }`,
    `${P}function* run() { yield Promise.all([a, b]); }`,
    `${P}declare function track(p: Promise<unknown>): void;\ntrack(Promise.all([a, b]));`,
    `${P}const state = { pending: Promise.all([a, b]) };`,
    `${P}let pending: Promise<unknown>;\npending = Promise.all([a, b]);`,
    `${P}async function run() { await Promise.race([Promise.all([a, b]), a]).catch(() => 0); }`,
    // Not Promise.all.
    `${P}async function run() { await Promise.allSettled([a, b]); }`,
    `${P}async function run() { await Promise.race([a, b]); }`,
    `${P}async function run() { await Promise.any([a, b]); }`,
    `${P}declare const Q: { all(items: unknown[]): Promise<unknown> };\nasync function run() { await Q.all([a, b]); }`,
    `${P}function run(Promise: { all(items: unknown[]): Promise<unknown> }) { return async () => { await Promise.all([a, b]); }; }`,
    // allowPropagation: the error reaches the caller of an async function.
    { code: `${P}async function run() { await Promise.all([a, b]); }`, options: [{ allowPropagation: true }] },
    { code: `${P}async function run() { const [x] = await Promise.all([a, b]); return x; }`, options: [{ allowPropagation: true }] },
    { code: `${P}const run = async () => { await Promise.all([a, b]); };`, options: [{ allowPropagation: true }] },
    { code: `${P}const values = await Promise.all([a, b]);\nexport { values };`, options: [{ allowPropagation: true }] },
    { code: `${P}class Job { async run() { await Promise.all([a, b]); } }`, options: [{ allowPropagation: true }] },
    { code: `${P}async function run() { await Promise.all([a, b]).finally(() => {}); }`, options: [{ allowPropagation: true }] },
    // Race timers that are cleared, unref'd, or not a raw setTimeout.
    `${P}async function run() { let t; try { return await Promise.race([a, new Promise((_, reject) => { t = setTimeout(reject, 10); })]); } finally { clearTimeout(t); } }`,
    `${P}async function run() { let t: any; return Promise.race([a, new Promise((_, reject) => (t = setTimeout(reject, 10)))]).finally(() => clearTimeout(t)); }`,
    `${P}function run() { return Promise.race([a, new Promise((_, reject) => setTimeout(reject, 10).unref())]); }`,
    `${P}function run() { return Promise.race([a, b]); }`,
    `${P}function run(signal: AbortSignal) { return Promise.race([a, new Promise((_, reject) => signal.addEventListener('abort', reject))]); }`,
  ],
  invalid: [
    // Awaited with nothing to catch the rejection.
    awaitedStatement('await Promise.all([a, b]);'),
    // Some operation without its own handler, or handlers that are none.
    awaitedStatement('await Promise.all([a.catch(() => 0), b]);'),
    awaitedStatement('await Promise.all([a.catch(undefined), b.catch(() => 0)]);'),
    awaitedStatement('await Promise.all([a.then((x) => x), b.catch(() => 0)]);'),
    awaitedStatement('await Promise.all([a.catch(() => 0).then((x) => x), b.catch(() => 0)]);'),
    awaitedStatement('await Promise.all([a.catch(() => 0), ...[b]]);'),
    awaitedStatement('await Promise.all([a, b].map((p) => { console.log(p); return p; }));'),
    awaitedStatement('await Promise.all([a, b].map(async (p) => { try { await p; } finally { console.log(p); } }));'),
    awaitedStatement('await Promise.all([a, b].map(async (p) => { try { await p; } catch { return 0; } return p; }));'),
    awaitedStatement('await Promise.all([a, b].map(async (p) => await p));'),
    awaitedStatement('await Promise.all([a, b].map(async (p) => (await p) + 1));'),
    awaitedStatement('await Promise.all([a, b].map(async (p) => [await p.catch(() => 0), await p]));'),
    awaitedStatement('await Promise.all([a, b].map((p) => p));'),
    awaitedStatement('await Promise.all([a, b].map((p) => ({ then: p.then.bind(p) })));'),
    awaitedStatement('await Promise.all([a, b].map((p) => p.finally(() => 0)));'),
    awaitedStatement('await Promise.all([a, b].filter((p) => p.catch(() => 0)));'),
    awaitedStatement('console.log(await Promise.all([a, b]));'),
    awaitedStatement('await Promise.race([a, b]);', 'race'),
    awaitedStatement('await Promise.any([a, b]);', 'any'),
    awaitedStatement('const total = (await Promise.all([a, b])).length;'),
    {
      code: `${P}async function run() {\n  const [x, y] = await Promise.all([a, b]);\n  return x + y;\n}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 24,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `${P}async function run() {\n  try {\n    const [x, y] = await Promise.all([a, b]);\n    return x + y;\n  } catch (error) {\n    // ${COMMENT}\n    throw error;\n  }\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${P}async function run() { const [x] = await Promise.all([a, b]); console.log(x); }`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `${P}async function run() { try { const [x] = await Promise.all([a, b]); console.log(x); } catch (error) { /* ${COMMENT} */ throw error; } }`,
            },
          ],
        },
      ],
    },
    {
      // A `var` may be read outside the block: no wrapping.
      code: `${P}async function run() { var all = await Promise.all([a, b]); return all; }`,
      errors: [{ messageId: 'unguarded', suggestions: [] }],
    },
    {
      code: `${P}await Promise.all([a, b]);`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [
            { messageId: 'wrapInTryCatch', output: `${P}try {\n  await Promise.all([a, b]);\n} catch (error) {\n  // ${COMMENT}\n  throw error;\n}` },
            { messageId: 'useAllSettled', output: `${P}await Promise.allSettled([a, b]);` },
          ],
        },
      ],
    },
    unguardedOneLine(`${P}class Job { async run() { await Promise.all([a, b]); } }`, 'await Promise.all([a, b]);', true),
    unguardedOneLine(
      `${P}const run = async () => { const values = await Promise.all([a, b]); console.log(values); };`,
      'const values = await Promise.all([a, b]); console.log(values);',
      false,
    ),
    unguardedOneLine(
      `${P}async function run() { const values = (await Promise.all([a, b])) ?? []; return values; }`,
      'const values = (await Promise.all([a, b])) ?? []; return values;',
      false,
    ),
    // try … finally does not guard; a try in an outer function does not guard an inner one.
    {
      code: `${P}async function run() { try { await Promise.all([a, b]); } finally { console.log('done'); } }`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `${P}async function run() { try { try { await Promise.all([a, b]); } catch (error) { /* ${COMMENT} */ throw error; } } finally { console.log('done'); } }`,
            },
            { messageId: 'useAllSettled', output: `${P}async function run() { try { await Promise.allSettled([a, b]); } finally { console.log('done'); } }` },
          ],
        },
      ],
    },
    unguardedOneLine(
      `${P}async function outer() { try { await (async () => { await Promise.all([a, b]); })(); } catch { /* only sees the IIFE */ } }`,
      'await Promise.all([a, b]);',
      true,
    ),
    unguardedOneLine(
      `${P}function outer() { try { setTimeout(async () => { await Promise.all([a, b]); }); } catch { /* too late */ } }`,
      'await Promise.all([a, b]);',
      true,
    ),
    unguardedOneLine(
      `${P}async function run() { try { /* work */ } catch { await Promise.all([a, b]); } }`,
      'await Promise.all([a, b]);',
      true,
    ),
    unguardedOneLine(
      `${P}async function run() { try { /* work */ } catch { /* handled */ } finally { await Promise.all([a, b]); } }`,
      'await Promise.all([a, b]);',
      true,
    ),
    // Floating, or chained without a rejection handler.
    {
      code: `${P}function run() { Promise.all([a, b]); }`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [{ messageId: 'addCatch', output: `${P}function run() { Promise.all([a, b])${CATCH}; }` }],
        },
      ],
    },
    {
      code: `${P}function run() { Promise.all([a, b]).then((values) => console.log(values)); }`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [
            { messageId: 'addCatch', output: `${P}function run() { Promise.all([a, b]).then((values) => console.log(values))${CATCH}; }` },
          ],
        },
      ],
    },
    {
      code: `${P}Promise.all([a, b]).finally(() => console.log('done'));`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [{ messageId: 'addCatch', output: `${P}Promise.all([a, b]).finally(() => console.log('done'))${CATCH};` }],
        },
      ],
    },
    {
      code: `${P}Promise.all([a, b]).then((v) => v, undefined);`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [{ messageId: 'addCatch', output: `${P}Promise.all([a, b]).then((v) => v, undefined)${CATCH};` }],
        },
      ],
    },
    {
      code: `${P}Promise.all([a, b]).catch();`,
      errors: [{ messageId: 'unguarded', suggestions: [{ messageId: 'addCatch', output: `${P}Promise.all([a, b]).catch()${CATCH};` }] }],
    },
    { code: `${P}void Promise.all([a, b]);`, errors: [{ messageId: 'unguarded', suggestions: [] }] },
    unguardedOneLine(
      `${P}async function run() { await Promise.all([a, b]).then((v) => v); }`,
      'await Promise.all([a, b]).then((v) => v);',
      false,
    ),
    // Stored, and every read leaves it unguarded.
    {
      ...unguardedOneLine(
        `${P}async function run() { const all = Promise.all([a, b]); const values = await all; return values; }`,
        'const values = await all; return values;',
        false,
      ),
      name: 'stored, then awaited without a guard',
    },
    { code: `${P}function run() { const all = Promise.all([a, b]); }`, errors: [{ messageId: 'unguarded', suggestions: [] }] },
    {
      code: `${P}function run() { const all = Promise.all([a, b]); all.then(console.log); }`,
      errors: [
        {
          messageId: 'unguarded',
          suggestions: [{ messageId: 'addCatch', output: `${P}function run() { const all = Promise.all([a, b]); all.then(console.log)${CATCH}; }` }],
        },
      ],
    },
    // The try cannot see a promise that is not awaited inside it.
    {
      code: `${P}async function run() { try { Promise.all([a, b]); } catch (error) { console.error(error); } }`,
      errors: [
        {
          messageId: 'notAwaitedInTry',
          data: { method: 'all' },
          suggestions: [
            { messageId: 'addAwait', output: `${P}async function run() { try { await Promise.all([a, b]); } catch (error) { console.error(error); } }` },
          ],
        },
      ],
    },
    {
      code: `${P}function run() { try { Promise.all([a, b]).then(console.log); } catch (error) { console.error(error); } }`,
      errors: [{ messageId: 'notAwaitedInTry', suggestions: [] }],
    },
    {
      code: `${P}async function run() { try { const all = Promise.all([a, b]); } catch { /* never called */ } }`,
      errors: [{ messageId: 'notAwaitedInTry', suggestions: [] }],
    },
    {
      code: `${P}function run() { try { void Promise.all([a, b]); } catch { /* never called */ } }`,
      errors: [{ messageId: 'notAwaitedInTry', suggestions: [] }],
    },
    // Methods beyond the default.
    {
      code: `${P}function run() { Promise.any([a, b]).then(console.log); }`,
      options: [{ methods: ['all', 'any'] }],
      errors: [
        {
          messageId: 'unguarded',
          data: { method: 'any' },
          column: 18,
          suggestions: [{ messageId: 'addCatch', output: `${P}function run() { Promise.any([a, b]).then(console.log)${CATCH}; }` }],
        },
      ],
    },
    // Race timeouts that are never cleared.
    {
      code: `${P}async function run() {\n  return await Promise.race([a, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);\n}`,
      errors: [
        {
          messageId: 'raceTimerNotCleared',
          line: 3,
          column: 60,
          suggestions: [
            {
              messageId: 'clearRaceTimer',
              output: `${P}async function run() {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return await Promise.race([a, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000)))]).finally(() => clearTimeout(timer));\n}`,
            },
          ],
        },
      ],
    },
    {
      code: `${P}function run() { const timeout = new Promise((_, reject) => { setTimeout(reject, 50); }); return Promise.race([a, timeout]); }`,
      errors: [
        {
          messageId: 'raceTimerNotCleared',
          suggestions: [
            {
              messageId: 'clearRaceTimer',
              output: `${P}function run() { let timer: ReturnType<typeof setTimeout> | undefined; const timeout = new Promise((_, reject) => { (timer = setTimeout(reject, 50)); }); return Promise.race([a, timeout]).finally(() => clearTimeout(timer)); }`,
            },
          ],
        },
      ],
    },
    {
      code: `${P}const timer = 1;\nfunction run() { return Promise.race([a, new Promise((r) => setTimeout(r, 5))]); }`,
      errors: [
        {
          messageId: 'raceTimerNotCleared',
          suggestions: [
            {
              messageId: 'clearRaceTimer',
              output: `${P}const timer = 1;\nfunction run() { let raceTimer: ReturnType<typeof setTimeout> | undefined; return Promise.race([a, new Promise((r) => (raceTimer = setTimeout(r, 5)))]).finally(() => clearTimeout(raceTimer)); }`,
            },
          ],
        },
      ],
    },
  ],
};

runRuleTests('no-unguarded-promise-all', rule, cases);
