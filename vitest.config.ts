import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'host/**/*.test.ts',
      'cli/**/*.test.ts',
      'test-support/**/*.test.ts',
      'templates/**/*.test.ts',
      'bench/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test-support/global-setup.ts'],
    reporters: ['default', './test-support/summary-reporter.ts'],
  },
});
