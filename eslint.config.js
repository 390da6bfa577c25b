// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node built-ins and native addons may only be imported by runtime entries, the CLI and scripts. */
const runtimeOnlyImports = {
  patterns: [
    {
      group: ['node:*'],
      message: 'The core is runtime-free: node:* belongs in src/runtime/ or src/cli/.',
    },
    { group: ['@resvg/resvg-js'], message: 'Native rasterizer belongs in src/runtime/node/.' },
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
    ignores: ['src/runtime/node/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', runtimeOnlyImports] },
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
