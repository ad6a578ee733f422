import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: the plugin against the real-world corpus (fetched by `npm run corpus`).
export default defineConfig({
  test: {
    include: ['bench/corpus.test.mjs'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
