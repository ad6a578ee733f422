import { defineConfig } from 'vitest/config';

// `npm run test:integration`: the packed tarball installed from scratch next to each supported
// ESLint major. Needs the npm registry; `.ci/run` runs it after `npm test`.
export default defineConfig({
  test: {
    include: ['tests/published/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
