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
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked with the nearest tsconfig.json: the root one (Node side and
        // shared/), renderer/tsconfig.json, e2e/tsconfig.json. vite.config.ts is in none.
        projectService: { allowDefaultProject: ['vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      // A switch over a union names every member; `default` does not count as naming them, so
      // a new kind or state makes every switch that forgot it fail lint.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Numbers and booleans read plainly in messages and YAML; objects, nullish values and
      // `any` still need an explicit conversion.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      // `onClick={() => setOpen(false)}` is the React idiom; a void value returned from a
      // function body or used in an expression is still refused.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // The plain JavaScript files (this config, bin/, scripts/*.mjs) are in no tsconfig.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests (and the fakes they drive) state what they expect; a `!` there fails loudly, which
    // is what a test wants.
    files: ['**/*.test.ts', 'e2e/**/*.spec.ts', '**/fake-*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests walk parsed YAML and JSON of generated output (`any`); a wrong path fails the
      // assertion that reads it, so typing every document would add nothing.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Fakes of Promise-returning interfaces answer at once; `async` there is the plain way to
      // return a promise.
      '@typescript-eslint/require-await': 'off',
    },
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
