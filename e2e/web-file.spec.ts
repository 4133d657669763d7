// `npm run web -- FILE` opens FILE: every node of it is on the canvas.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTopology } from '../shared/model/parse.ts';
import { expect, test } from './support/fixtures.ts';
import { startWebHostProcess } from './support/web-host.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

test('the web host opens the design it is given', async ({ browser }) => {
  test.skip(Boolean(process.env.FEDSTUDIO_E2E_SKIP), process.env.FEDSTUDIO_E2E_SKIP);
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-webfile-'));
  const file = path.join(dir, 'geo.topology.yaml');
  copyFileSync(path.join(ROOT, 'templates/geo-federation.topology.yaml'), file);
  const parsed = parseTopology(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('template does not parse');
  const host = await startWebHostProcess([file], { FEDSTUDIO_STATE_DIR: path.join(dir, '.state') });
  try {
    const url = host.url;
    const page = await browser.newPage();
    await page.goto(url);
    for (const n of parsed.topology.nodes) {
      await expect(page.locator(`.react-flow__node[data-id="${n.id}"]`)).toHaveCount(1);
    }
    await expect(page).toHaveTitle(/geo-federation/);
    await page.close();
  } finally {
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
