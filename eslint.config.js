// ESLint 9 flat config. The LWC configs set no `files`, so each is scoped here: the
// Lightning rules apply to LWC sources, typescript-eslint to every TypeScript file.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const LWC_FILES = ['force-app/**/lwc/**/*.ts'];
const scope = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.psms/**',
      '.sfdx/**',
      '.sf/**',
      // Compiled from the TypeScript sources by the gate; the .ts is what is linted.
      'force-app/**/lwc/**/*.js'
    ]
  },
  ...scope(lwcConfig.configs.recommendedTs, LWC_FILES),
  ...scope(tseslint.configs.recommended, ['**/*.ts']),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-unused-vars': 'off',
      // TypeScript resolves imports (tsc runs in the gate); the import plugin cannot read `paths`.
      'import/no-unresolved': 'off',
      'import/named': 'off',
      'import/namespace': 'off',
      'import/default': 'off',
      'import/export': 'off'
    }
  },
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } }
  },
  {
    files: ['scripts/**/*.ts', '*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } }
  },
  {
    files: ['force-app/**/lwc/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: {
      // LWC runs in the browser under Lightning Web Security: no Node globals.
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer']
    }
  }
];
