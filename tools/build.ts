// Builds the app into dist/: main and preload bundled by esbuild (each one self-contained file,
// so the sandboxed preload needs no require and the package needs no node_modules), renderer by Vite.
// `--renderer-only` is for the browser tests, which run main-process code in Node instead.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { WORKER_ENTRIES } from '../electron/main/workers/entries';

const rendererOnly = process.argv.includes('--renderer-only');

if (!rendererOnly) {
  rmSync('dist/main', { recursive: true, force: true });
  rmSync('dist/preload', { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    external: ['electron'],
    logLevel: 'warning' as const,
    legalComments: 'none' as const,
    // ESM dependencies (electron-store, conf) read import.meta.url; give them the CJS equivalent.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  // Each worker thread's code, bundled on its own and carried inside main as a string
  // (electron/main/workers/run.ts runs it with eval), so no worker loads a file from the archive.
  const workerSources: Record<string, string> = {};
  for (const [name, entry] of Object.entries(WORKER_ENTRIES)) {
    const out = await build({ ...common, entryPoints: [entry], write: false, outfile: `${name}.worker.cjs` });
    workerSources[name] = out.outputFiles[0]!.text;
  }
  await build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/main/index.cjs',
    define: { ...common.define, __NTK_WORKER_SOURCES__: JSON.stringify(workerSources) },
  });
  await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/preload/index.cjs' });
}

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(rendererOnly ? 'Built the renderer into dist/renderer.' : 'Built main, preload and renderer into dist/.');
