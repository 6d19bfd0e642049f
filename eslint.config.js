// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The import walls of DESIGN.md §2: each folder lists what it must not reach. */
const walls = [
  { files: ['src/shared/**'], forbid: ['store', 'sync', 'app', 'console', 'server', 'service-worker'], packages: ['dexie', 'idb-keyval', 'preact', 'fastify', 'kysely', 'node:*'] },
  { files: ['src/store/**'], forbid: ['sync', 'app', 'console', 'server', 'service-worker'], packages: ['preact', 'fastify', 'kysely', 'node:*'] },
  { files: ['src/sync/**'], forbid: ['store', 'app', 'console', 'server', 'service-worker'], packages: ['dexie', 'idb-keyval', 'preact', 'fastify', 'kysely', 'node:*'] },
  { files: ['src/app/**'], forbid: ['console', 'server', 'service-worker'], packages: ['fastify', 'kysely', 'node:*'] },
  { files: ['src/console/**'], forbid: ['app', 'server', 'service-worker'], packages: ['fastify', 'kysely', 'node:*'] },
  { files: ['service-worker/**'], forbid: ['app', 'console', 'server'], packages: ['preact', 'fastify', 'kysely', 'node:*'] },
  { files: ['src/server/**'], forbid: ['store', 'sync', 'app', 'console', 'service-worker'], packages: ['dexie', 'idb-keyval', 'preact'] },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench/results.json', 'dev-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...walls.map(({ files, forbid, packages }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\.?/)+(src/)?(${forbid.join('|')})(/|$)`,
              message: 'This import crosses a wall in DESIGN.md §2 (who may import whom).',
            },
            { group: packages, message: 'This package does not belong in this layer (DESIGN.md §2).' },
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
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
