// One jest run covers every project. Two tiers, told apart by suffix:
//   *.spec.ts      fast unit tests, no infrastructure
//   *.int-spec.ts  against a real Kafka broker and a real PostgreSQL
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;

const tsconfig = JSON.parse(fs.readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  // @nestjs/* 12 and jose 6 ship ESM only; swc transpiles them for jest's CommonJS runtime.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|chinese-days|jose)/)'],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/dist/', '<rootDir>/tmp/', '<rootDir>/.cache/'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'],
      // The console's component tests run in Vitest (a browser-like DOM, Vue's compiler): `nx run console:test`.
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '<rootDir>/apps/console/src/'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools,chaos}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tools/jest/global-setup.js',
      globalTeardown: '<rootDir>/tools/jest/global-teardown.js',
      slowTestThreshold: 30,
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-setup.js'],
    },
  ],
};
