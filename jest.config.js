// Two Jest projects: the LWC project (force-app: the engine and the components, jsdom,
// sfdx-lwc-jest's transformer strips TypeScript) and the Node project (scripts: gate, CLI,
// workbench, benches' helpers).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  // Coverage counts every source file, tested or not; the gate holds the engine to 95 % and
  // the components to 90 % of lines (scripts/gate/coverage.ts).
  collectCoverageFrom: [
    'force-app/main/default/lwc/**/*.ts',
    'scripts/**/*.ts',
    '!**/__tests__/**',
    '!**/*.d.ts',
    '!scripts/bench/**',
    // The workbench's own components: LWC with decorators, compiled by the LWC compiler and run
    // in Chromium (the e2e tests), which Babel's TypeScript preset for Node cannot read.
    '!scripts/workbench/browser/lwc/**'
  ],
  coverageReporters: ['text-summary', 'json-summary'],
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      rootDir: __dirname,
      roots: ['<rootDir>/force-app'],
      moduleFileExtensions: ['ts', 'js', 'html', 'json'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/scripts/jest/sa11y-setup.js']
    },
    {
      displayName: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/scripts'],
      testEnvironment: 'node',
      // The engine's coverage comes from the LWC project, whose transformer maps its lines;
      // merging Babel's differently shaped map of the same files would corrupt the count.
      coveragePathIgnorePatterns: ['/node_modules/', '<rootDir>/force-app/'],
      // @lwc 9 packages are ES modules with a CommonJS build beside them.
      moduleNameMapper: { '^@lwc/([a-z-]+)$': '<rootDir>/node_modules/@lwc/$1/dist/index.cjs' },
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': [
          'babel-jest',
          {
            configFile: false,
            presets: [['@babel/preset-env', { targets: { node: '22' } }], '@babel/preset-typescript']
          }
        ]
      }
    }
  ]
};
