// Lint: TypeScript rules everywhere, plus the boundaries (docs/ARCHITECTURE.md, "Layers"):
// renderer/ never imports electron or Node; shared/ imports only an allow-listed set of packages;
// and the layers (below, `layering`) inside each process and between them, one way down.
// test/tools/lint-layering.test.ts proves each layer rule rejects a wrong import and passes a right one;
// test/tools/import-cycles.test.ts keeps the import graph free of cycles.
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

// Each source folder is one layer, and every folder under electron/main, renderer and shared has one:
// a file outside them all fails lint (boundaries/no-unknown-files), so a new folder must be given a type
// and an allow-list here. The vault's public surface (its index.ts) is enforced below with
// no-restricted-imports, because boundaries' elements are folders, not files.
const layers = [
  // Main process, from the bottom: the vault and the worker runner know nothing of the app.
  { type: 'vault', pattern: 'electron/main/vault' },
  { type: 'workers', pattern: 'electron/main/workers' },
  // The open settings file sits beside the vault, below the services.
  { type: 'settings', pattern: 'electron/main/settings' },
  // Adapters for formats the app reads and writes (email, calendars), over the packages that parse them.
  { type: 'mail', pattern: 'electron/main/mail' },
  { type: 'calendar', pattern: 'electron/main/calendar' },
  { type: 'services', pattern: 'electron/main/services' },
  // Reports are built from the views the handlers pass in; they never hold the vault.
  { type: 'reports', pattern: 'electron/main/reports' },
  { type: 'ipc', pattern: 'electron/main/ipc' },
  // The window and its hardening: Electron's BrowserWindow and session, never the page's code.
  { type: 'windows', pattern: 'electron/main/windows' },
  { type: 'preload', pattern: 'electron/preload' },
  // Renderer, from the bottom: the kit (api, forms, ui, clock, errors, routes, glossary), then the
  // Dexie working set, then the features (screens by domain), then the app shell that composes them.
  { type: 'kit', pattern: 'renderer/kit' },
  { type: 'db', pattern: 'renderer/db' },
  // Each folder of renderer/features is one feature.
  { type: 'feature', pattern: 'renderer/features/*' },
  { type: 'app', pattern: 'renderer/app' },
  { type: 'shared-domain', pattern: 'shared/domain' },
  { type: 'shared-ipc', pattern: 'shared/ipc' },
];
// Boundaries' elements are folders; the files at the top of electron/main (the composition root,
// core.ts and index.ts) and of renderer (main.tsx, the page's entry) are typed as files instead.
const entryFiles = [
  { category: 'main-entry', pattern: 'electron/main/*.ts' },
  { category: 'renderer-entry', pattern: 'renderer/*.tsx' },
  { category: 'stylesheet', pattern: 'renderer/*.css' },
];
const categories = new Set(entryFiles.map((f) => f.category));
const entity = (name) => (categories.has(name) ? { file: { categories: name } } : { element: { type: name } });
const shared = ['shared-domain', 'shared-ipc'];
const adapters = ['mail', 'calendar'];
// What each layer may import besides its own folder. Anything not listed is an error: an allow-list,
// not a list of exceptions, so a new import across layers has to be argued for here.
const allowed = {
  vault: ['workers', 'shared-domain'],
  workers: [],
  settings: ['shared-domain'],
  // Each format adapter knows only its own format, the worker runner and shared/.
  mail: ['workers', ...shared],
  calendar: ['workers', ...shared],
  services: ['vault', 'settings', ...adapters, ...shared],
  reports: [...shared],
  // Handlers adapt and delegate to services (and the adapters and reports that play that part).
  ipc: ['services', ...adapters, 'reports', ...shared],
  // The window guards its channel through ipc/handle.ts; it never loads the page's code.
  windows: ['ipc', ...shared],
  preload: [...shared],
  // The composition root wires every layer of main together.
  'main-entry': ['main-entry', 'vault', 'settings', ...adapters, 'services', 'reports', 'ipc', 'windows', ...shared],
  // The page reaches main only through window.api, so no renderer layer imports electron/ or preload.
  kit: [...shared],
  db: ['kit', ...shared],
  // Features use one another, the kit and the working set; never the shell that composes them.
  feature: ['feature', 'db', 'kit', ...shared],
  app: ['feature', 'db', 'kit', ...shared],
  'renderer-entry': ['app', 'stylesheet'],
  // shared/ is used by both processes, so it depends on neither; the domain is below the contract.
  'shared-ipc': ['shared-domain'],
  'shared-domain': [],
};
const layering = {
  default: 'disallow',
  // An import of a local file that belongs to no layer is refused too, not skipped.
  checkUnknownLocals: true,
  // A layer with an empty list imports only its own folder (imports inside one element are not checked).
  policies: Object.entries(allowed)
    .filter(([, targets]) => targets.length > 0)
    .map(([from, targets]) => ({ from: entity(from), allow: { to: targets.map(entity) } })),
};

// shared/ may import only these packages (and its own files): pure rules and schemas, nothing that
// ties it to Node, Electron or the DOM. Any other bare specifier is refused.
const sharedPackages = ['zod', 'date-fns', '@date-fns/tz', 'date-holidays'];
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const sharedImports = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^(?!\\.{1,2}(/|$)|(${sharedPackages.map(escapeRegex).join('|')})$)`,
          message: `shared/ is platform-free: it imports only its own files and ${sharedPackages.join(', ')}.`,
        },
      ],
    },
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
      'boundaries/files': entryFiles,
    },
    rules: { 'boundaries/dependencies': ['error', layering], 'boundaries/no-unknown-files': 'error' },
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
    rules: sharedImports,
  },
  {
    // The one mock of electron and test helpers use loose types on purpose.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
