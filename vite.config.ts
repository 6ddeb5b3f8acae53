import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Builds the renderer only. Main and preload are bundled by tools/build.ts with esbuild.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or styles: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
