// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The import walls of docs/architecture.md: each folder lists the folders of ours it must not reach,
 * and either the packages it must not use or (`onlyPackages`) the only ones it may.
 */
const walls = [
  { files: ['src/shared/**'], forbid: ['store', 'sync', 'govuk', 'app', 'console', 'server', 'service-worker'], packages: ['dexie', 'idb-keyval', 'preact', 'fastify', 'kysely', 'node:*'] },
  { files: ['src/store/**'], forbid: ['sync', 'govuk', 'app', 'console', 'server', 'service-worker'], packages: ['preact', 'fastify', 'kysely', 'node:*'] },
  { files: ['src/sync/**'], forbid: ['store', 'govuk', 'app', 'console', 'server', 'service-worker'], packages: ['dexie', 'idb-keyval', 'preact', 'fastify', 'kysely', 'node:*'] },
  // GOV.UK components for the field app and the console alike: they hold no data and know no feature.
  { files: ['src/govuk/**'], forbid: ['store', 'sync', 'app', 'console', 'server', 'service-worker'], onlyPackages: ['preact', 'govuk-frontend'] },
  { files: ['src/app/**'], forbid: ['console', 'server', 'service-worker'], packages: ['fastify', 'kysely', 'node:*'] },
  { files: ['src/console/**'], forbid: ['store', 'app', 'server', 'service-worker'], packages: ['fastify', 'kysely', 'node:*'] },
  { files: ['service-worker/**'], forbid: ['govuk', 'app', 'console', 'server'], packages: ['preact', 'fastify', 'kysely', 'node:*'] },
  { files: ['src/server/**'], forbid: ['store', 'sync', 'govuk', 'app', 'console', 'service-worker'], packages: ['dexie', 'idb-keyval', 'preact'] },
];

const SEE_WALLS = 'see the import walls in docs/architecture.md';

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'node_modules/', 'test-results/', 'bench/results.json', 'dev-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...walls.map(({ files, forbid, packages, onlyPackages }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\.?/)+(src/)?(${forbid.join('|')})(/|$)`,
              message: `This import crosses a wall between folders: ${SEE_WALLS}.`,
            },
            onlyPackages
              ? { regex: `^(?!\\.|(${onlyPackages.join('|')})(/|$))`, message: `This folder uses no package but ${onlyPackages.join(' and ')}: ${SEE_WALLS}.` }
              : { group: packages, message: `This package does not belong in this layer: ${SEE_WALLS}.` },
          ],
        },
      ],
    },
  })),
  {
    // Tests print their figures (fault counts, timings); scripts report what they did.
    files: ['tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['scripts/**', 'tests/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
