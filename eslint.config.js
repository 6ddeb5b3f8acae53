// Lint: TypeScript rules everywhere, plus the boundaries (docs/ARCHITECTURE.md, "Layers"):
// renderer/ never imports electron or Node; shared/ imports nothing platform-specific;
// and the layers (below, `layering`) inside main and between the processes.
// test/tools/lint-layering.test.ts proves each layer rule rejects a wrong import.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
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

// Each source folder is one layer. The vault's public surface (its index.ts) is enforced below
// with no-restricted-imports, because boundaries' elements are folders, not files.
const layers = [
  { type: 'vault', pattern: 'electron/main/vault' },
  { type: 'services', pattern: 'electron/main/services' },
  { type: 'ipc', pattern: 'electron/main/ipc' },
  // The open settings file sits beside the vault, below the services.
  { type: 'settings', pattern: 'electron/main/settings' },
  // Adapters for formats the app reads and writes (email, calendars): used by services, like the vault.
  { type: 'adapters', pattern: 'electron/main/mail' },
  { type: 'adapters', pattern: 'electron/main/calendar' },
  // Worker threads: the runner and each worker's serving loop, used by the vault and the adapters.
  { type: 'workers', pattern: 'electron/main/workers' },
  // The composition root (core.ts, index.ts) and the windows.
  { type: 'main', pattern: 'electron/main' },
  { type: 'preload', pattern: 'electron/preload' },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'shared-domain', pattern: 'shared/domain' },
  { type: 'shared-ipc', pattern: 'shared/ipc' },
];
const to = (types) => ({ to: { element: { types: { anyOf: types } } } });
const notTo = (types) => ({ to: { element: { types: { noneOf: types } } } });
const layering = {
  default: 'allow',
  policies: [
    // The vault is the bottom layer: it knows only itself and the pure domain.
    { from: { element: { type: 'vault' } }, disallow: notTo(['vault', 'workers', 'shared-domain']) },
    // Only main's own layers (composition root, services, settings) may reach the vault at all.
    { from: { element: { types: { noneOf: ['vault', 'main', 'services'] } } }, disallow: to(['vault']) },
    // Format adapters know only themselves, the pure domain and the shared error type.
    { from: { element: { type: 'adapters' } }, disallow: notTo(['adapters', 'workers', 'shared-domain', 'shared-ipc']) },
    // The worker runner knows nothing of the app.
    { from: { element: { type: 'workers' } }, disallow: notTo(['workers']) },
    // Services are below the handlers: they never import ipc/, the preload or the renderer.
    { from: { element: { type: 'services' } }, disallow: to(['ipc', 'main', 'preload', 'renderer']) },
    // Handlers adapt and delegate to services; they never hold the vault themselves.
    { from: { element: { type: 'ipc' } }, disallow: to(['vault', 'settings', 'preload', 'renderer']) },
    // The page reaches main only through window.api: it imports shared/ and its own files.
    { from: { element: { type: 'renderer' } }, disallow: notTo(['renderer', 'shared-domain', 'shared-ipc']) },
    { from: { element: { type: 'preload' } }, disallow: notTo(['preload', 'shared-ipc', 'shared-domain']) },
    // shared/ is used by both processes, so it depends on neither.
    { from: { element: { types: { anyOf: ['shared-domain', 'shared-ipc'] } } }, disallow: notTo(['shared-domain', 'shared-ipc']) },
    // The domain is below the contract: schemas and rules never know about channels.
    { from: { element: { type: 'shared-domain' } }, disallow: to(['shared-ipc']) },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': layers,
    },
    rules: { 'boundaries/dependencies': ['error', layering] },
  },
  {
    // The vault is Node-only: Electron's safeStorage and powerMonitor reach it through plain interfaces.
    files: ['electron/main/vault/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store'].map((name) => ({
            name,
            message: 'The vault is Node-only; pass Electron features in through an interface.',
          })),
        },
      ],
    },
  },
  {
    // Outside the vault, main reaches it only through its public surface, electron/main/vault/index.ts.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/vault/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)vault/(?!index$).+',
              message: 'Import the vault through its public surface, electron/main/vault (index.ts), not its internal modules.',
            },
          ],
        },
      ],
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
