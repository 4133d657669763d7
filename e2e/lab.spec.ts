// The lab in the app: Launch runs the design on the local Docker engine with the local
// test images, every node goes healthy and every scrape and federate edge up on the canvas, and
// Stop with volumes leaves nothing with the lab's label. Needs Docker and
// scripts/lab-test-images.sh; skipped without them (failed in CI).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { labUnavailable, TEST_IMAGES } from '../host/lab/integration-helpers.ts';
import { parseTopology } from '../shared/design/parse.ts';
import { expect, test } from './support/fixtures.ts';
import { startWebHostProcess } from './support/web-host.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const LAUNCH_TIMEOUT_MS = 120_000;

function labLeftovers(name: string): string[] {
  const out = execFileSync(
    'docker',
    ['ps', '-a', '--filter', `label=io.fedstudio.lab=${name}`, '--format', '{{.Names}}'],
    { encoding: 'utf8' },
  );
  return out.split('\n').filter(Boolean);
}

test('launches the design as a lab, shows it live on the canvas, and stops it', async ({
  browser,
}) => {
  test.skip(Boolean(process.env.FEDSTUDIO_E2E_SKIP), process.env.FEDSTUDIO_E2E_SKIP);
  const why = await labUnavailable();
  if (why !== null) {
    if (process.env.CI) throw new Error(`the lab e2e test needs Docker in CI: ${why}`);
    test.skip(true, why);
  }
  test.setTimeout(LAUNCH_TIMEOUT_MS + 90_000);

  // A lab name of its own, so other labs on this engine are never touched.
  const name = `e2e-lab-${process.pid}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-e2e-lab-'));
  const file = path.join(dir, 'dc.topology.yaml');
  const text = readFileSync(
    path.join(ROOT, 'templates/dc-federation.topology.yaml'),
    'utf8',
  ).replace(/^ {2}name: dc-federation$/m, `  name: ${name}`);
  writeFileSync(file, text);
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error('template does not parse');
  const t = parsed.topology;
  expect(t.metadata.name).toBe(name);
  const checked = (t.edges ?? []).filter((e) => e.kind === 'scrape' || e.kind === 'federate');

  const host = await startWebHostProcess([file, '--workspace', dir], {
    FEDSTUDIO_STATE_DIR: path.join(dir, '.state'),
    ...TEST_IMAGES,
  });
  const page = await browser.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.getByTestId('lab-panel')).toBeVisible();
    await page.getByTestId('cmd-lab-up').click();

    // Every node of the design healthy, every scrape and federate edge up.
    const bounded = { timeout: LAUNCH_TIMEOUT_MS };
    for (const n of t.nodes) {
      await expect(
        page.locator(`.react-flow__node[data-id="${n.id}"] .dn`),
        `node ${n.id}`,
      ).toHaveAttribute('data-lab-state', 'healthy', bounded);
    }
    for (const e of checked) {
      await expect(
        page.locator(`.react-flow__edge[data-id="${e.id}"] path.react-flow__edge-path`),
        `edge ${e.id}`,
      ).toHaveAttribute('data-lab-state', 'up', bounded);
    }
    // The panel lists each container with its UI link, opening in a new tab.
    const rows = page.getByTestId('lab-instance');
    expect(await rows.count()).toBeGreaterThanOrEqual(t.nodes.length);
    const link = page.getByTestId('lab-ui-link').first();
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\//);
    mkdirSync(path.join(ROOT, 'test-results/screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results/screenshots/lab.png') });

    // A container's logs.
    await page.getByTestId('lab-logs-btn').first().click();
    await expect(page.getByTestId('lab-logs')).not.toBeEmpty();

    // Stop, with volumes.
    await page.getByTestId('cmd-lab-down').click();
    await page.getByTestId('lab-volumes').check();
    await page.getByTestId('dialog-ok').click();
    await expect(page.getByTestId('notice')).toContainText('Stopped the lab', { timeout: 60_000 });
    await expect(page.locator('.dn[data-lab-state]')).toHaveCount(0);
    expect(labLeftovers(name)).toEqual([]);
  } finally {
    await page.close();
    // Whatever happened, the lab goes: the CLI's runner, the same one the host used.
    try {
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'dist/cli/fedstudio.mjs'), 'lab', 'down', file, '--volumes'],
        { env: { ...process.env, FEDSTUDIO_STATE_DIR: path.join(dir, '.state') }, stdio: 'ignore' },
      );
    } catch {
      for (const c of labLeftovers(name)) execFileSync('docker', ['rm', '-f', c]);
    }
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
