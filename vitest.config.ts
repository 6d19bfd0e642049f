import { defineConfig } from 'vitest/config';

// Unit and integration tests: no browser and no build needed (the PWA plugin stays out).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
