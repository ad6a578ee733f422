// A report generator that runs out of file descriptors and connections after a few thousand calls.
import { open } from 'node:fs/promises';
import pg from 'pg';

export async function firstLine(path: string) {
  const handle = await open(path);
  const text = await handle.readFile('utf8');
  return text.split('\n')[0]; // the file handle is never closed
}

export async function totalSales() {
  const client = new pg.Client();
  await client.connect();
  const result = await client.query('select sum(amount) from sales');
  await client.end(); // skipped whenever the query throws
  return result.rows[0];
}

export async function appendLine(path: string, line: string) {
  // Right: closed on every path.
  await using handle = await open(path, 'a');
  await handle.write(`${line}\n`);
}
