import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
export const JAVASCRIPT_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs']);

/**
 * Folders an audit never walks into: installed packages, version control and tool state, and the
 * usual build output (compiled copies of the sources would report every finding twice).
 */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'coverage', 'out']);

export function isLintable(file: string): boolean {
  if (/\.d\.[cm]?ts$/.test(file) || /\.min\.[cm]?js$/.test(file)) return false;
  const extension = path.extname(file);
  return TYPESCRIPT_EXTENSIONS.has(extension) || JAVASCRIPT_EXTENSIONS.has(extension);
}

export function isTypeScriptFile(file: string): boolean {
  return TYPESCRIPT_EXTENSIONS.has(path.extname(file));
}

/**
 * The JavaScript and TypeScript files under `targets` (files or folders, relative to `cwd`),
 * sorted, without declaration files, minified bundles and the folders above. A file named
 * explicitly is taken even when a folder walk would skip it. Listing the files up front is what
 * lets the audit show progress; ESLint still decides what each one is linted with.
 */
export function collectFiles(cwd: string, targets: readonly string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const target of targets) {
    const absolute = path.resolve(cwd, target);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      missing.push(target);
      continue;
    }
    if (stats.isDirectory()) walk(absolute, files);
    else if (isLintable(absolute)) files.add(absolute);
  }
  return { files: [...files].sort(), missing };
}

function walk(folder: string, files: Set<string>): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(absolute, files);
    } else if (entry.isFile() && isLintable(entry.name)) {
      files.add(absolute);
    }
  }
}

/** The folder holding the `tsconfig.json` nearest to `cwd` (itself or an ancestor), if any. */
export function findTsconfigRoot(cwd: string): string | null {
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    try {
      if (statSync(path.join(folder, 'tsconfig.json')).isFile()) return folder;
    } catch {
      // Not here; look one level up.
    }
    if (path.dirname(folder) === folder) return null;
  }
}
