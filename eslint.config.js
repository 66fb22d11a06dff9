// Lint rules, including the layering VS Code enforces with `code-layering`: shared code is pure,
// the engine knows nothing of Electron or the DOM, and only src-main/electron imports electron.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'url',
];

// The Node-side layers (engine, host, server, CLI) never import Electron, Electron main or the renderer.
const nodeLayerPatterns = [
  { group: ['electron'], message: 'Only src-main/electron may import electron.' },
  { group: ['**/electron/**', '**/src-renderer/**'], message: 'Wrong layer.' },
];

// Test kits: helpers only tests, benchmarks and test scripts use. They are named *.testkit.ts or live
// in a testing/ folder, and product code never imports them.
const testKitPatterns = [
  {
    group: ['**/*.testkit', '**/*.testkit.*', '**/testing/**', '**/testing'],
    message: 'Product code never imports test kits (*.testkit.ts, testing/).',
  },
];
const testFiles = [
  '**/*.test.ts',
  '**/*.testkit.ts',
  '**/testing/**',
  '**/*.manual.ts',
  'bench/**',
  'e2e/**',
  'scripts/**',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'src-main/engine/kernels/assembly/',
      'src-main/engine/kernels/build/',
      '**/*.manual.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['src-renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    ignores: ['src-main/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'src-main/shared is pure: no Node or Electron.',
            },
            {
              group: ['**/engine/**', '**/host/**', '**/server/**', '**/cli/**', '**/electron/**'],
              message: 'shared imports nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
    },
  },
  {
    files: [
      'src-main/engine/**/*.ts',
      'src-main/host/**/*.ts',
      'src-main/server/**/*.ts',
      'src-main/cli/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: nodeLayerPatterns,
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  {
    files: ['src-main/engine/**/*.ts'],
    ignores: ['src-main/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'The engine must run in plain Node.' },
            {
              group: [
                '**/host/**',
                '**/server/**',
                '**/cli/**',
                '**/electron/**',
                '**/src-renderer/**',
              ],
              message: 'The engine imports only shared code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The renderer is a sandboxed web page.',
            },
            {
              group: [
                '**/src-main/engine/**',
                '**/src-main/host/**',
                '**/src-main/server/**',
                '**/src-main/cli/**',
                '**/src-main/electron/**',
              ],
              message: 'The renderer imports only src-main/shared.',
            },
            {
              // Any package but svelte and echarts (vitest in the renderer's own tests): never
              // TensorFlow.js, papaparse or other engine libraries.
              regex: '^(?!\\.{1,2}/|svelte(/|$)|echarts(/|$)|vitest$)',
              message: 'The renderer imports only src-main/shared, svelte and echarts.',
            },
          ],
        },
      ],
    },
  },
  {
    // A rule of its own (the typescript-eslint twin of no-restricted-imports), so it adds to the
    // layering rules above instead of replacing their patterns.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    ignores: testFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: testKitPatterns }],
    },
  },
  {
    // The host reaches the engine through the engine map (shared/engineMethods.ts, over
    // shared/engineProtocol.ts) and never imports engine code, except the file primitives a
    // project save shares with the engine's own saves, so both write atomically with the same
    // owner-tagged temp names and model folders.
    files: ['src-main/host/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeLayerPatterns,
            {
              regex: '/engine/(?!fsAtomic/(writeFileAtomic|ownedNames)$|projects/projectModels$)',
              message:
                'The host calls the engine through shared/engineMethods.ts; it imports only the file primitives fsAtomic/writeFileAtomic, fsAtomic/ownedNames and projects/projectModels.',
            },
          ],
        },
      ],
    },
  },
  {
    // Electron main takes the CSP from shared/ and static files from host/, never from the server
    // or the engine.
    files: ['src-main/electron/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/engine/**', '**/cli/**', '**/src-renderer/**'],
              message:
                'Electron main imports only shared/ and host/ (the CSP is shared/contentSecurityPolicy.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Renderer state is shared by typed context (lib/state/studioContext.ts): components call
    // useStudio() and take what they need, never a `studio` prop; sub-states get their
    // dependencies through their constructor, never the root StudioState.
    files: ['src-renderer/components/**/*.svelte', 'src-renderer/lib/state/**/*.ts'],
    ignores: [
      ...testFiles,
      'src-renderer/lib/state/studioState.svelte.ts',
      'src-renderer/lib/state/studioContext.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "VariableDeclarator[init.callee.name='$props'] Property[key.name='studio']",
          message:
            'Read the studio state with useStudio() (lib/state/studioContext.ts), not a prop.',
        },
        {
          selector: "TSTypeReference[typeName.name='StudioState']",
          message:
            'Components read the studio state with useStudio(); sub-states take narrow dependencies, not the root StudioState.',
        },
      ],
    },
  },
);
