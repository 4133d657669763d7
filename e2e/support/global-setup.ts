// Starts the web host once for the suite, in a temporary workspace holding copies of the
// templates, with its own state folder. Tests read the URL from FEDSTUDIO_E2E_URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!chromiumPath()) {
    const why =
      "no Chromium: install Debian's chromium (apt-get install chromium) or set FEDSTUDIO_CHROMIUM";
    if (process.env.CI) throw new Error(`e2e needs a browser in CI: ${why}`);
    process.env.FEDSTUDIO_E2E_SKIP = why;
    console.warn(`SKIPPED: the e2e suite: ${why}`);
    return async () => {};
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
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/web/main.mjs'), '--workspace', workspace],
    {
      env: { ...process.env, FEDSTUDIO_STATE_DIR: state },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 20_000);
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)));
  });
  process.env.FEDSTUDIO_E2E_URL = url;
  process.env.FEDSTUDIO_E2E_WORKSPACE = workspace;
  return async () => {
    child.kill('SIGTERM');
    rmSync(workspace, { recursive: true, force: true });
  };
}
