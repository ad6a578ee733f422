/**
 * Calls that accept an `AbortSignal` in an options argument, read by `require-abort-signal`.
 * Users extend the list through the rule's `functions` option.
 */
export interface CancellableApi {
  /** Normalized module (`node:events`), or `global`. */
  module: string;
  name: string;
  /** Index of the options argument that takes `signal`, or `last` (after a variable list). */
  optionsArgument: number | 'last';
  /** A call that can wait forever on the network: a timeout is required, not only propagation. */
  needsTimeout?: boolean;
}

export const DEFAULT_CANCELLABLE_APIS: readonly CancellableApi[] = [
  { module: 'global', name: 'fetch', optionsArgument: 1, needsTimeout: true },
  { module: 'undici', name: 'fetch', optionsArgument: 1, needsTimeout: true },
  { module: 'undici', name: 'request', optionsArgument: 1, needsTimeout: true },
  { module: 'node:timers/promises', name: 'setTimeout', optionsArgument: 2 },
  { module: 'node:timers/promises', name: 'setImmediate', optionsArgument: 1 },
  { module: 'node:timers/promises', name: 'setInterval', optionsArgument: 2 },
  { module: 'node:events', name: 'once', optionsArgument: 2 },
  { module: 'node:events', name: 'on', optionsArgument: 2 },
  { module: 'node:stream/promises', name: 'pipeline', optionsArgument: 'last' },
  { module: 'node:stream/promises', name: 'finished', optionsArgument: 1 },
  { module: 'node:fs/promises', name: 'readFile', optionsArgument: 1 },
  { module: 'node:fs/promises', name: 'writeFile', optionsArgument: 2 },
  { module: 'node:fs/promises', name: 'appendFile', optionsArgument: 2 },
];
