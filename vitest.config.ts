import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    // Bounds against hanging, generous because CI shares two cores between browser tests and
    // real server processes; assertions about speed say their own limit (e.g. "within a second").
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 5_000 } },
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
