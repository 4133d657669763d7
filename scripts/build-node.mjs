// Bundles the Node entry points into dist/ so they start fast: the CLI (dist/cli/fedstudio.mjs),
// the web host (dist/web/main.mjs), and Electron's main and preload (dist/electron/*.cjs). The host's
// design worker goes next to the web host's and Electron's main bundle, self-contained, since a
// worker thread loads it by file name.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
};

// Electron loads its main process and (sandboxed) preload as CommonJS; the preload may require
// nothing but `electron`, so everything else is bundled into it.
const electron = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
  // Shared services find files relative to import.meta.url; give CommonJS the same answer.
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// Electron's copy is CommonJS, the format its worker threads load from the app's asar archive.
const designWorker = (outfile) =>
  build({
    ...common,
    packages: 'bundle',
    ...(outfile.endsWith('.cjs')
      ? { format: 'cjs' }
      : {
          // Bundled CommonJS packages require Node's built-ins; an ES module has no `require`.
          banner: {
            js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
          },
        }),
    entryPoints: ['host/services/design-worker-entry.ts'],
    outfile,
  });

await Promise.all([
  designWorker('dist/web/design-worker.mjs'),
  designWorker('dist/electron/design-worker.cjs'),
  // Split so that each command loads only its own code (cli/main.ts imports commands on demand):
  // `fedstudio --version` reads a few kilobytes, not the generators and the Docker client.
  build({
    ...common,
    entryPoints: ['cli/fedstudio.ts'],
    outdir: 'dist/cli',
    splitting: true,
    entryNames: '[name]',
    // Beside the entry: modules find files (templates/) relative to their own URL.
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    metafile: true,
  }).then(({ metafile }) => {
    // Chunks are named by content: last build's are removed once this one is in place (not
    // before, so a CLI running meanwhile finds its files).
    const made = new Set(Object.keys(metafile.outputs).map((f) => path.resolve(f)));
    for (const f of readdirSync('dist/cli'))
      if (!made.has(path.resolve('dist/cli', f))) rmSync(path.join('dist/cli', f), { force: true });
  }),
  build({ ...common, entryPoints: ['host/web/main.ts'], outfile: 'dist/web/main.mjs' }),
  build({
    ...electron,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    packages: 'external',
  }),
  build({
    ...electron,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
  }),
]);
