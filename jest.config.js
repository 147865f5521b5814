/** Unit and integration suites; the real-n8n suites under test/e2e run with `npm run test:e2e`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Builds apps-script/dist when missing or stale, so `npm ci && npm test` needs no build step.
  globalSetup: '<rootDir>/test/support/build-addon-for-tests.js',
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
