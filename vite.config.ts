import { defineConfig } from 'vite';

// The renderer: plain React with the automatic JSX runtime, built into dist/renderer.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
});
