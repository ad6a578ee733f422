import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Type-aware cases start a TypeScript project service; the first one in a worker is slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
