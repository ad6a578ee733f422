import { readFileSync } from 'node:fs';

import type { TSESLint } from '@typescript-eslint/utils';

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

type Plugin = Omit<TSESLint.FlatConfig.Plugin, 'configs'> & {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
};

const plugin: Plugin = {
  meta: { name: 'eslint-plugin-async-pitfalls', version: readPackageVersion(), namespace: NAMESPACE },
  rules,
  configs: {} as Plugin['configs'],
};

const configRules = deriveConfigRules(NAMESPACE, rules);
for (const name of Object.keys(configRules) as ConfigName[]) {
  plugin.configs[name] = {
    name: `${NAMESPACE}/${name}`,
    plugins: { [NAMESPACE]: plugin as TSESLint.FlatConfig.Plugin },
    rules: configRules[name],
  };
}

export default plugin;
export { rules };
