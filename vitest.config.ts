import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/servers/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests open real SQLite files and servers; two cores, so keep the pool small.
    pool: 'forks',
    // Memory assertions collect garbage first, so they measure what is kept, not what is not yet freed.
    execArgv: ['--expose-gc'],
    maxWorkers: 2,
  },
});
