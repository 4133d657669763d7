// Bundles the CLI into dist/cli/fedstudio.mjs so `npx fedstudio` starts fast with plain Node.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/fedstudio.ts'],
  outfile: 'dist/cli/fedstudio.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
