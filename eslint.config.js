// The project lints itself with its own recommended configs (from the build), with type
// information so that the rules run at full depth, plus eslint-plugin-eslint-plugin for the rule files.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

import asyncPitfalls from './dist/index.js';

export default [
  {
    ignores: ['dist/', 'examples/', 'tests/fixtures/', 'bench/.cache/', 'bench/results.json', 'coverage/'],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  asyncPitfalls.configs.recommended,
  asyncPitfalls.configs['recommended-type-checked'],
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
];
