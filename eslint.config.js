// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The core is runtime-free: Node built-ins, native or wasm rasterizers and the Workers runtime's
 * modules may only be imported by the runtime adapters (src/runtime/), the CLI and scripts.
 * (Import direction and cycles inside src/ are checked by test/structure.test.ts.)
 */
const runtimeOnlyImports = {
  patterns: [
    {
      group: ['node:*'],
      message: 'The core is runtime-free: node:* belongs in src/runtime/ or src/cli/.',
    },
    {
      group: ['cloudflare:*'],
      message: 'The core is runtime-free: cloudflare:* belongs in src/runtime/worker/.',
    },
    {
      group: ['@resvg/*'],
      message: 'Rasterizers are runtime adapters: @resvg/* belongs in src/runtime/.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.wrangler/', 'quotes/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/runtime/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', runtimeOnlyImports] },
  },
  {
    // The Worker and what it shares with the bench run in workerd: no Node built-in, no native addon.
    files: ['src/runtime/worker/**/*.ts', 'src/runtime/resvg-wasm.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The Worker runs in workerd: no node:* modules.' },
            {
              group: ['@resvg/resvg-js'],
              message: 'Native addon: the Worker rasterizes with @resvg/resvg-wasm.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks index into data they just built; a failed lookup fails loudly anyway.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
