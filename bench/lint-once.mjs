// Lints the corpus once with one variant of the benchmark, in its own process, and prints a JSON
// line: wall time, peak memory, findings per rule per package, and per-rule time from ESLint's stats.
import path from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import asyncPitfalls from '../dist/index.js';
import { benchTsconfig, cacheDir, corpusFiles, readCorpus } from './corpus.mjs';

/** The variants: A/C parse only, B/D with this plugin, E* with typescript-eslint's peer rules. */
export const VARIANTS = {
  A: { typed: false, rules: 'none' },
  // ESLint's own cost of running any rule at all: one core rule that never reports here.
  A1: { typed: false, rules: 'any-rule' },
  B: { typed: false, rules: 'plugin' },
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
 * `stats: false` for timed runs: ESLint's stats wrap every rule listener in a timer, which costs
 * the variants with rules more than those without and would skew the ratios.
 */
export async function lintOnce(variantName, { fix = false, only, rules, stats = true } = {}) {
  const variant = VARIANTS[variantName];
  if (!variant) throw new Error(`unknown variant ${variantName}`);
  const entries = (await readCorpus()).filter((entry) => (!variant.typed || entry.typed) && (!only || only.includes(entry.name)));
  const files = [];
  const owners = new Map();
  const config = [
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    { plugins: { 'async-pitfalls': asyncPitfalls, '@typescript-eslint': tseslint.plugin } },
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
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const results = await eslint.lintFiles(files);
  const ms = performance.now() - start;
  // CPU time of every thread of this process (V8's GC helpers included): what the work costs,
  // less moved than wall time by other tenants of a shared machine.
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
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
  return { variant: variantName, files: files.length, ms, cpuMs, peakMemoryMb: process.resourceUsage().maxRSS / 1024, findings, ruleTimes, fatal, results };
}

if (process.argv[1] === import.meta.filename) {
  const { results, ...summary } = await lintOnce(process.argv[2] ?? 'A', { stats: !process.argv.includes('--no-stats') });
  void results;
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}
