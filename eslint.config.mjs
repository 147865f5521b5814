// The one ESLint configuration for every package (`npm run lint`). The n8n community-node rules (what
// `n8n-node lint` enforces) live in n8n-node/eslint.config.mjs, so the package still lints on its own;
// they are applied here to n8n-node/ as well.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import n8nNode from './n8n-node/eslint.config.mjs';

const underN8nNode = (glob) => `n8n-node/${glob}`;
// A config object without `files` applies to every file; scoped here to n8n-node/ so its settings (such as
// the scanner's "inline disables don't count") stay with the package they were written for.
const n8nRules = n8nNode.map((c) => {
  const ignores = c.ignores?.map(underN8nNode);
  const scoped = { ...c, files: c.files ? c.files.map(underN8nNode) : [underN8nNode('**')] };
  if (ignores) scoped.ignores = ignores;
  if (c.ignores && Object.keys(c).length === 1) return { ignores }; // a global ignore list stays global
  return scoped;
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'test-artifacts/**',
      '.mutant-apps-script-*/**',
      // The tutorial's own Apps Script code, kept verbatim as the benchmark's baseline.
      'test/bench/baseline/**',
    ],
  },
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `let env!: T` read by a closure before its one assignment is deliberate (two stand-ins sharing a clock).
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Node scripts (build, deploy, mutants, soak, jest configs) are CommonJS.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and stand-ins handle untyped wire data, and load built CommonJS bundles and scripts by path.
    files: ['test/**', 'tools/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  ...n8nRules,
);
