#!/usr/bin/env node
// `npx eslint-plugin-async-pitfalls [paths…]`: try the plugin on a code base before configuring
// anything. Lints with the recommended config through ESLint's Node API, type-aware when a
// tsconfig.json is found, and prints the findings grouped by rule.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { ESLint, type Linter } from 'eslint';

import plugin from '../index.js';
import { collectFiles, findTsconfigRoot, isTypeScriptFile } from './files.js';
import { formatGrouped } from './report.js';

const USAGE = `Usage: eslint-plugin-async-pitfalls [options] [paths…]

Lints the given files and folders (default: the current folder) with the recommended config of
eslint-plugin-async-pitfalls, with no configuration of your own. TypeScript files are linted with
type information when a tsconfig.json is found in the current folder or above it.

Options:
  --no-types             do not use type information, even with a tsconfig.json
  --format <name>        grouped (default), stylish, json or sarif
  -o, --output-file <f>  write the report to a file instead of the terminal
  --progress             always show progress (default: on a terminal, for 100 files or more)
  --no-progress          never show progress
  -h, --help             show this help
  -v, --version          show the version

Skips node_modules, dist, build, coverage, out, hidden folders, .d.ts and .min.js files.
TypeScript files need a TypeScript parser: the project's typescript-eslint or
@typescript-eslint/parser is used. SARIF output needs @microsoft/eslint-formatter-sarif.
Exit code: 0 when there are no errors, 1 when there are, 2 when the audit could not run.`;

const FORMATS = ['grouped', 'stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const LINTED_FILES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];
const TYPESCRIPT_FILES = ['**/*.{ts,tsx,mts,cts}'];
const BATCH_SIZE = 25;
const PROGRESS_THRESHOLD = 100;
const NAMESPACE = `${plugin.meta.namespace}/`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  types: boolean;
  format: Format;
  outputFile: string | undefined;
  progress: boolean | undefined;
}

function readOptions(argv: string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'no-types': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        progress: { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = values.format ?? 'grouped';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format '${format}'; use one of: ${FORMATS.join(', ')}.`);
  }
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    types: !values['no-types'],
    format: format as Format,
    outputFile: values['output-file'],
    progress: values.progress ? true : values['no-progress'] ? false : undefined,
  };
}

/** typescript-eslint's parser, from the audited project first, then from beside this package. */
async function loadTypeScriptParser(cwd: string): Promise<Linter.Parser | null> {
  const resolvers = [createRequire(path.join(cwd, 'package.json')), createRequire(import.meta.url)];
  for (const resolver of resolvers) {
    for (const name of ['@typescript-eslint/parser', 'typescript-eslint']) {
      let resolved: string;
      try {
        resolved = resolver.resolve(name);
      } catch {
        continue;
      }
      const loaded = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
      const module = (loaded.default ?? loaded) as { parser?: Linter.Parser } & Linter.Parser;
      const parser = name === 'typescript-eslint' ? module.parser : module;
      if (parser) return parser;
    }
  }
  return null;
}

/** `@microsoft/eslint-formatter-sarif`, from the audited project first, then from beside this package. */
async function loadSarifFormatter(cwd: string): Promise<ESLint.FormatterFunction> {
  for (const resolver of [createRequire(path.join(cwd, 'package.json')), createRequire(import.meta.url)]) {
    try {
      const resolved = resolver.resolve('@microsoft/eslint-formatter-sarif');
      const loaded = (await import(pathToFileURL(resolved).href)) as { default: ESLint.FormatterFunction };
      return loaded.default;
    } catch {
      // Not installed there.
    }
  }
  throw new UsageError(
    'SARIF output needs @microsoft/eslint-formatter-sarif: install it in the project ' +
      '(npm install --save-dev @microsoft/eslint-formatter-sarif), or run ' +
      '`npx -p eslint-plugin-async-pitfalls -p @microsoft/eslint-formatter-sarif eslint-plugin-async-pitfalls --format sarif`.',
  );
}

function buildConfig(parser: Linter.Parser | null, tsconfigRoot: string | null): Linter.Config[] {
  const config: Linter.Config[] = [
    { files: LINTED_FILES, linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
  if (parser) {
    config.push({
      files: TYPESCRIPT_FILES,
      languageOptions: {
        parser,
        parserOptions: tsconfigRoot ? { projectService: true, tsconfigRootDir: tsconfigRoot } : {},
      },
    });
  }
  config.push(tsconfigRoot ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended);
  return config;
}

function createESLint(cwd: string, config: Linter.Config[]): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: config,
    errorOnUnmatchedPattern: false,
    // Paths are files the audit listed itself; `[id].ts` is a file name, not a pattern.
    globInputPaths: false,
  });
}

/** A file the project service has no tsconfig for: it is linted again without types. */
function isOutsideProject(result: ESLint.LintResult): boolean {
  return result.messages.some((message) => message.fatal && /not found by the project service/.test(message.message));
}

/**
 * Only this plugin's findings and parse errors: disable comments in the audited code may name
 * rules of plugins the audit does not load.
 */
function keepOwnFindings(result: ESLint.LintResult): ESLint.LintResult {
  const messages = result.messages.filter((message) => message.fatal || message.ruleId?.startsWith(NAMESPACE));
  const count = (predicate: (message: Linter.LintMessage) => boolean) => messages.filter(predicate).length;
  return {
    ...result,
    messages,
    errorCount: count((message) => message.severity === 2),
    fatalErrorCount: count((message) => message.fatal === true),
    warningCount: count((message) => message.severity === 1),
    fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
    fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
  };
}

function createProgress(enabled: boolean, total: number): (done: number) => void {
  if (!enabled) return () => undefined;
  const interactive = process.stderr.isTTY === true;
  let lastShown = -1;
  return (done) => {
    const percent = Math.floor((done / total) * 100);
    if (interactive) {
      process.stderr.write(`\rLinting: ${done}/${total} files (${percent}%)${done === total ? '\n' : ''}`);
    } else if (Math.floor(percent / 10) !== Math.floor(lastShown / 10) || done === total) {
      process.stderr.write(`Linting: ${done}/${total} files (${percent}%)\n`);
    }
    lastShown = percent;
  };
}

async function audit(options: Options): Promise<number> {
  const cwd = process.cwd();
  const { files, missing } = collectFiles(cwd, options.paths);
  if (missing.length > 0) throw new UsageError(`No such file or folder: ${missing.join(', ')}`);

  const parser = await loadTypeScriptParser(cwd);
  const typeScriptFiles = files.filter(isTypeScriptFile);
  // The project service finds each file's own tsconfig.json; one nearby says the code base has them.
  const tsconfigRoot = options.types && parser && typeScriptFiles.length > 0 ? findTsconfigRoot(cwd) : null;
  const skipped = parser ? [] : typeScriptFiles;
  const lintable = parser ? files : files.filter((file) => !isTypeScriptFile(file));

  const eslint = createESLint(cwd, buildConfig(parser, tsconfigRoot));
  const untyped = tsconfigRoot ? createESLint(cwd, buildConfig(parser, null)) : eslint;
  const progress = createProgress(options.progress ?? (process.stderr.isTTY === true && lintable.length >= PROGRESS_THRESHOLD), lintable.length);

  const results: ESLint.LintResult[] = [];
  let outsideProject = 0;
  for (let start = 0; start < lintable.length; start += BATCH_SIZE) {
    for (const result of await eslint.lintFiles(lintable.slice(start, start + BATCH_SIZE))) {
      if (tsconfigRoot && isOutsideProject(result)) {
        outsideProject++;
        results.push(...(await untyped.lintFiles([result.filePath])));
      } else {
        results.push(result);
      }
    }
    progress(Math.min(start + BATCH_SIZE, lintable.length));
  }

  const own = results.map(keepOwnFindings);
  const rulesMeta = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [`${NAMESPACE}${name}`, rule.meta]),
  );
  const data = { cwd, rulesMeta } as unknown as ESLint.LintResultData;
  let output: string;
  if (options.format === 'grouped') {
    output = formatGrouped(own, rulesMeta, cwd);
  } else if (options.format === 'sarif') {
    output = await (await loadSarifFormatter(cwd))(own, data);
  } else {
    output = await (await eslint.loadFormatter(options.format)).format(own, data);
  }

  const typed = tsconfigRoot ? typeScriptFiles.length - outsideProject : 0;
  const notes = [
    `${lintable.length} ${lintable.length === 1 ? 'file' : 'files'} linted${
      typed > 0 ? `, ${typed} of them with type information` : ' without type information'
    }.`,
  ];
  if (outsideProject > 0) {
    notes.push(`${outsideProject} TypeScript ${outsideProject === 1 ? 'file is' : 'files are'} in no tsconfig.json and ${outsideProject === 1 ? 'was' : 'were'} linted without types.`);
  }
  if (skipped.length > 0) {
    notes.push(
      `${skipped.length} TypeScript ${skipped.length === 1 ? 'file was' : 'files were'} skipped: no TypeScript parser found; ` +
        'install typescript-eslint in the project (npm install --save-dev typescript typescript-eslint).',
    );
  }
  const findings = own.reduce((sum, result) => sum + result.messages.length, 0);
  if (findings === 0 && options.format === 'grouped') notes.push('No async pitfalls found.');

  if (options.outputFile) {
    await writeFile(path.resolve(cwd, options.outputFile), output);
    notes.push(`Report written to ${options.outputFile}.`);
  } else if (output) {
    process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  }
  // Machine-readable output stays alone on stdout; notes about the run go to stderr.
  const notesStream = options.format === 'grouped' && !options.outputFile ? process.stdout : process.stderr;
  notesStream.write(`${notes.join('\n')}\n`);

  return own.some((result) => result.errorCount > 0) ? 1 : 0;
}

async function main(): Promise<void> {
  try {
    const options = readOptions(process.argv.slice(2));
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
    } else if (options === 'version') {
      process.stdout.write(`${plugin.meta.version}\n`);
    } else {
      process.exitCode = await audit(options);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`eslint-plugin-async-pitfalls: ${error.message}\nRun with --help for usage.\n`);
    } else {
      process.stderr.write(`eslint-plugin-async-pitfalls: the audit failed.\n${(error as Error).stack ?? String(error)}\n`);
    }
    process.exitCode = 2;
  }
}

await main();
