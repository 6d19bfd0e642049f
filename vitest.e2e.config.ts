import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against the built app; one file at a time, generous timeouts. No test
// should come near its timeout: a long walk is split into steps (tests/support/e2e-stack.ts), and
// each test's duration is printed as it ends, so a slow one shows. (A --reporter on the command line
// replaces these; the default reporter still lists every test slower than slowTestThreshold, 300 ms,
// with its duration — every e2e test is.)
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
