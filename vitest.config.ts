import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'indexer/**/*.test.ts', 'tests/**/*.test.ts'],
    // Two cores: keep workers modest so browser and scale tests don't starve each other.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
