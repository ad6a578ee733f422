// An upload handler that freezes the whole server while it works.
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

export async function handleUpload(request) {
  const target = `uploads/${request.id}`;
  // Blocks the event loop until the disk answers: every other request waits.
  fs.writeFileSync(target, request.body);
  // Blocks until the child process exits.
  execSync(`clamscan ${target}`);
  // CPU work on the main thread.
  return gzipSync(request.body);
}

// Right: reading config once at startup, outside any async function, is fine.
export const limits = JSON.parse(fs.readFileSync(new URL('./limits.json', import.meta.url), 'utf8'));
