import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The workspace package is read from its sources (as tsx and tsc do through tsconfig paths):
  // no build step between editing the tokenizer and running tracuu. Published users get dist/.
  resolve: {
    alias: { 'vietnamese-tokenizer': fileURLToPath(new URL('./packages/vietnamese-tokenizer/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.ts', 'indexer/**/*.test.ts', 'tests/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    // Two cores: keep workers modest so browser and scale tests don't starve each other.
    maxWorkers: 2,
    // Generous: these are hang guards, not speed checks (speed is bench/'s job, and limits that
    // matter are on CPU time, tests/helpers/timing.ts). A busy 2-core machine runs 10× slower.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // CI also writes a JSON report, from which .ci/run prints one plain "N passed, N failed" line.
    reporters: process.env.CI === 'true' ? ['default', 'json'] : ['default'],
    outputFile: { json: '.tmp/vitest-report.json' },
  },
});
