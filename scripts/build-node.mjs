// Bundles the Node entry points (the CLI and the web host) into dist/ so they start fast with
// plain Node: dist/cli/fedstudio.mjs and dist/web/main.mjs.
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

await Promise.all([
  build({ ...common, entryPoints: ['cli/fedstudio.ts'], outfile: 'dist/cli/fedstudio.mjs' }),
  build({ ...common, entryPoints: ['electron/web/main.ts'], outfile: 'dist/web/main.mjs' }),
]);
