import { FS_PROMISES_FUNCTIONS } from './promise-apis.js';

/**
 * The catalogue of synchronous Node APIs that block the event loop, and what to use instead.
 * One table, read by `no-blocking-in-async`; rules never list these names themselves.
 */

/** What the call blocks on: it decides the message (CPU work also points to worker_threads). */
export type BlockingCost = 'io' | 'process' | 'cpu' | 'wait';

/** The non-blocking counterpart of a blocking API. */
export type Replacement =
  /** An export of a promise module: `fs.readFileSync` → `fs/promises` `readFile`. */
  | { kind: 'promise-module'; module: string; name: string }
  /** `existsSync(p)` → `access(p).then(() => true, () => false)` from `fs/promises`. */
  | { kind: 'exists' }
  /** `util.promisify` of a callback export of the same module: `pbkdf2Sync` → `promisify(pbkdf2)`. */
  | { kind: 'promisify'; name: string; onlyWhenResultUnused: boolean }
  /** A promise-returning export of the same module (user-configured). */
  | { kind: 'same-module'; name: string };

export interface BlockingApi {
  /** Normalized module name (`node:fs`), or `global` for globals such as `Atomics`. */
  module: string;
  /** The export's property path, dotted (`readFileSync`, `Atomics.wait`). */
  name: string;
  cost: BlockingCost;
  replacement?: Replacement;
}

/** `fs/promises` functions that differ from their `*Sync` namesake (`open` gives a FileHandle, not a descriptor). */
const FS_PROMISES_WITHOUT_SYNC_TWIN = new Set(['open', 'lchmod', 'mkdtempDisposable']);

/** `fs` functions whose `fs/promises` namesake takes the same arguments and resolves to the same value. */
const FS_WITH_PROMISE_TWIN = FS_PROMISES_FUNCTIONS.filter((name) => !FS_PROMISES_WITHOUT_SYNC_TWIN.has(name));

/** `fs` functions that block but have no drop-in promise twin (file descriptors, globbing). */
const FS_WITHOUT_TWIN = [
  'close',
  'fchmod',
  'fchown',
  'fdatasync',
  'fstat',
  'fsync',
  'ftruncate',
  'futimes',
  'glob',
  'lchmod',
  'mkdtempDisposable',
  'open',
  'read',
  'readv',
  'write',
  'writev',
];

const ZLIB = [
  'brotliCompress',
  'brotliDecompress',
  'deflate',
  'deflateRaw',
  'gunzip',
  'gzip',
  'inflate',
  'inflateRaw',
  'unzip',
  'zstdCompress',
  'zstdDecompress',
];

const CRYPTO = ['pbkdf2', 'scrypt', 'generateKeyPair', 'generateKey', 'generatePrime', 'hkdf'];

/** CPU work whose callback form runs on the libuv thread pool: `gzipSync` → `promisify(gzip)`. */
function promisifiable(module: string, name: string): BlockingApi {
  return {
    module,
    name: `${name}Sync`,
    cost: 'cpu',
    replacement: { kind: 'promisify', name, onlyWhenResultUnused: false },
  };
}

const CATALOGUE: readonly BlockingApi[] = [
  ...FS_WITH_PROMISE_TWIN.map(
    (name): BlockingApi => ({
      module: 'node:fs',
      name: `${name}Sync`,
      cost: 'io',
      replacement: { kind: 'promise-module', module: 'node:fs/promises', name },
    }),
  ),
  { module: 'node:fs', name: 'existsSync', cost: 'io', replacement: { kind: 'exists' } },
  ...FS_WITHOUT_TWIN.map((name): BlockingApi => ({ module: 'node:fs', name: `${name}Sync`, cost: 'io' })),
  { module: 'node:fs', name: 'realpathSync.native', cost: 'io' },
  {
    module: 'node:child_process',
    name: 'execSync',
    cost: 'process',
    replacement: { kind: 'promisify', name: 'exec', onlyWhenResultUnused: true },
  },
  {
    module: 'node:child_process',
    name: 'execFileSync',
    cost: 'process',
    replacement: { kind: 'promisify', name: 'execFile', onlyWhenResultUnused: true },
  },
  { module: 'node:child_process', name: 'spawnSync', cost: 'process' },
  ...CRYPTO.map((name) => promisifiable('node:crypto', name)),
  ...ZLIB.map((name) => promisifiable('node:zlib', name)),
  { module: 'global', name: 'Atomics.wait', cost: 'wait' },
];

/** Modules where any `*Sync` export blocks, including ones newer than this table. */
const SYNC_SUFFIX_COST: Readonly<Record<string, BlockingCost>> = { 'node:fs': 'io', 'node:zlib': 'cpu' };

const byKey = new Map(CATALOGUE.map((api) => [`${api.module}:${api.name}`, api]));

/** Every API of the table, for a rule to tell whether a file can call any (see `mayUseCatalogue`). */
export const BLOCKING_APIS: readonly BlockingApi[] = CATALOGUE;

/** The names a callee must end with to be worth resolving (cheap pre-filter before scope work). */
export const BLOCKING_API_NAMES: ReadonlySet<string> = new Set(
  CATALOGUE.map((api) => api.name.split('.').pop() ?? api.name),
);

export function findBlockingApi(module: string, name: string): BlockingApi | null {
  const known = byKey.get(`${module}:${name}`);
  if (known) return known;
  const cost = SYNC_SUFFIX_COST[module];
  return cost && /^[a-z]\w*Sync$/.test(name) ? { module, name, cost } : null;
}
