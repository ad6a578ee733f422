// The config a user of the plugin writes: one line for the plugin, plus typescript-eslint's
// parser for .ts files. `npm run demo` lints this folder with it.
import asyncPitfalls from 'eslint-plugin-async-pitfalls';
import tseslint from 'typescript-eslint';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
  },
  asyncPitfalls.configs.recommended,
];
