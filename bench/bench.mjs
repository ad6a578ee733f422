// `npm run bench`: what the plugin costs, measured against ESLint's own parse-and-traverse time on
// the real-world corpus (`npm run corpus` first). Each round runs the syntactic variants in one
// process, interleaved file by file, and the typed variants in another, interleaved package by
// package, each variant first and right after each other variant equally often (lint-once.mjs);
// which mode goes first alternates from round to round; medians over `--runs` rounds
// (default 5). Writes bench/results.json.
import { execFile } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getHeapStatistics } from 'node:v8';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import asyncPitfalls from '../dist/index.js';
import { benchDir, isFetched, readCorpus } from './corpus.mjs';
import { VARIANTS } from './lint-once.mjs';

const run = promisify(execFile);
const runsArgument = process.argv.indexOf('--runs');
const RUNS = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 5;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs lint-once.mjs with `args` in a process of its own and reads the JSON line it prints. */
async function lintInChild(args) {
  const { stdout } = await run(process.execPath, ['--expose-gc', path.join(benchDir, 'lint-once.mjs'), ...args], { maxBuffer: 64 * 1024 * 1024 });
  const summaries = [JSON.parse(stdout.trim().split('\n').pop())].flat();
  // A file that fails to parse (a corpus tsconfig that no longer matches, say) would make a
  // variant look fast: timings are only worth something when every file was linted.
  for (const summary of summaries) {
    if (summary.fatal > 0) throw new Error(`variant ${summary.variant}: ${summary.fatal} files failed to parse; run npm run corpus`);
  }
  return summaries;
}

async function measure(variant, { stats = false } = {}) {
  const [summary] = await lintInChild([variant, ...(stats ? [] : ['--no-stats'])]);
  return summary;
}

/** Generated files that stress one shape each, at growing sizes. */
function generate(kind, statements) {
  const lines = [];
  if (kind === 'awaits') {
    lines.push('declare function load(n: number): Promise<number>;', 'export async function run() {');
    for (let index = 0; index < statements; index++) lines.push(`  const v${index} = await load(${index});`);
    lines.push('}');
  } else if (kind === 'functions') {
    lines.push('declare function save(n: number): Promise<void>;');
    for (let index = 0; index < statements; index++) lines.push(`export async function f${index}() { await save(${index}); }`);
  } else {
    // Chains of ten `.then`s (a single chain thousands deep overflows the parser itself).
    lines.push('declare const start: Promise<number>;');
    for (let index = 0; index < statements / 10; index++) {
      lines.push(`export const chain${index} = start${'.then((value) => value + 1)'.repeat(9)}.catch(() => 0);`);
    }
  }
  return lines.join('\n');
}

/**
 * While a 100k-statement file is linted, ESLint still holds the tree of the file linted before
 * it (with or without this plugin's rules, and with a new ESLint instance alike): two such trees
 * take about 4 GB, Node's default heap limit. Near that limit V8 collects over and over, and
 * the collections land in whatever runs, the rules' listeners included (seen: the same rules
 * timed at 0.3 s and at 3.5 s, and once out of memory). `npm run bench` gives the heap room.
 */
const SCALING_HEAP_MB = 8192;

async function scaling() {
  if (getHeapStatistics().heap_size_limit < SCALING_HEAP_MB * 2 ** 20) {
    console.error(`The scaling run needs a heap of ${SCALING_HEAP_MB} MB or more: run it with npm run bench (node --max-old-space-size=12288).`);
    process.exit(1);
  }
  const sizes = [1_000, 10_000, 100_000];
  const directory = await mkdtemp(path.join(tmpdir(), 'async-pitfalls-scaling-'));
  const rows = [];
  for (const kind of ['awaits', 'functions', 'chain']) {
    for (const size of sizes) {
      const file = path.join(directory, `${kind}-${size}.ts`);
      await writeFile(file, generate(kind, size));
      // The plugin's own time from ESLint's per-rule stats: a difference of two wall times is
      // mostly parsing noise at small sizes.
      const eslint = new ESLint({
        cwd: directory,
        overrideConfigFile: true,
        stats: true,
        overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, asyncPitfalls.configs.strict],
      });
      const samples = [];
      const wallTimes = [];
      // The small files first run with the rules' code not yet optimized by the JIT: two untimed
      // runs first, so that every size is measured at steady state. Each sample starts from a
      // collected heap (with --expose-gc), so that a collection the previous sample left to do
      // does not land inside a rule's listener.
      if (size < 100_000) for (let warmUp = 0; warmUp < 2; warmUp++) await eslint.lintFiles([file]);
      // Five samples at every size: at 100k a full collection of the tree can land inside a
      // listener, and the median of three is moved by one such sample more often than not.
      for (let sample = 0; sample < 5; sample++) {
        globalThis.gc?.();
        const start = performance.now();
        const [result] = await eslint.lintFiles([file]);
        wallTimes.push(performance.now() - start);
        let ruleTime = 0;
        for (const pass of result.stats?.times.passes ?? []) {
          for (const time of Object.values(pass.rules ?? {})) ruleTime += time.total;
        }
        samples.push(ruleTime);
      }
      rows.push({
        kind,
        statements: size,
        lintMs: median(wallTimes),
        pluginMs: median(samples),
        pluginMicrosPerStatement: (median(samples) * 1000) / size,
      });
    }
  }
  return rows;
}

function printScaling(rows) {
  console.log('\nscaling (plugin time per statement from ESLint stats, µs; 100k vs 1k, target ≤ 1.5×):');
  for (const row of rows) {
    const base = rows.find((candidate) => candidate.kind === row.kind && candidate.statements === 1_000);
    const ratio = base ? row.pluginMicrosPerStatement / base.pluginMicrosPerStatement : 1;
    console.log(`  ${row.kind.padEnd(10)}${String(row.statements).padStart(8)}${row.pluginMicrosPerStatement.toFixed(2).padStart(10)}${`${ratio.toFixed(2)}×`.padStart(8)}`);
  }
}

/**
 * The syntactic variants with the parse taken out (lint-once.mjs `lintWarm`, in a process of its
 * own): what the plugin adds per pass over the corpus, and that cost against a whole lint with
 * parsing, an estimate of B/A precise enough to judge one change of the rules by.
 */
async function warmCost(passes = 3) {
  const summary = JSON.parse((await run(process.execPath, ['--expose-gc', path.join(benchDir, 'lint-once.mjs'), '--warm', 'A,B,A1,B-setup,B-inert,A', '--passes', String(passes)], { maxBuffer: 64 * 1024 * 1024 })).stdout.trim().split('\n').pop());
  // A twice: its two copies differ only by noise, and their mean is the floor.
  const copies = summary.variants.filter((variant) => variant.variant === 'A');
  const floor = (copies[0].msPerPass + copies[1].msPerPass) / 2;
  const at = (name) => summary.variants.find((variant) => variant.variant === name).msPerPass;
  return {
    passes,
    files: summary.files,
    msPerPass: { A: floor, A1: at('A1'), B: at('B'), 'B-setup': at('B-setup'), 'B-inert': at('B-inert') },
    noiseMs: Math.abs(copies[0].msPerPass - copies[1].msPerPass),
    pluginMs: at('B') - floor,
    // The rules' time in three parts: what ESLint spends on seven rules that do nothing, each
    // file's setup in the rules' \`create\` (prefilters, per-file indexes), and the listeners.
    parts: { eslintPerRule: at('B-inert') - floor, setup: at('B-setup') - at('B-inert'), listeners: at('B') - at('B-setup') },
    wholeLintMs: summary.parsedMs.ms,
    estimatedSyntacticRatio: 1 + (at('B') - floor) / summary.parsedMs.ms,
    byPackage: Object.fromEntries(
      Object.keys(copies[0].byPackage).map((name) => [
        name,
        summary.variants.find((variant) => variant.variant === 'B').byPackage[name] - (copies[0].byPackage[name] + copies[1].byPackage[name]) / 2,
      ]),
    ),
  };
}

function printWarm(warm) {
  const ms = (value) => `${Math.round(value)} ms`;
  console.log(`\nwith the parse taken out (${warm.passes} passes over the ${warm.files} files, parsed once):`);
  console.log(`  A ${ms(warm.msPerPass.A)}, A1 ${ms(warm.msPerPass.A1)}, B ${ms(warm.msPerPass.B)} a pass; the two copies of A differ by ${ms(warm.noiseMs)}`);
  console.log(`  the plugin's rules: ${ms(warm.pluginMs)} a pass, against ${ms(warm.wholeLintMs)} for a whole lint with parsing (A): B/A ≈ ${warm.estimatedSyntacticRatio.toFixed(3)}`);
  console.log(`  of which ESLint's own cost of seven rules that do nothing ${ms(warm.parts.eslintPerRule)}, the rules' per-file setup ${ms(warm.parts.setup)}, their listeners ${ms(warm.parts.listeners)}`);
  console.log(`  by package: ${Object.entries(warm.byPackage).map(([name, value]) => `${name} ${ms(value)}`).join(', ')}`);
}

// `--scaling`: only the generated-file scaling run, printed, nothing written.
if (process.argv.includes('--scaling')) {
  printScaling(await scaling());
  process.exit(0);
}

// `--warm`: only the syntactic rules' cost with the parse taken out (about two minutes), printed,
// nothing written: the quick way to judge a change of the rules.
if (process.argv.includes('--warm')) {
  const passesAt = process.argv.indexOf('--passes');
  printWarm(await warmCost(passesAt > 0 ? Number(process.argv[passesAt + 1]) : undefined));
  process.exit(0);
}

const corpus = await readCorpus();
if (!corpus.every(isFetched)) {
  console.error('The corpus is not fetched: run `npm run corpus` first.');
  process.exit(1);
}

// The `*-defaults` variants exist for the findings review, the ones with listeners dropped or
// inert for the measurement with the parse taken out, not for these timings.
const variantNames = Object.keys(VARIANTS).filter((name) => !name.endsWith('-defaults') && !VARIANTS[name].listeners);
const syntacticNames = variantNames.filter((name) => !VARIANTS[name].typed);
const typedNames = variantNames.filter((name) => VARIANTS[name].typed);
const samples = Object.fromEntries(variantNames.map((name) => [name, []]));
for (let round = 0; round < RUNS; round++) {
  // Within each mode the variants take turns (lint-once.mjs); the modes alternate going first.
  const modes = round % 2 ? ['typed', 'syntactic'] : ['syntactic', 'typed'];
  for (const mode of modes) {
    const results =
      mode === 'syntactic'
        ? await lintInChild(['--interleave', syntacticNames.join(','), '--round', String(round)])
        : await lintInChild(['--interleave-typed', typedNames.join(','), '--round', String(round)]);
    for (const result of results) {
      samples[result.variant].push(result);
      process.stderr.write(`round ${round + 1}/${RUNS} ${result.variant}: ${Math.round(result.ms)} ms\n`);
    }
  }
}

// Per-rule times and peak memory come from one more run of each variant in a process of its
// own, with ESLint's stats on (untimed: the stats' own timers would weigh on the wall times above).
const ruleTimes = {};
const peakMemory = {};
for (const name of variantNames) {
  const result = await measure(name, { stats: true });
  ruleTimes[name] = result.ruleTimes;
  peakMemory[name] = result.peakMemoryMb;
  process.stderr.write(`stats ${name}\n`);
}

const table = Object.fromEntries(
  Object.entries(samples).map(([name, results]) => [
    name,
    {
      medianMs: median(results.map((result) => result.ms)),
      runsMs: results.map((result) => Math.round(result.ms)),
      medianCpuMs: median(results.map((result) => result.cpuMs)),
      peakMemoryMb: peakMemory[name],
      files: results[0].files,
      ruleTimesMs: VARIANTS[name].rules === 'none' || VARIANTS[name].rules === 'any-rule' ? {} : ruleTimes[name],
      findings: results[0].findings,
    },
  ]),
);
const ms = (name) => table[name].medianMs;
// The ratios are taken within each round, where the variants ran minutes apart on the same
// machine, and their median reported: a slow spell of a shared machine then moves both sides of
// a ratio instead of one.
const perRound = (ratio, measure = 'ms') => median(Array.from({ length: RUNS }, (_, round) => ratio((name) => samples[name][round][measure])));
const syntactic = (at) => at('B') / at('A');
const typedCost = (at) => (at('D') - at('C')) / (at('E') - at('C'));
const syntacticRatio = perRound(syntactic);
// Against A1, what the plugin's rules add beyond what enabling any rule costs ESLint.
const syntacticRatioOverAnyRule = perRound((at) => at('B') / at('A1'));
const typedCostRatio = perRound(typedCost);
// The same ratios in CPU time: a second reading, steadier on a shared machine.
const cpuRatios = { syntacticRatio: perRound(syntactic, 'cpuMs'), typedCostRatio: perRound(typedCost, 'cpuMs') };
// A third reading: each time summed over the rounds before the ratio is taken. A difference of two
// long typed runs (D − C) swings from round to round far more than either run, and a median of
// ratios then rests on one round; the pooled ratio weighs every round by what it measured.
const summedOverRounds = (name, measure) => samples[name].reduce((sum, result) => sum + result[measure], 0);
const pooledRatios = Object.fromEntries(
  ['ms', 'cpuMs'].map((measure) => {
    const at = (name) => summedOverRounds(name, measure);
    return [measure === 'ms' ? 'wall' : 'cpu', { syntacticRatio: syntactic(at), typedCostRatio: typedCost(at) }];
  }),
);
const sum = (times) => Object.values(times).reduce((total, time) => total + time, 0);
// What the rules themselves spend (ESLint's stats), against the same floor: the part of B − A
// this plugin's code controls.
const syntacticRuleShare = sum(table.B.ruleTimesMs) / ms('A');
// Timed runs, one after another on purpose: running them together would time each against the other.
// eslint-disable-next-line async-pitfalls/prefer-promise-all
const warm = await warmCost();
const scalingRows = await scaling();

const manifest = JSON.parse(await readFile(path.join(benchDir, '..', 'package.json'), 'utf8'));
const results = {
  syntacticRatio,
  typedCostRatio,
  syntacticRuleShare,
  syntacticRatioOverAnyRule,
  cpuRatios,
  pooledRatios,
  runs: RUNS,
  table,
  warm,
  scaling: scalingRows,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  versions: {
    plugin: manifest.version,
    eslint: ESLint.version,
    typescriptEslint: tseslint.plugin.meta?.version,
    typescript: (await import('typescript')).default.version,
  },
  corpus: corpus.map((entry) => `${entry.name}@${entry.version}`),
  date: new Date().toISOString(),
};
await writeFile(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const pad = (value, width) => String(value).padStart(width);
console.log('\nvariant                    files   median ms  median CPU ms   peak MB');
for (const [name, row] of Object.entries(table)) {
  console.log(`${name.padEnd(26)}${pad(row.files, 6)}${pad(Math.round(row.medianMs), 12)}${pad(Math.round(row.medianCpuMs), 15)}${pad(Math.round(row.peakMemoryMb), 10)}`);
}
console.log(`\nB/A (syntactic rules vs. parse only):            ${syntacticRatio.toFixed(3)}   target ≤ 1.05`);
console.log(`(D−C)/(E−C) (our typed cost vs. the peer's two): ${typedCostRatio.toFixed(3)}   target ≤ 0.25`);
console.log(`rules' own time in B (stats) / A:                ${syntacticRuleShare.toFixed(3)}`);
console.log(`B/A1 (A1: A + one core rule that never fires):   ${syntacticRatioOverAnyRule.toFixed(3)}`);
console.log(`B/A and (D−C)/(E−C) in CPU time:                 ${cpuRatios.syntacticRatio.toFixed(3)}, ${cpuRatios.typedCostRatio.toFixed(3)}`);
console.log(`the same, pooled (times summed over rounds), wall: ${pooledRatios.wall.syntacticRatio.toFixed(3)}, ${pooledRatios.wall.typedCostRatio.toFixed(3)}; CPU: ${pooledRatios.cpu.syntacticRatio.toFixed(3)}, ${pooledRatios.cpu.typedCostRatio.toFixed(3)}`);
console.log('(ratios: median over rounds of the ratio within each round, unless pooled)');
console.log('\nper-rule time (ms, D, from ESLint stats):');
for (const [rule, time] of Object.entries(table.D.ruleTimesMs).sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(40)}${pad(time.toFixed(0), 8)}`);
console.log('\nfindings per rule per package (D, and B for JavaScript packages):');
const findings = { ...table.B.findings, ...table.D.findings };
for (const [key, count] of Object.entries(findings).sort()) console.log(`  ${key.replace('|', '  ').padEnd(70)}${pad(count, 6)}`);
printWarm(warm);
printScaling(scalingRows);
