// Lint: TypeScript rules everywhere, plus the boundaries of DESIGN §2:
// renderer/ never imports electron or Node; shared/ imports nothing platform-specific.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noPlatform = (extra, why) => ({
  'no-restricted-imports': [
    'error',
    {
      // Exact names as `paths`: a pattern like "domain" would also match our own shared/domain.
      paths: [...new Set([...nodeBuiltins, ...extra])].map((name) => ({ name, message: why })),
      patterns: [{ group: ['node:*', ...extra.map((e) => `${e}/*`)], message: why }],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noPlatform(['electron', 'electron-store'], 'The renderer is sandboxed: it reaches the main process only through window.api.'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: noPlatform(
      ['electron', 'electron-store', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'hash-wasm'],
      'shared/ is platform-free: pure types, schemas and rules used by both sides.',
    ),
  },
  {
    // The one mock of electron and test helpers use loose types on purpose.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
