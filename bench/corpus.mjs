// The real-world corpus: pinned npm packages fetched once, verified, unpacked into bench/.cache.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * @typedef {{ name: string, version: string, integrity: string, files: string[], typed: boolean }} CorpusPackage
 */

export const benchDir = path.join(import.meta.dirname);
export const cacheDir = path.join(benchDir, '.cache');
const run = promisify(execFile);

export async function readCorpus() {
  const manifest = JSON.parse(await readFile(path.join(benchDir, 'corpus.json'), 'utf8'));
  return manifest.packages;
}

/** Where a package is unpacked: bench/.cache/packages/<name with / as __>/package. */
export function packageRoot(entry) {
  return path.join(cacheDir, 'packages', entry.name.replace('/', '__'), 'package');
}

/** The bench's own tsconfig for a package (theirs is left alone). */
export function benchTsconfig(entry) {
  return path.join(cacheDir, 'packages', entry.name.replace('/', '__'), 'tsconfig.bench.json');
}

export function isFetched(entry) {
  return existsSync(path.join(packageRoot(entry), 'package.json')) && (!entry.typed || existsSync(benchTsconfig(entry)));
}

/** The files of a package to lint, as absolute paths. */
export async function corpusFiles(entry) {
  const root = packageRoot(entry);
  const files = [];
  for (const pattern of entry.files) {
    const [base, extension] = /^(.*?)\/\*\*\/\*(\.\w+)$/.exec(pattern)?.slice(1) ?? [];
    if (!base || !extension) throw new Error(`unsupported pattern ${pattern}: use dir/**/*.ext`);
    const entries = await readdir(path.join(root, base), { recursive: true });
    for (const file of entries) {
      if (file.endsWith(extension) && !file.endsWith(`.d${extension}`)) files.push(path.join(root, base, file));
    }
  }
  return files.sort();
}

async function fetchPackage(entry) {
  const tarballs = path.join(cacheDir, 'tarballs');
  await mkdir(tarballs, { recursive: true });
  const { stdout } = await run('npm', ['pack', `${entry.name}@${entry.version}`, '--silent', '--pack-destination', tarballs]);
  const tarball = path.join(tarballs, stdout.trim().split('\n').pop() ?? '');
  const digest = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
  if (digest !== entry.integrity) throw new Error(`${entry.name}@${entry.version}: integrity ${digest} does not match ${entry.integrity}`);
  const target = path.dirname(packageRoot(entry));
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', target]);
}

// Paths relative to the tsconfig itself, so that the cache still works once moved or copied.
async function writeTsconfig(entry) {
  const here = path.dirname(benchTsconfig(entry));
  const root = path.relative(here, packageRoot(entry));
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable', 'ESNext.Disposable'],
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowJs: false,
      types: ['node'],
      typeRoots: [path.relative(here, path.join(cacheDir, 'node_modules', '@types'))],
      ignoreDeprecations: '6.0',
    },
    include: entry.files.map((pattern) => `${root}/${pattern}`),
  };
  await writeFile(benchTsconfig(entry), `${JSON.stringify(tsconfig, null, 2)}\n`);
}

/** Installs what type-aware mode needs: @types/node and the typed packages' runtime dependencies. */
async function installTypes(entries) {
  const dependencies = { '@types/node': '^20.19.0' };
  for (const entry of entries.filter((candidate) => candidate.typed)) {
    const manifest = JSON.parse(await readFile(path.join(packageRoot(entry), 'package.json'), 'utf8'));
    Object.assign(dependencies, manifest.dependencies);
  }
  await writeFile(path.join(cacheDir, 'package.json'), `${JSON.stringify({ private: true, dependencies }, null, 2)}\n`);
  await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], { cwd: cacheDir });
}

export async function fetchCorpus() {
  const entries = await readCorpus();
  for (const entry of entries) {
    if (!isFetched(entry)) {
      process.stdout.write(`fetching ${entry.name}@${entry.version}\n`);
      await fetchPackage(entry);
    }
    if (entry.typed) await writeTsconfig(entry);
  }
  const typesInstalled = await access(path.join(cacheDir, 'node_modules', '@types', 'node')).then(() => true, () => false);
  if (!typesInstalled) {
    process.stdout.write('installing types for type-aware mode\n');
    await installTypes(entries);
  }
  for (const entry of entries) {
    const files = await corpusFiles(entry);
    process.stdout.write(`${entry.name}@${entry.version}: ${files.length} files\n`);
  }
}

if (process.argv[1] === import.meta.filename) {
  await fetchCorpus();
}
