import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/build/',
      '**/.svelte-kit/',
      'data/',
      'web/src/lib/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through loadConfig() in server/src/config.ts.',
        },
      ],
    },
  },
  {
    // The web app runs in the browser. Its .svelte files are checked by svelte-check instead.
    files: ['web/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['server/src/config.ts', 'server/test/**', 'scripts/**', '**/*.config.*'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // A module reaches another through its service, never its repository: the SQL of an area
    // changes with its rules, and callers must not depend on it. `records` is the shared path
    // every kind of record is built on, so its repository is everyone's.
    files: ['server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.repo.js', '../*/*.repo', '!../records/*'],
              message: "Call the other module's service; its repository is its own.",
            },
          ],
        },
      ],
    },
  },
  {
    // A route validates and calls a service; only a service opens a transaction and hands it
    // to a repository. Schemas describe, they do not query.
    files: ['server/src/**/*.routes.ts', 'server/src/**/*.schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.repo.js', '**/*.repo'],
              message: 'Routes and schemas call services; SQL stays behind them in repositories.',
            },
          ],
        },
      ],
    },
  },
);
