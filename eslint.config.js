// The project lints itself with its own recommended config (from the build), typed so that
// the rules run at full depth, plus eslint-plugin-eslint-plugin for the rule files.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

import asyncPitfalls from './dist/index.js';

export default [
  {
    ignores: ['dist/', 'examples/', 'tests/fixtures/', 'bench/.cache/', 'coverage/'],
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  asyncPitfalls.configs['recommended-type-checked'],
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
];
