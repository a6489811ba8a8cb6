// Lint rules: the recommended sets of ESLint and typescript-eslint, plus the few rules that keep I/O at the edges.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'annotations/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', AbortController: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    // The pure core never touches the process or the file system (STYLE.md §2).
    files: ['src/nlp/**', 'src/extract/**', 'src/model/**', 'src/serialize/**', 'src/corpus/**', 'src/app/diff-annotations.ts', 'src/app/report/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['node:fs', 'node:fs/promises', 'fs', 'node:process', 'node:child_process'] }],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    files: ['scripts/**', 'bin/**', 'examples/**'],
    rules: { 'no-console': 'off' },
  },
);
