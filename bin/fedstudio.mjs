#!/usr/bin/env node
// The CLI is bundled by `npm run build` (run by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/fedstudio.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'fedstudio: the CLI is not built yet; run `npm run build` (or `npm ci`) in the project folder.\n',
  );
  process.exit(2);
}
await import(bundle);
