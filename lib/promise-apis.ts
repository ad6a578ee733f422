/** The functions of `node:fs/promises` (all return a promise). */
export const FS_PROMISES_FUNCTIONS: readonly string[] = [
    'access',
    'appendFile',
    'chmod',
    'chown',
    'copyFile',
    'cp',
    'lchmod',
    'lchown',
    'link',
    'lstat',
    'lutimes',
    'mkdir',
    'mkdtemp',
    'mkdtempDisposable',
    'open',
    'opendir',
    'readdir',
    'readFile',
    'readlink',
    'realpath',
    'rename',
    'rm',
    'rmdir',
    'stat',
    'statfs',
    'symlink',
    'truncate',
    'unlink',
    'utimes',
    'writeFile',
  ];

/**
 * Node built-in exports that return a promise, by normalized module name and property path
 * (`scheduler.wait` is the `wait` method of the module's `scheduler` export).
 */
export const PROMISE_RETURNING_EXPORTS: Readonly<Record<string, ReadonlySet<string>>> = {
  'node:fs/promises': new Set(FS_PROMISES_FUNCTIONS),
  'node:timers/promises': new Set(['setTimeout', 'setImmediate', 'scheduler.wait', 'scheduler.yield']),
  'node:stream/promises': new Set(['pipeline', 'finished']),
  'node:dns/promises': new Set([
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCaa',
    'resolveCname',
    'resolveMx',
    'resolveNaptr',
    'resolveNs',
    'resolvePtr',
    'resolveSoa',
    'resolveSrv',
    'resolveTxt',
    'reverse',
  ]),
  'node:events': new Set(['once', 'EventEmitter.once']),
};

/** Static methods of the global `Promise` that return a promise. */
export const PROMISE_STATICS: ReadonlySet<string> = new Set([
  'resolve',
  'reject',
  'all',
  'allSettled',
  'race',
  'any',
  'try',
]);
