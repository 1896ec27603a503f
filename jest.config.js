/** Type checking runs once in `npm run typecheck`; jest only transpiles, which keeps the suite fast on two cores. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 20000,
  // Both cores: the suites share no ports, prefixes or files, and none asserts a duration a busy machine could miss.
  maxWorkers: 2,
  // Every test runs at a fixed daytime hour unless it sets its own clock (test/support/clock.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/setupClock.ts'],
};
