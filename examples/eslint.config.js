// The config a user of the plugin writes: one line for the plugin, typescript-eslint's parser
// for .ts files, and the one rule that `recommended` leaves out switched on.
// `npm run demo` lints this folder with it.
import asyncPitfalls from 'eslint-plugin-async-pitfalls';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
  },
  asyncPitfalls.configs.recommended,
  {
    rules: { 'async-pitfalls/require-abort-signal': 'warn' },
  },
];
