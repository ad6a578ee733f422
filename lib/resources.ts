/**
 * The catalogue of resources that must be released: what acquires one, what releases it, and
 * how a fix writes the release. Read by `no-unclosed-resources`; users extend it through the
 * rule's `resources` option.
 */
export interface ResourceKind {
  /** Normalized module (`node:fs/promises`, `pg`), or `global`. */
  module: string;
  /** The export that acquires it, dotted (`open`, `Client`; `default` for a default export). */
  name: string;
  /** Methods that release it (`close`, `end`, …). */
  release: readonly string[];
  /** A function that releases it when given the resource (`clearInterval(id)`). */
  releaseFunction?: string;
  /** How a fix releases it; `$` stands for the variable. */
  releaseStatement: string;
  /** It supports `await using` (has `Symbol.asyncDispose`) on the runtimes this plugin supports. */
  asyncDispose?: boolean;
  /** Calling one of these on it hands it to the runtime for good (`server.listen()`, `timer.unref()`). */
  longLivedAfter?: readonly string[];
}

const NET_SOCKET_RELEASE = ['end', 'destroy', 'destroySoon', 'resetAndDestroy'];
const STREAM_RELEASE = ['close', 'destroy', 'end'];
/** A stream that is piped or iterated is read to its end, and closes itself. */
const STREAM_CONSUMERS = ['pipe', 'resume'];

export const DEFAULT_RESOURCES: readonly ResourceKind[] = [
  { module: 'node:fs/promises', name: 'open', release: ['close'], releaseStatement: 'await $.close();', asyncDispose: true },
  { module: 'node:net', name: 'connect', release: NET_SOCKET_RELEASE, releaseStatement: '$.destroy();' },
  { module: 'node:net', name: 'createConnection', release: NET_SOCKET_RELEASE, releaseStatement: '$.destroy();' },
  ...['node:net', 'node:http', 'node:https', 'node:http2'].map(
    (module): ResourceKind => ({ module, name: 'createServer', release: ['close'], releaseStatement: '$.close();' }),
  ),
  { module: 'node:http2', name: 'createSecureServer', release: ['close'], releaseStatement: '$.close();' },
  ...['createReadStream', 'createWriteStream'].map(
    (name): ResourceKind => ({
      module: 'node:fs',
      name,
      release: STREAM_RELEASE,
      releaseStatement: '$.destroy();',
      longLivedAfter: STREAM_CONSUMERS,
    }),
  ),
  ...['global', 'node:timers'].map(
    (module): ResourceKind => ({
      module,
      name: 'setInterval',
      release: ['close'],
      releaseFunction: 'clearInterval',
      releaseStatement: 'clearInterval($);',
      longLivedAfter: ['unref'],
    }),
  ),
  ...['Client', 'Pool'].map((name): ResourceKind => ({ module: 'pg', name, release: ['end'], releaseStatement: 'await $.end();' })),
  ...['createConnection', 'createPool'].map(
    (name): ResourceKind => ({ module: 'mysql2/promise', name, release: ['end', 'destroy'], releaseStatement: 'await $.end();' }),
  ),
  ...['default', 'Redis', 'Cluster'].map(
    (name): ResourceKind => ({ module: 'ioredis', name, release: ['quit', 'disconnect'], releaseStatement: 'await $.quit();' }),
  ),
  ...['createClient', 'createCluster'].map(
    (name): ResourceKind => ({
      module: 'redis',
      name,
      release: ['quit', 'disconnect', 'close', 'destroy'],
      releaseStatement: 'await $.quit();',
    }),
  ),
  { module: 'mongodb', name: 'MongoClient', release: ['close'], releaseStatement: 'await $.close();' },
  ...['Agent', 'Pool', 'Client'].map(
    (name): ResourceKind => ({ module: 'undici', name, release: ['close', 'destroy'], releaseStatement: 'await $.close();' }),
  ),
];

/** Release methods of a value whose type is disposable, when no catalogue entry names them. */
export const GENERIC_RELEASE_METHODS: readonly string[] = [
  'close',
  'end',
  'destroy',
  'dispose',
  'release',
  'disconnect',
  'quit',
  'terminate',
  'abort',
];
