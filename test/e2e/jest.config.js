/**
 * `npm run test:e2e`: suites against a real n8n 2.40.7 (provisioned once into ~/.cache/midtrans-pl-n8n,
 * several minutes on a fresh machine; see global-setup.ts). One suite at a time: each boots its own n8n.
 */
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 120000,
};
