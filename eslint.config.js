import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'http',
  'net',
  'os',
  'crypto',
  'url',
  'stream',
  'events',
  'child_process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '.podium/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The service worker is plain JavaScript, served with its build id written in (vite.config.ts).
    files: ['client/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // shared/ is the protocol: it imports nothing but itself.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\./).*', message: 'shared/ imports nothing: no packages, no node: modules, no app code.' },
          ],
        },
      ],
    },
  },
  {
    // Only the store speaks SQL: no pg or PGlite anywhere else on the server.
    files: ['server/**/*.ts'],
    ignores: ['server/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'pg', message: 'Only server/store/ may import pg.' },
            { name: '@electric-sql/pglite', message: 'Only server/store/ may import PGlite.' },
          ],
          patterns: [{ group: ['../client/*', '../../client/*'], message: 'The server never imports client code.' }],
        },
      ],
    },
  },
  {
    // The browser: types from shared/, never server code, never Node.
    files: ['client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'pg', message: 'The client never talks to the database.' }],
          patterns: [
            { group: ['**/server/*', '**/server'], message: 'client/ never imports server/.' },
            { group: nodeBuiltins, message: 'client/ runs in the browser: no Node modules.' },
            {
              regex: '^(\\.\\./)+shared/(?!(?:validate|room-validate|backoff|deck-rules)\\.js$).*',
              allowTypeImports: true,
              message:
                'client/ imports only types from shared/ (and its pure code: validate, room-validate, backoff, deck-rules).',
            },
          ],
        },
      ],
    },
  },
);
