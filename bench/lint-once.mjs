// Lints the corpus once with one variant of the benchmark, in its own process, and prints a JSON
// line: wall time, peak memory, findings per rule per package, and per-rule time from ESLint's stats;
// or the syntactic variants interleaved file by file in one process.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { clearCaches } from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import * as espree from 'espree';
import tseslint from 'typescript-eslint';

import asyncPitfalls from '../dist/index.js';
import { benchTsconfig, cacheDir, corpusFiles, readCorpus } from './corpus.mjs';

/** The variants: A/C parse only, B/D with this plugin, E* with typescript-eslint's peer rules. */
export const VARIANTS = {
  A: { typed: false, rules: 'none' },
  // ESLint's own cost of running any rule at all: one core rule that never reports here.
  A1: { typed: false, rules: 'any-rule' },
  B: { typed: false, rules: 'plugin' },
  // For the measurement with the parse taken out: the plugin's rules whose listeners are dropped
  // (each file's setup only), and rules that do nothing at all (what ESLint spends on seven rules).
  'B-setup': { typed: false, rules: 'plugin', listeners: 'none' },
  'B-inert': { typed: false, rules: 'plugin', listeners: 'inert' },
  C: { typed: true, rules: 'none' },
  D: { typed: true, rules: 'plugin' },
  E: { typed: true, rules: 'peer' },
  'E-no-floating-promises': { typed: true, rules: 'peer-floating' },
  'E-no-misused-promises': { typed: true, rules: 'peer-misused' },
  // For the findings review: every rule with its default options, in both modes.
  'B-defaults': { typed: false, rules: 'defaults' },
  'D-defaults': { typed: true, rules: 'defaults' },
};

function rulesFor(kind) {
  switch (kind) {
    case 'plugin':
      return asyncPitfalls.configs.strict.rules;
    case 'defaults':
      return Object.fromEntries(Object.keys(asyncPitfalls.rules).map((rule) => [`async-pitfalls/${rule}`, 'error']));
    case 'any-rule':
      return { 'no-debugger': 'error' };
    case 'peer':
      return { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' };
    case 'peer-floating':
      return { '@typescript-eslint/no-floating-promises': 'error' };
    case 'peer-misused':
      return { '@typescript-eslint/no-misused-promises': 'error' };
    default:
      return {};
  }
}

/**
 * The plugin as a variant runs it: as it is, with every rule's `create` run and its listeners
 * dropped (`none`), or with rules that return no listeners without doing anything (`inert`).
 */
function pluginFor(variant) {
  if (!variant.listeners) return asyncPitfalls;
  const rules = Object.fromEntries(
    Object.entries(asyncPitfalls.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create:
          variant.listeners === 'inert'
            ? () => ({})
            : (context) => {
                rule.create(context);
                return {};
              },
      },
    ]),
  );
  return { ...asyncPitfalls, rules };
}

/** The corpus packages a variant lints, and the ESLint instance set up for them. */
async function setUp(variantName, { fix = false, only, rules, stats = true, parsers } = {}) {
  const variant = VARIANTS[variantName];
  if (!variant) throw new Error(`unknown variant ${variantName}`);
  const entries = (await readCorpus()).filter((entry) => (!variant.typed || entry.typed) && (!only || only.includes(entry.name)));
  const files = [];
  const owners = new Map();
  const config = [
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.ts'], languageOptions: { parser: parsers?.ts ?? tseslint.parser } },
    { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', ...(parsers ? { parser: parsers.js } : {}) } },
    { plugins: { 'async-pitfalls': pluginFor(variant), '@typescript-eslint': tseslint.plugin } },
  ];
  for (const entry of entries) {
    const packageFiles = await corpusFiles(entry);
    for (const file of packageFiles) owners.set(file, entry.name);
    files.push(...packageFiles);
    if (variant.typed) {
      const root = path.dirname(benchTsconfig(entry));
      config.push({
        files: [`${path.relative(cacheDir, root)}/**/*.ts`],
        languageOptions: { parserOptions: { project: [benchTsconfig(entry)], tsconfigRootDir: root } },
      });
    }
  }
  config.push({ rules: rules ?? rulesFor(variant.rules) });
  const eslint = new ESLint({ cwd: cacheDir, overrideConfigFile: true, overrideConfig: config, stats, fix, ignore: false });
  return { eslint, files, owners };
}

/** Findings per rule per package, per-rule time from ESLint's stats, and files that failed to parse. */
function summarize(results, owners) {
  const findings = {};
  const ruleTimes = {};
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      // Notes about the corpus's own disable comments (inline config is off) are not findings.
      if (!message.ruleId) continue;
      const rule = message.ruleId;
      const key = `${rule}|${owners.get(result.filePath)}`;
      findings[key] = (findings[key] ?? 0) + 1;
    }
    for (const pass of result.stats?.times.passes ?? []) {
      for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleTimes[rule] = (ruleTimes[rule] ?? 0) + time.total;
    }
  }
  return { findings, ruleTimes, fatal };
}

/** CPU time of every thread of this process since `start` (V8's GC helpers included), in ms. */
function cpuMsSince(start) {
  const cpu = process.cpuUsage(start);
  return (cpu.user + cpu.system) / 1000;
}

/**
 * `stats: false` for timed runs: ESLint's stats wrap every rule listener in a timer, which costs
 * the variants with rules more than those without and would skew the ratios.
 */
export async function lintOnce(variantName, options = {}) {
  const { eslint, files, owners } = await setUp(variantName, options);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles(files);
  const ms = performance.now() - start;
  // CPU time is less moved than wall time by other tenants of a shared machine.
  const cpuMs = cpuMsSince(cpuStart);
  const summary = summarize(results, owners);
  return { variant: variantName, files: files.length, ms, cpuMs, peakMemoryMb: process.resourceUsage().maxRSS / 1024, ...summary, results };
}

/** ESLint set up for each variant, checked to be of one mode, with time counters at zero. */
async function setUpVariants(variantNames, typed) {
  const setups = [];
  for (const name of variantNames) {
    if (VARIANTS[name]?.typed !== typed) throw new Error(`variant ${name} is not a ${typed ? 'typed' : 'syntactic'} variant`);
    setups.push({ name, ...(await setUp(name, { stats: false })), ms: 0, cpuMs: 0, results: [] });
  }
  return setups;
}

/**
 * Orders of `n` variants in which each variant comes first, and right after each other variant,
 * equally often (a Williams design: a balanced Latin square, with its mirror image when `n` is
 * odd). A turn leaves the process warmer for the next (compiled code, caches of the libraries
 * underneath): with plain rotations each variant always follows the same one, and two copies of
 * the same rules, one always right after the other, differed by 18% in type-aware time.
 */
export function balancedOrders(n) {
  const first = [0];
  for (let low = 1, high = n - 1; first.length < n; low++, high--) {
    first.push(low);
    if (first.length < n) first.push(high);
  }
  const rows = Array.from({ length: n }, (_, shift) => first.map((variant) => (variant + shift) % n));
  return n % 2 ? [...rows, ...rows.map((row) => [...row].reverse())] : rows;
}

/**
 * Every unit (a file, a package) is linted by each variant in turn, in the orders of
 * `balancedOrders` from one unit to the next (starting `offset` units in, so that successive
 * rounds go on through them), and each turn's wall and CPU time is added to its variant;
 * `prepare` runs before each turn, untimed.
 */
async function takeTurns(setups, units, { prepare, lint, offset = 0 }) {
  const orders = balancedOrders(setups.length);
  for (const [index, unit] of units.entries()) {
    for (const position of orders[(offset + index) % orders.length]) {
      const setup = setups[position];
      prepare();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      setup.results.push(...(await lint(setup, unit)));
      setup.ms += performance.now() - start;
      setup.cpuMs += cpuMsSince(cpuStart);
    }
  }
  return setups.map(({ name, ms, cpuMs, results, owners }) => ({ variant: name, files: results.length, ms, cpuMs, ...summarize(results, owners) }));
}

const collectYoungGeneration = () => globalThis.gc?.({ type: 'minor' });
const lintUnit = (setup, { file, text }) => setup.eslint.lintText(text, { filePath: file });

/**
 * Lints every file with each of the syntactic variants in turn, in this one process, and adds up
 * each variant's time over all files. Interleaving file by file spreads a slow spell of a shared
 * machine over every variant alike, where whole runs minutes apart would each catch a different
 * one. The files are read beforehand, so only linting is timed; run with --expose-gc, the young
 * generation is emptied before each turn (untimed), so that each variant pays for collecting its
 * own garbage rather than for what the one before left.
 */
export async function lintInterleaved(variantNames, { round = 0 } = {}) {
  const setups = await setUpVariants(variantNames, false);
  const files = setups[0].files;
  if (setups.some((setup) => setup.files.length !== files.length)) throw new Error('interleaved variants must lint the same files');
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return takeTurns(setups, files.map((file, index) => ({ file, text: texts[index] })), {
    prepare: collectYoungGeneration,
    lint: lintUnit,
    offset: round * files.length,
  });
}

/**
 * The typed variants in one process, interleaved package by package, with typescript-eslint's
 * caches cleared before every turn, so that each builds the package's program and types afresh,
 * as it would alone — variants sharing a program would share its type caches, and whichever
 * asked first would pay for all. A slow spell of a shared machine then weighs on every variant
 * of a package, not on one whole run.
 */
export async function lintTypedInterleaved(variantNames, { round = 0 } = {}) {
  const setups = await setUpVariants(variantNames, true);
  const packages = [...new Set(setups[0].owners.values())];
  const results = await takeTurns(setups, packages, {
    prepare: () => {
      clearCaches();
      globalThis.gc?.();
    },
    lint: (setup, name) => setup.eslint.lintFiles(setup.files.filter((file) => setup.owners.get(file) === name)),
    offset: round * packages.length,
  });
  clearCaches();
  return results;
}

/**
 * Parsers that parse each text once and hand ESLint the same result again: `ts` wraps
 * typescript-eslint's (tree and scope manager), `js` wraps espree and tells ESLint it is espree,
 * so that ESLint sets it up and analyzes scopes as it does for its default parser.
 */
function cachingParsers() {
  const trees = new Map();
  const remember = (text, parse) => {
    let result = trees.get(text);
    if (result === undefined) {
      result = parse();
      trees.set(text, result);
    }
    return result;
  };
  return {
    ts: {
      meta: { name: 'bench-cached-typescript-eslint' },
      parseForESLint: (text, options) => remember(text, () => tseslint.parser.parseForESLint(text, options)),
    },
    js: {
      meta: { name: 'bench-cached-espree' },
      [Symbol.for('eslint.RuleTester.parser')]: espree,
      parse: (text, options) => remember(text, () => espree.parse(text, options)),
    },
    clear: () => trees.clear(),
  };
}

/**
 * What the syntactic variants cost once the files are parsed: each package's files are parsed
 * once (an untimed pass of every variant, which also compiles the code), then linted `passes`
 * times by each variant in turn, file by file, with the same trees and scope managers. Parsing
 * is most of a lint and most of its noise; without it two copies of one variant come out within
 * a fraction of a percent of each other, where whole lints differ by several percent from round
 * to round. A package at a time, so that the kept trees stay few. Then one more pass of the first
 * variant with parsing (compiled code warm), for what the whole lint costs.
 */
export async function lintWarm(variantNames, { passes = 3 } = {}) {
  const parsers = cachingParsers();
  const setups = [];
  for (const name of variantNames) {
    if (VARIANTS[name]?.typed !== false) throw new Error(`variant ${name} is not a syntactic variant`);
    setups.push({ name, ...(await setUp(name, { stats: false, parsers })), ms: 0, cpuMs: 0, results: [], byPackage: {} });
  }
  const { owners } = setups[0];
  const packages = [...new Set(owners.values())];
  let turn = 0;
  let parsedMs = 0;
  for (const name of packages) {
    const files = setups[0].files.filter((file) => owners.get(file) === name);
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    const units = files.map((file, index) => ({ file, text: texts[index] }));
    // Untimed: parses each file once and compiles each variant's code, one lint at a time like
    // the timed passes after it.
    // eslint-disable-next-line async-pitfalls/prefer-promise-all
    for (const setup of setups) for (const unit of units) await lintUnit(setup, unit);
    const before = setups.map((setup) => setup.ms);
    for (let pass = 0; pass < passes; pass++) {
      const summaries = await takeTurns(setups, units, { prepare: collectYoungGeneration, lint: lintUnit, offset: turn });
      if (summaries.some((summary) => summary.fatal > 0)) throw new Error(`${name}: files failed to parse`);
      turn += units.length;
      for (const setup of setups) setup.results = [];
    }
    for (const [position, setup] of setups.entries()) setup.byPackage[name] = setup.ms - before[position];
    parsers.clear();
    for (const unit of units) {
      collectYoungGeneration();
      const start = performance.now();
      await lintUnit(setups[0], unit);
      parsedMs += performance.now() - start;
    }
    parsers.clear();
  }
  return {
    passes,
    files: setups[0].files.length,
    parsedMs: { variant: setups[0].name, ms: parsedMs },
    variants: setups.map(({ name, ms, cpuMs, byPackage }) => ({
      variant: name,
      msPerPass: ms / passes,
      cpuMsPerPass: cpuMs / passes,
      byPackage: Object.fromEntries(Object.entries(byPackage).map(([key, value]) => [key, value / passes])),
    })),
  };
}

// `node bench/lint-once.mjs B [--no-stats]`: one variant, a JSON line; `--interleave A,A1,B` or
// `--interleave-typed C,D,E`: variants interleaved, a JSON line with an array (`--round N`: the
// Nth of a series, which takes the orders of the turns on from where the one before stopped).
if (process.argv[1] === import.meta.filename) {
  const interleave = process.argv.indexOf('--interleave');
  const interleaveTyped = process.argv.indexOf('--interleave-typed');
  const warm = process.argv.indexOf('--warm');
  const roundAt = process.argv.indexOf('--round');
  const options = { round: roundAt > 0 ? Number(process.argv[roundAt + 1]) : 0 };
  if (interleave > 0) {
    process.stdout.write(`${JSON.stringify(await lintInterleaved(process.argv[interleave + 1].split(','), options))}\n`);
  } else if (warm > 0) {
    const passesAt = process.argv.indexOf('--passes');
    const summary = await lintWarm(process.argv[warm + 1].split(','), { passes: passesAt > 0 ? Number(process.argv[passesAt + 1]) : undefined });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else if (interleaveTyped > 0) {
    process.stdout.write(`${JSON.stringify(await lintTypedInterleaved(process.argv[interleaveTyped + 1].split(','), options))}\n`);
  } else {
    const { results, ...summary } = await lintOnce(process.argv[2] ?? 'A', { stats: !process.argv.includes('--no-stats') });
    void results;
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
}
