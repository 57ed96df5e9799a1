/** @type {import('jest').Config} */
module.exports = {
    testEnvironment: 'node',
    roots: ['<rootDir>/tests', '<rootDir>/src'],
    testMatch: ['**/*.test.ts'],
    transform: { '^.+\\.(ts|js)$': '<rootDir>/tests/support/esbuild-transform.cjs' },
    moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
    globalSetup: '<rootDir>/tests/support/global-setup.cjs',
    globalTeardown: '<rootDir>/tests/support/global-teardown.cjs',
    testTimeout: 60000,
}
