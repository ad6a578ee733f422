import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The pack-and-install tests need the npm registry: `npm run test:integration`.
    exclude: ['tests/published/**', '**/node_modules/**'],
    // Type-aware cases start a TypeScript project service; the first one in a worker is slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
