import { readFileSync } from 'node:fs';

import type { ESLint, Linter } from 'eslint';

import { type ConfigName, deriveConfigRules } from './lib/configs.js';
import { rules } from './rules/index.js';

const NAMESPACE = 'async-pitfalls';

// The compiled file sits one folder deeper (dist/) than this source; look in both places.
function readPackageVersion(): string {
  for (const relative of ['./package.json', '../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'eslint-plugin-async-pitfalls' && manifest.version) return manifest.version;
    } catch {
      // Not at this location; try the next one.
    }
  }
  return '0.0.0';
}

export interface AsyncPitfallsPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  /** Flat configs; each registers the plugin, so one entry in `eslint.config.js` is enough. */
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: AsyncPitfallsPlugin = {
  meta: { name: 'eslint-plugin-async-pitfalls', version: readPackageVersion(), namespace: NAMESPACE },
  rules,
  configs: {} as AsyncPitfallsPlugin['configs'],
};

const configRules = deriveConfigRules(NAMESPACE, rules);
for (const name of Object.keys(configRules) as ConfigName[]) {
  plugin.configs[name] = {
    name: `${NAMESPACE}/${name}`,
    // typescript-eslint's rule type and ESLint's differ only in how strictly they are typed.
    plugins: { [NAMESPACE]: plugin as unknown as ESLint.Plugin },
    rules: configRules[name],
  };
}

export default plugin;

// `require('eslint-plugin-async-pitfalls')` (Node ≥ 20.19 loads ES modules with require) returns
// the plugin itself rather than a namespace with a `default` key, so CommonJS configs read the
// same as ES module ones.
export { plugin as 'module.exports' };
