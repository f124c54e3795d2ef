import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // What a test polls for (a page that navigated, a row that appeared) may take seconds on a
    // machine busy with the rest of the suite; a poll that succeeds returns at once anyway.
    expect: { poll: { timeout: 10_000 } },
  },
});
