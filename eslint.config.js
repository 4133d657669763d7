// Layers of DESIGN.md, enforced: shared/ is the pure core; renderer/ never reaches Node or Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
  'util',
  'events',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Tests state what they expect; a `!` there fails loudly, which is what a test wants.
    files: ['**/*.test.ts', 'e2e/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node modules (DESIGN.md).' },
            {
              group: ['react', 'react-*', '@xyflow/*', 'zustand', 'zustand/*'],
              message: 'shared/ is pure: no UI libraries.',
            },
            {
              group: ['electron', 'electron/*', 'dockerode'],
              message: 'shared/ is pure: no Electron or Docker.',
            },
            {
              group: ['**/electron/**', '**/renderer/**', '**/cli/**', '**/host/**'],
              message: 'shared/ may not import the hosts around it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The validator reads the design graph, not the generators' output: it checks a design the
    // generators may not be able to export. (The TypeScript twin of the rule, so that the shared/
    // purity list above still applies to these files.)
    files: ['shared/validate/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)generate(/|$)',
              message: 'shared/validate builds on shared/graph, never on shared/generate.',
            },
          ],
        },
      ],
    },
  },
  {
    // host/ serves the CLI and the web host too: it stays free of Electron, and so do the CLI
    // and the tools around them.
    files: ['host/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'test-support/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A regex, not a gitignore-style group: the package `electron` and anything under
              // the electron/ folder.
              regex: '^(electron(/.*)?|(\\.\\./)+electron/.*)$',
              message: 'Only electron/main and electron/preload may use Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'renderer/ reaches the host only through host-api.' },
            {
              group: ['electron', 'electron/*', 'dockerode', '**/electron/**', '**/cli/**'],
              message: 'renderer/ reaches the host only through host-api.',
            },
          ],
        },
      ],
    },
  },
);
