// Starts the web host once for the suite, in a temporary workspace holding copies of the
// templates, with its own state folder. Tests read the URL from FEDSTUDIO_E2E_URL.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from './browser.ts';
import { startWebHostProcess } from './web-host.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export default async function globalSetup(): Promise<() => void> {
  if (!chromiumPath()) {
    const why =
      "no Chromium: install Debian's chromium (apt-get install chromium) or set FEDSTUDIO_CHROMIUM";
    if (process.env.CI) throw new Error(`e2e needs a browser in CI: ${why}`);
    process.env.FEDSTUDIO_E2E_SKIP = why;
    console.warn(`SKIPPED: the e2e suite: ${why}`);
    return () => undefined;
  }
  if (
    !existsSync(path.join(ROOT, 'dist/renderer/index.html')) ||
    !existsSync(path.join(ROOT, 'dist/web/main.mjs'))
  ) {
    throw new Error('build first: npm run build:all (npm test does it)');
  }
  const workspace = mkdtempSync(path.join(tmpdir(), 'fedstudio-e2e-'));
  cpSync(path.join(ROOT, 'templates'), path.join(workspace, 'templates'), {
    recursive: true,
    filter: (src) => !src.endsWith('.ts'),
  });
  const state = path.join(workspace, '.state');
  const host = await startWebHostProcess(['--workspace', workspace], {
    FEDSTUDIO_STATE_DIR: state,
  });
  process.env.FEDSTUDIO_E2E_URL = host.url;
  process.env.FEDSTUDIO_E2E_WORKSPACE = workspace;
  return () => {
    host.stop();
    rmSync(workspace, { recursive: true, force: true });
  };
}
