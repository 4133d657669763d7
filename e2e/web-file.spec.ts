// `npm run web -- FILE` opens FILE: every node of it is on the canvas.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTopology } from '../shared/model/parse.ts';
import { expect, test } from './support/fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

test('the web host opens the design it is given', async ({ browser }) => {
  test.skip(Boolean(process.env.FEDSTUDIO_E2E_SKIP), process.env.FEDSTUDIO_E2E_SKIP);
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-webfile-'));
  const file = path.join(dir, 'geo.topology.yaml');
  copyFileSync(path.join(ROOT, 'templates/geo-federation.topology.yaml'), file);
  const parsed = parseTopology(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('template does not parse');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/web/main.mjs'), file], {
    env: { ...process.env, FEDSTUDIO_STATE_DIR: path.join(dir, '.state') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL: ${out}`)), 20_000);
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const page = await browser.newPage();
    await page.goto(url);
    for (const n of parsed.topology.nodes) {
      await expect(page.locator(`.react-flow__node[data-id="${n.id}"]`)).toHaveCount(1);
    }
    await expect(page.getByTestId('app-title')).toContainText('geo');
    await page.close();
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
