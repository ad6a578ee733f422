import rule from '../../rules/no-unclosed-resources.js';
import { type CasesFor, runRuleTests } from '../rule-tester.js';

type Cases = CasesFor<typeof rule>;
type Invalid = Cases['invalid'][number];

const OPEN = `import { open } from 'node:fs/promises';\n`;
const PG = `import pg from 'pg';\n`;
const DISPOSE = 'release it in a finally block, or declare it with `await using`';
const FINALLY = 'release it in a finally block';
const INTERVAL = 'keep the id where it can be cleared, and call clearInterval() on every path';

/** A never-released file handle: `await using` is the fix. */
function handleLeak(body: string, after: string, messageId: 'neverReleased' | 'releasedOnlyOnSuccess' = 'neverReleased'): Invalid {
  return {
    code: `${OPEN}export async function run(path: string) {\n${body}\n}`,
    errors: [
      {
        messageId,
        data: { name: 'handle', what: 'file handle', remedy: DISPOSE },
        suggestions: [{ messageId: 'useAwaitUsing', output: `${OPEN}export async function run(path: string) {\n${after}\n}` }],
      },
    ],
  };
}

/** A never-released client: the rest of the block moves into try/finally. */
function clientLeak(
  body: string,
  after: string | null,
  messageId: 'neverReleased' | 'releasedOnlyOnSuccess' = 'neverReleased',
  helpers = '',
): Invalid {
  return {
    code: `${PG}${helpers}export async function run() {\n${body}\n}`,
    errors: [
      {
        messageId,
        data: { name: 'client', what: 'connection', remedy: FINALLY },
        suggestions: after === null ? [] : [{ messageId: 'releaseInFinally', output: `${PG}${helpers}export async function run() {\n${after}\n}` }],
      },
    ],
  };
}

const cases: Cases = {
  valid: [
    // A generic class without a disposer, built with `new`: nothing to release.
    { code: `declare class Box<T> { constructor(item: T); get(): T }\nexport function run() {\n  const box = new Box(1);\n  return box.get();\n}`, mode: 'type-aware' },
    // Released on every path.
    `${OPEN}export async function run(path: string) {\n  const handle = await open(path);\n  try {\n    return await handle.readFile('utf8');\n  } finally {\n    await handle.close();\n  }\n}`,
    `${OPEN}export async function run(path: string) {\n  await using handle = await open(path);\n  return handle.readFile('utf8');\n}`,
    `${OPEN}export async function run(path: string) {\n  const handle = await open(path);\n  await handle.close();\n}`,
    `${OPEN}export async function run(path: string) {\n  const handle = await open(path);\n  try {\n    await handle.write('x');\n    await handle.sync();\n  } finally {\n    await handle.close();\n  }\n  return path;\n}`,
    `${OPEN}export async function run(path: string) {\n  const handle = await open(path);\n  try {\n    await handle.write('x');\n  } catch (error) {\n    console.error(error);\n  } finally {\n    await handle[Symbol.asyncDispose]();\n  }\n}`,
    `${PG}export async function run() {\n  const client = new pg.Client();\n  try {\n    await client.connect();\n    return await client.query('select 1');\n  } finally {\n    await client.end();\n  }\n}`,
    `import { Pool } from 'pg';\nexport async function run() {\n  const pool = new Pool();\n  try {\n    return await pool.query('select 1');\n  } finally {\n    await pool.end();\n  }\n}`,
    `import { createServer } from 'node:http';\nexport async function run() {\n  const server = createServer();\n  try {\n    server.listen(0);\n  } finally {\n    server.close();\n  }\n}`,
    `import net from 'node:net';\nexport function run() {\n  const socket = net.connect(80, 'example.com');\n  socket.destroy();\n}`,
    // Escapes: the caller or another object owns it now.
    `${OPEN}export async function run(path: string) {\n  const handle = await open(path);\n  return handle;\n}`,
    `${OPEN}export async function run(path: string) {\n  const handle = await open(path);\n  return { handle, path };\n}`,
    `${OPEN}export const run = async (path: string) => {\n  const handle = await open(path);\n  return [handle];\n};`,
    `${OPEN}export class Reader {\n  handle: unknown;\n  async open(path: string) {\n    const handle = await open(path);\n    this.handle = handle;\n  }\n}`,
    `${OPEN}let shared: unknown;\nexport async function run(path: string) {\n  const handle = await open(path);\n  shared = handle;\n}`,
    `${PG}class Repository { constructor(readonly client: unknown) {} }\nexport function run() {\n  const client = new pg.Client();\n  return new Repository(client);\n}`,
    `${PG}export function run() {\n  const client = new pg.Client();\n  const wrapper = { client };\n  return wrapper;\n}`,
    `${OPEN}export async function* run(path: string) {\n  const handle = await open(path);\n  yield handle;\n}`,
    `import { pipeline } from 'node:stream/promises';\nimport { createReadStream, createWriteStream } from 'node:fs';\nexport async function run() {\n  const source = createReadStream('a');\n  const target = createWriteStream('b');\n  await pipeline(source, target);\n}`,
    `import { createReadStream } from 'node:fs';\nexport function run(response: NodeJS.WritableStream) {\n  const stream = createReadStream('a');\n  stream.pipe(response);\n}`,
    `import { createReadStream } from 'node:fs';\nexport async function run() {\n  const stream = createReadStream('a');\n  for await (const chunk of stream) console.log(chunk);\n}`,
    // Handed to a function whose body releases that parameter: the call releases it.
    `${PG}async function finish(client: pg.Client) {\n  await client.end();\n}\nexport async function run() {\n  const client = new pg.Client();\n  await finish(client);\n}`,
    `${OPEN}import type { FileHandle } from 'node:fs/promises';\nconst release = (handle: FileHandle) => handle.close();\nexport async function run(path: string) {\n  const handle = await open(path);\n  return release(handle);\n}`,
    `${OPEN}export async function run(path: string) {\n  const handle = await open(path);\n  await dispose(path, handle);\n}\nasync function dispose(path: string, handle: { [Symbol.asyncDispose](): Promise<void> }) {\n  console.log(path);\n  await handle[Symbol.asyncDispose]();\n}`,
    `export function run(tick: () => void) {\n  const id = setInterval(tick, 1000);\n  stop(id);\n}\nfunction stop(timer: ReturnType<typeof setInterval>) {\n  clearInterval(timer);\n}`,
    `${PG}async function finish(client: pg.Client) {\n  try {\n    await client.query('select 1');\n  } finally {\n    await client.end();\n  }\n}\nexport async function run() {\n  const client = new pg.Client();\n  try {\n    await finish(client);\n  } catch (error) {\n    console.error(error);\n  }\n}`,
    // …or hands it on as this function would (firebase-tools' archive helpers pipe into the stream).
    `import { createWriteStream } from 'node:fs';\nasync function pipeAsync(from: NodeJS.ReadableStream & { finalize(): Promise<void> }, to: NodeJS.WritableStream) {\n  from.pipe(to);\n  await from.finalize();\n}\nexport async function run(archive: NodeJS.ReadableStream & { finalize(): Promise<void> }) {\n  const fileStream = createWriteStream('a.zip');\n  await pipeAsync(archive, fileStream);\n  return 'a.zip';\n}`,
    `${PG}const clients: pg.Client[] = [];\nfunction track(client: pg.Client) {\n  clients.push(client);\n}\nexport function run() {\n  const client = new pg.Client();\n  track(client);\n}`,
    // Read to its end by `for await`: an async iterable closes itself (type-aware: a disposable cursor).
    { code: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run() {\n  const cursor = new Cursor();\n  for await (const value of cursor) console.log(value);\n}`, mode: 'type-aware' },
    // …and so does a method of another file that reads it so (mongodb's results merger), or
    // closes it in its own finally block.
    { code: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run(merger: Merger) {\n  const cursor = new Cursor();\n  try {\n    await merger.merge(cursor);\n  } catch (error) {\n    console.error(error);\n  }\n}`, mode: 'type-aware' },
    { code: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run() {\n  const cursor = new Cursor();\n  return drain(cursor);\n}`, mode: 'type-aware' },
    { code: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run() {\n  const cursor = new Cursor();\n  await finish(cursor);\n}`, mode: 'type-aware' },
    // Registered for cleanup, or meant to outlive the call.
    `${PG}export function run() {\n  const client = new pg.Client();\n  process.on('exit', () => client.end());\n}`,
    `export function run(tick: () => void) {\n  const id = setInterval(tick, 1000);\n  return () => clearInterval(id);\n}`,
    `export function run(tick: () => void) {\n  const id = setInterval(tick, 1000);\n  id.unref();\n}`,
    `export function run(tick: () => void, signal: AbortSignal) {\n  const id = setInterval(tick, 1000);\n  signal.addEventListener('abort', () => clearInterval(id));\n}`,
    `export function run(tick: () => void) {\n  const id = setInterval(tick, 1000);\n  tick();\n  clearInterval(id);\n}`.replace('tick();\n  ', ''),
    // Module level: lives as long as the process.
    `import { createServer } from 'node:http';\nconst server = createServer();\nserver.listen(3000);`,
    `${PG}const pool = new pg.Pool();\nexport function query(sql: string) { return pool.query(sql); }`,
    `const id = setInterval(() => {}, 1000);\nexport { id };`,
    // Not resources.
    `export async function run() {\n  const controller = new AbortController();\n  return controller.signal;\n}`,
    `export function run(done: () => void) {\n  const timer = setTimeout(done, 10);\n  return timer;\n}`,
    `export function run(done: () => void) {\n  const timer = setTimeout(done, 10);\n  done();\n}`,
    `import { readFile } from 'node:fs/promises';\nexport async function run(path: string) {\n  const text = await readFile(path, 'utf8');\n  return text;\n}`,
    `export async function run(open: (path: string) => Promise<{ close(): void }>) {\n  const handle = await open('a');\n  return 1;\n}`,
    `declare function connect(): { end(): void };\nexport function run() {\n  const client = connect();\n  return 1;\n}`,
    // Aliased into another local variable, which the rule does not follow (mongodb's makeSocket).
    `import net from 'node:net';\nimport tls from 'node:tls';\nexport async function run(secure: boolean) {\n  let socket: net.Socket;\n  if (secure) {\n    const tlsSocket = tls.connect(443, 'example.com');\n    tlsSocket.setNoDelay(true);\n    socket = tlsSocket;\n  } else {\n    socket = net.connect(80, 'example.com');\n  }\n  try {\n    await new Promise((resolve) => socket.once('connect', resolve));\n    return socket;\n  } catch (error) {\n    socket.destroy();\n    throw error;\n  }\n}`,
    `${OPEN}export async function run(path: string) {\n  let current;\n  const handle = await open(path);\n  current = handle;\n  await current.close();\n}`,
    {
      code: `declare class Cursor { next(): Promise<unknown>; close(): Promise<void>; [Symbol.asyncDispose](): Promise<void> }\nexport async function run() {\n  let active: Cursor;\n  const cursor = new Cursor();\n  active = cursor;\n  try {\n    return await active.next();\n  } finally {\n    await active.close();\n  }\n}`,
      mode: 'type-aware',
    },
    // Reassigned: the rule does not follow which value is open.
    `${OPEN}export async function run(path: string) {\n  let handle = await open(path);\n  handle = await open(path + '.bak');\n  return handle;\n}`,
    // Options.
    {
      code: `import { connect } from 'amqplib';\nexport async function run() {\n  const connection = await connect('amqp://localhost');\n  try {\n    return await connection.createChannel();\n  } finally {\n    await connection.close();\n  }\n}`,
      options: [{ resources: [{ module: 'amqplib', name: 'connect', release: 'close' }] }],
    },
    {
      code: `${PG}declare function adopt(client: unknown): void;\nexport function run() {\n  const client = new pg.Client();\n  adopt(client);\n}`,
      options: [{ ownershipFunctions: ['adopt'] }],
    },
    // Type-aware: a disposable type from the standard library (iterators) is not a resource.
    { code: `export function run(items: number[]) {\n  const iterator = items.values();\n  return iterator.next();\n}`, mode: 'type-aware' },
    {
      // A fluent API may return the resource itself from a method: with only types, that is a hand-over.
      code: `declare class Client { connect(): Promise<Client>; close(): Promise<void>; [Symbol.asyncDispose](): Promise<void> }\nexport async function run() {\n  const client = new Client();\n  return await client.connect();\n}`,
      mode: 'type-aware',
    },
    { code: `function* numbers() { yield 1; }\nexport function run() {\n  const generator = numbers();\n  return generator.next();\n}`, mode: 'type-aware' },
    { code: `export function run(scores: Map<string, number>) {\n  const entries = scores.entries();\n  return entries.next();\n}`, mode: 'type-aware' },
    { code: `export function run(done: () => void) {\n  const timer = setTimeout(done, 10);\n  console.log(timer);\n}`, mode: 'type-aware' },
  ],
  invalid: [
    // File handles.
    handleLeak(
      `  const handle = await open(path);\n  const text = await handle.readFile('utf8');\n  return text;`,
      `  await using handle = await open(path);\n  const text = await handle.readFile('utf8');\n  return text;`,
    ),
    handleLeak(
      `  const handle = await open(path);\n  const text = await handle.readFile('utf8');\n  await handle.close();\n  return text;`,
      `  await using handle = await open(path);\n  const text = await handle.readFile('utf8');\n  return text;`,
      'releasedOnlyOnSuccess',
    ),
    handleLeak(
      `  const handle = await open(path, 'w');\n  await handle.write('header');\n  if (path.endsWith('.tmp')) return;\n  await handle.close();`,
      `  await using handle = await open(path, 'w');\n  await handle.write('header');\n  if (path.endsWith('.tmp')) return;`,
      'releasedOnlyOnSuccess',
    ),
    handleLeak(
      `  const handle = await open(path);\n  try {\n    await handle.read();\n  } catch (error) {\n    await handle.close();\n    throw error;\n  }`,
      `  await using handle = await open(path);\n  try {\n    await handle.read();\n  } catch (error) {\n    await handle.close();\n    throw error;\n  }`,
      'releasedOnlyOnSuccess',
    ),
    handleLeak(
      `  const handle = await open(path);\n  await handle.stat();\n  try {\n    await handle.read();\n  } finally {\n    await handle.close();\n  }`,
      `  await using handle = await open(path);\n  await handle.stat();\n  try {\n    await handle.read();\n  } finally {\n    await handle.close();\n  }`,
      'releasedOnlyOnSuccess',
    ),
    handleLeak(
      `  const handle = await open(path);\n  const size = await fetch(path);\n  try {\n    await handle.read();\n  } finally {\n    await handle.close();\n  }\n  return size;`,
      `  await using handle = await open(path);\n  const size = await fetch(path);\n  try {\n    await handle.read();\n  } finally {\n    await handle.close();\n  }\n  return size;`,
      'releasedOnlyOnSuccess',
    ),
    handleLeak(
      `  const handle = await open(path);\n  console.log(await handle.stat());`,
      `  await using handle = await open(path);\n  console.log(await handle.stat());`,
    ),
    handleLeak(
      `  const handle = await open(path);\n  await processFile(handle);\n  async function processFile(file: unknown) { return file; }`,
      `  await using handle = await open(path);\n  await processFile(handle);\n  async function processFile(file: unknown) { return file; }`,
    ),
    {
      code: `import * as fsp from 'node:fs/promises';\nexport async function run(path: string) {\n  const handle = await fsp.open(path);\n  return (await handle.stat()).size;\n}`,
      errors: [
        {
          messageId: 'neverReleased',
          suggestions: [{ messageId: 'useAwaitUsing', output: `import * as fsp from 'node:fs/promises';\nexport async function run(path: string) {\n  await using handle = await fsp.open(path);\n  return (await handle.stat()).size;\n}` }],
        },
      ],
    },
    {
      code: `import fs from 'fs';\nexport async function run(path: string) {\n  const handle = await fs.promises.open(path);\n  return handle.fd;\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'useAwaitUsing', output: `import fs from 'fs';\nexport async function run(path: string) {\n  await using handle = await fs.promises.open(path);\n  return handle.fd;\n}` }] }],
    },
    {
      code: `const { open } = require('node:fs/promises');\nasync function run(path) {\n  const handle = await open(path);\n  return handle.fd;\n}\nmodule.exports = { run };`,
      filename: 'file.js',
      mode: 'syntactic',
      errors: [
        {
          messageId: 'neverReleased',
          suggestions: [{ messageId: 'useAwaitUsing', output: `const { open } = require('node:fs/promises');\nasync function run(path) {\n  await using handle = await open(path);\n  return handle.fd;\n}\nmodule.exports = { run };` }],
        },
      ],
    },
    // Database clients and pools.
    clientLeak(
      `  const client = new pg.Client();\n  await client.connect();\n  const result = await client.query('select 1');\n  return result.rows;`,
      `  const client = new pg.Client();\n  try {\n    await client.connect();\n    const result = await client.query('select 1');\n    return result.rows;\n  } finally {\n    await client.end();\n  }`,
    ),
    clientLeak(
      `  const client = new pg.Client();\n  await client.connect();\n  await client.query('delete from t');\n  await client.end();`,
      `  const client = new pg.Client();\n  try {\n    await client.connect();\n    await client.query('delete from t');\n  } finally {\n    await client.end();\n  }`,
      'releasedOnlyOnSuccess',
    ),
    clientLeak(
      `  const client = new pg.Client();\n  await client.connect();\n  await migrate(client);\n  async function migrate(db: unknown) { return db; }`,
      `  const client = new pg.Client();\n  try {\n    await client.connect();\n    await migrate(client);\n    async function migrate(db: unknown) { return db; }\n  } finally {\n    await client.end();\n  }`,
    ),
    {
      code: `import { Pool } from 'pg';\nexport async function run() {\n  const pool = new Pool();\n  return (await pool.query('select 1')).rows;\n}`,
      errors: [
        {
          messageId: 'neverReleased',
          suggestions: [{ messageId: 'releaseInFinally', output: `import { Pool } from 'pg';\nexport async function run() {\n  const pool = new Pool();\n  try {\n    return (await pool.query('select 1')).rows;\n  } finally {\n    await pool.end();\n  }\n}` }],
        },
      ],
    },
    {
      code: `import mysql from 'mysql2/promise';\nexport async function run() {\n  const connection = await mysql.createConnection({});\n  const [rows] = await connection.query('select 1');\n  return rows;\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'releaseInFinally', output: `import mysql from 'mysql2/promise';\nexport async function run() {\n  const connection = await mysql.createConnection({});\n  try {\n    const [rows] = await connection.query('select 1');\n    return rows;\n  } finally {\n    await connection.end();\n  }\n}` }] }],
    },
    {
      code: `import Redis from 'ioredis';\nexport async function run() {\n  const redis = new Redis();\n  return redis.get('key');\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'releaseInFinally', output: `import Redis from 'ioredis';\nexport async function run() {\n  const redis = new Redis();\n  try {\n    return redis.get('key');\n  } finally {\n    await redis.quit();\n  }\n}` }] }],
    },
    {
      code: `import { createClient } from 'redis';\nexport async function run() {\n  const client = createClient();\n  await client.connect();\n  return client.get('key');\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'releaseInFinally', output: `import { createClient } from 'redis';\nexport async function run() {\n  const client = createClient();\n  try {\n    await client.connect();\n    return client.get('key');\n  } finally {\n    await client.quit();\n  }\n}` }] }],
    },
    {
      code: `import { MongoClient } from 'mongodb';\nexport async function run(url: string) {\n  const client = new MongoClient(url);\n  return client.db().collection('users').countDocuments();\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'releaseInFinally', output: `import { MongoClient } from 'mongodb';\nexport async function run(url: string) {\n  const client = new MongoClient(url);\n  try {\n    return client.db().collection('users').countDocuments();\n  } finally {\n    await client.close();\n  }\n}` }] }],
    },
    {
      code: `import { Agent } from 'undici';\nexport async function run() {\n  const agent = new Agent();\n  return agent.request({ origin: 'http://localhost', path: '/', method: 'GET' });\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'releaseInFinally', output: `import { Agent } from 'undici';\nexport async function run() {\n  const agent = new Agent();\n  try {\n    return agent.request({ origin: 'http://localhost', path: '/', method: 'GET' });\n  } finally {\n    await agent.close();\n  }\n}` }] }],
    },
    // Sockets, servers, streams, intervals.
    {
      code: `import net from 'node:net';\nexport function run() {\n  const socket = net.connect(80, 'example.com');\n  socket.write('ping');\n}`,
      errors: [{ messageId: 'neverReleased', data: { name: 'socket', what: 'socket', remedy: FINALLY }, suggestions: [{ messageId: 'releaseInFinally', output: `import net from 'node:net';\nexport function run() {\n  const socket = net.connect(80, 'example.com');\n  try {\n    socket.write('ping');\n  } finally {\n    socket.destroy();\n  }\n}` }] }],
    },
    {
      code: `import { createServer } from 'node:http';\nexport async function run(request: (port: number) => Promise<void>) {\n  const server = createServer();\n  server.listen(0);\n  await request(0);\n}`,
      errors: [{ messageId: 'neverReleased', data: { name: 'server', what: 'server and its port', remedy: FINALLY }, suggestions: [{ messageId: 'releaseInFinally', output: `import { createServer } from 'node:http';\nexport async function run(request: (port: number) => Promise<void>) {\n  const server = createServer();\n  try {\n    server.listen(0);\n    await request(0);\n  } finally {\n    server.close();\n  }\n}` }] }],
    },
    {
      code: `import { createWriteStream } from 'node:fs';\nexport function run(lines: string[]) {\n  const out = createWriteStream('log.txt');\n  for (const line of lines) out.write(line);\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'releaseInFinally', output: `import { createWriteStream } from 'node:fs';\nexport function run(lines: string[]) {\n  const out = createWriteStream('log.txt');\n  try {\n    for (const line of lines) out.write(line);\n  } finally {\n    out.destroy();\n  }\n}` }] }],
    },
    {
      code: `export function run(tick: () => void) {\n  const id = setInterval(tick, 1000);\n  tick();\n}`,
      errors: [{ messageId: 'neverReleased', data: { name: 'id', what: 'timer that keeps firing', remedy: INTERVAL }, suggestions: [] }],
    },
    {
      code: `import { setInterval as every } from 'node:timers';\nexport function run(tick: () => void) {\n  const id = every(tick, 1000);\n  console.log(id);\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [] }],
    },
    {
      code: `export function run(tick: () => void) {\n  const id = setInterval(tick, 1000);\n  tick();\n  clearInterval(id);\n}`,
      errors: [{ messageId: 'releasedOnlyOnSuccess', suggestions: [] }],
    },
    // Options: more resources, and ownership that does not include every function.
    {
      code: `import { connect } from 'amqplib';\nexport async function run() {\n  const connection = await connect('amqp://localhost');\n  return connection.createChannel();\n}`,
      options: [{ resources: [{ module: 'amqplib', name: 'connect', release: ['close'] }] }],
      errors: [
        {
          messageId: 'neverReleased',
          suggestions: [{ messageId: 'releaseInFinally', output: `import { connect } from 'amqplib';\nexport async function run() {\n  const connection = await connect('amqp://localhost');\n  try {\n    return connection.createChannel();\n  } finally {\n    await connection.close();\n  }\n}` }],
        },
      ],
    },
    {
      code: `${PG}declare function adopt(client: unknown): void;\nexport function run() {\n  const client = new pg.Client();\n  adopt(client);\n}`,
      errors: [{ messageId: 'neverReleased', suggestions: [] }],
    },
    {
      code: `import { pipeline } from 'node:stream/promises';\nimport { createReadStream } from 'node:fs';\nexport async function run(target: NodeJS.WritableStream) {\n  const source = createReadStream('a');\n  await pipeline(source, target);\n}`,
      options: [{ ownershipFunctions: [] }],
      errors: [{ messageId: 'neverReleased', suggestions: [{ messageId: 'releaseInFinally', output: `import { pipeline } from 'node:stream/promises';\nimport { createReadStream } from 'node:fs';\nexport async function run(target: NodeJS.WritableStream) {\n  const source = createReadStream('a');\n  try {\n    await pipeline(source, target);\n  } finally {\n    source.destroy();\n  }\n}` }] }],
    },
    // Handed to a function that only borrows it, releases something else, or passes it on.
    clientLeak(
      `  const client = new pg.Client();\n  await count(client);`,
      `  const client = new pg.Client();\n  try {\n    await count(client);\n  } finally {\n    await client.end();\n  }`,
      'neverReleased',
      `async function count(client: pg.Client) {\n  return client.query('select count(*)');\n}\n`,
    ),
    clientLeak(
      `  const client = new pg.Client();\n  await finish(new pg.Client(), client);`,
      `  const client = new pg.Client();\n  try {\n    await finish(new pg.Client(), client);\n  } finally {\n    await client.end();\n  }`,
      'neverReleased',
      `async function finish(other: pg.Client, client: pg.Client) {\n  await other.end();\n  return client.query('select 1');\n}\n`,
    ),
    clientLeak(
      `  const client = new pg.Client();\n  await finish(client);`,
      `  const client = new pg.Client();\n  try {\n    await finish(client);\n  } finally {\n    await client.end();\n  }`,
      'neverReleased',
      `async function finish(client: pg.Client) {\n  const later = (client: pg.Client) => client.end();\n  return later;\n}\n`,
    ),
    // One call deep: a helper that hands it to another helper is not followed.
    clientLeak(
      `  const client = new pg.Client();\n  await finish(client);`,
      `  const client = new pg.Client();\n  try {\n    await finish(client);\n  } finally {\n    await client.end();\n  }`,
      'neverReleased',
      `async function end(client: pg.Client) {\n  await client.end();\n}\nasync function finish(client: pg.Client) {\n  await end(client);\n}\n`,
    ),
    // Released by the helper, but only if the query before the call does not throw: the call moves
    // into the finally block.
    clientLeak(
      `  const client = new pg.Client();\n  await client.query('select 1');\n  await finish(client);`,
      `  const client = new pg.Client();\n  try {\n    await client.query('select 1');\n  } finally {\n    await finish(client);\n  }`,
      'releasedOnlyOnSuccess',
      `async function finish(client: pg.Client) {\n  await client.end();\n}\n`,
    ),
    {
      code: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run(merger: Merger) {\n  const cursor = new Cursor();\n  console.log(await merger.peek(cursor));\n}`,
      mode: 'type-aware',
      errors: [{ messageId: 'neverReleased', data: { name: 'cursor', what: 'Cursor resource', remedy: DISPOSE }, suggestions: [{ messageId: 'useAwaitUsing', output: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run(merger: Merger) {\n  await using cursor = new Cursor();\n  console.log(await merger.peek(cursor));\n}` }] }],
    },
    {
      code: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run() {\n  const cursor = new Cursor();\n  await adopt(cursor);\n}`,
      mode: 'type-aware',
      errors: [{ messageId: 'neverReleased', data: { name: 'cursor', what: 'Cursor resource', remedy: DISPOSE }, suggestions: [{ messageId: 'useAwaitUsing', output: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run() {\n  await using cursor = new Cursor();\n  await adopt(cursor);\n}` }] }],
    },
    {
      code: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run(values: number[]) {\n  const cursor = new Cursor();\n  for (const value of values) await cursor.next();\n  console.log(values);\n}`,
      mode: 'type-aware',
      errors: [{ messageId: 'neverReleased', data: { name: 'cursor', what: 'Cursor resource', remedy: DISPOSE }, suggestions: [{ messageId: 'useAwaitUsing', output: `import { Cursor, Merger, adopt, drain, finish } from './cursor';\nexport async function run(values: number[]) {\n  await using cursor = new Cursor();\n  for (const value of values) await cursor.next();\n  console.log(values);\n}` }] }],
    },
    // In a one-line function the rewrite stays on one line.
    {
      code: `${PG}export async function run() { const client = new pg.Client(); await client.connect(); return client.query('select 1'); }`,
      errors: [
        {
          messageId: 'neverReleased',
          suggestions: [{ messageId: 'releaseInFinally', output: `${PG}export async function run() { const client = new pg.Client(); try { await client.connect(); return client.query('select 1'); } finally { await client.end(); } }` }],
        },
      ],
    },
    // Type-aware: anything whose own type is disposable.
    {
      code: `declare class Session { query(): Promise<number>; close(): Promise<void>; [Symbol.asyncDispose](): Promise<void> }\ndeclare function connect(): Promise<Session>;\nexport async function run() {\n  const session = await connect();\n  const rows = await session.query();\n  return rows;\n}`,
      mode: 'type-aware',
      errors: [
        {
          messageId: 'neverReleased',
          data: { name: 'session', what: 'Session resource', remedy: DISPOSE },
          suggestions: [
            { messageId: 'useAwaitUsing', output: `declare class Session { query(): Promise<number>; close(): Promise<void>; [Symbol.asyncDispose](): Promise<void> }\ndeclare function connect(): Promise<Session>;\nexport async function run() {\n  await using session = await connect();\n  const rows = await session.query();\n  return rows;\n}` },
          ],
        },
      ],
    },
    // `new` of a generic class: its declared instance type shows the disposer for any type argument.
    {
      code: `declare class Pool<T> { constructor(item: T); take(): T; [Symbol.dispose](): void }\nexport function run() {\n  const pool = new Pool<string>('a');\n  const item = pool.take();\n  return item;\n}`,
      mode: 'type-aware',
      errors: [{ messageId: 'neverReleased', data: { name: 'pool', what: 'Pool resource', remedy: 'release it in a finally block' }, suggestions: [] }],
    },
    {
      code: `declare class Lock { release(): void; [Symbol.dispose](): void }\ndeclare function lock(): Lock;\nexport function run(work: () => void) {\n  const held = lock();\n  work();\n  held.release();\n}`,
      mode: 'type-aware',
      errors: [
        {
          messageId: 'releasedOnlyOnSuccess',
          suggestions: [
            { messageId: 'releaseInFinally', output: `declare class Lock { release(): void; [Symbol.dispose](): void }\ndeclare function lock(): Lock;\nexport function run(work: () => void) {\n  const held = lock();\n  try {\n    work();\n  } finally {\n    held.release();\n  }\n}` },
          ],
        },
      ],
    },
  ],
};

runRuleTests('no-unclosed-resources', rule, cases);
