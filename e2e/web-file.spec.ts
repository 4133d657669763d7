// `npm run web -- FILE` opens FILE: every node of it is on the canvas; unsaved work is offered
// back after a restart with a file; a template opened by path is an unsaved copy.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTopology } from '../shared/design/parse.ts';
import { expect, test, waitForSession } from './support/fixtures.ts';
import { newEmptyDesign, nodeEl } from './support/actions.ts';
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

/** A scratch folder with the web host's state and home inside it, removed at the end. */
function scratch(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const env = { FEDSTUDIO_STATE_DIR: path.join(dir, '.state'), HOME: dir };
  return { dir, env, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('unsaved work is offered back when the app is started with a file', async ({ browser }) => {
  test.skip(Boolean(process.env.FEDSTUDIO_E2E_SKIP), process.env.FEDSTUDIO_E2E_SKIP);
  const s = scratch('fedstudio-recover-');
  const file = path.join(s.dir, 'geo.topology.yaml');
  copyFileSync(path.join(ROOT, 'templates/geo-federation.topology.yaml'), file);
  const parsed = parseTopology(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error('template does not parse');
  const victim = parsed.topology.nodes.find((n) => n.kind === 'targets');
  if (!victim) throw new Error('the template has no targets node');
  let host = await startWebHostProcess([file], s.env);
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await nodeEl(page, victim.id).click();
    await page.keyboard.press('Delete');
    await expect(nodeEl(page, victim.id)).toHaveCount(0);
    await expect(page.getByTestId('dirty')).toBeVisible();
    // Autosave writes the recovery slot after a pause in editing.
    await expect
      .poll(() => existsSync(path.join(s.dir, '.state', 'recovery.json')), { timeout: 10_000 })
      .toBe(true);
    await page.close();
    host.stop();

    host = await startWebHostProcess([file], s.env);
    const again = await browser.newPage();
    await again.goto(host.url);
    await waitForSession(again);
    const dialog = again.getByTestId('dialog-recovery');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('geo.topology.yaml');
    await dialog.getByTestId('dialog-ok').click();
    await expect(nodeEl(again, victim.id)).toHaveCount(0);
    await expect(again.getByTestId('dirty')).toBeVisible();
    await again.close();
  } finally {
    host.stop();
    s.done();
  }
});

test('a template opened by path is an unsaved copy saved outside templates/', async ({
  browser,
}) => {
  test.skip(Boolean(process.env.FEDSTUDIO_E2E_SKIP), process.env.FEDSTUDIO_E2E_SKIP);
  const s = scratch('fedstudio-tplcopy-');
  const template = path.join(ROOT, 'templates/geo-federation.topology.yaml');
  const before = readFileSync(template, 'utf8');
  const host = await startWebHostProcess([template], s.env);
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await waitForSession(page);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    // Untouched, the copy is no unsaved work; it has no file yet.
    await expect(page.getByTestId('dirty')).toBeHidden();
    await expect(page.getByTestId('doc-path')).not.toContainText('templates');
    await page.keyboard.press('Control+s');
    const dialog = page.getByTestId('dialog-save-as');
    await expect(dialog).toContainText(s.dir);
    await page.getByTestId('path-input').fill('my-geo');
    await dialog.getByTestId('dialog-ok').click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => existsSync(path.join(s.dir, 'my-geo.topology.yaml'))).toBe(true);
    expect(readFileSync(template, 'utf8')).toBe(before);
    await page.close();
  } finally {
    host.stop();
    s.done();
  }
});

test('Save As names an untitled design after its file', async ({ browser }) => {
  test.skip(Boolean(process.env.FEDSTUDIO_E2E_SKIP), process.env.FEDSTUDIO_E2E_SKIP);
  const s = scratch('fedstudio-saveas-');
  const host = await startWebHostProcess(['--workspace', s.dir], s.env);
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await waitForSession(page);
    await newEmptyDesign(page);
    await expect(page.getByTestId('doc-title')).toContainText('untitled');
    await page.keyboard.press('Control+s');
    await page.getByTestId('path-input').fill('payments-eu');
    await page.getByTestId('dialog-save-as').getByTestId('dialog-ok').click();
    await expect(page.getByTestId('doc-title')).toContainText('payments-eu');
    await expect(page.getByTestId('dirty')).toBeHidden();
    const saved = readFileSync(path.join(s.dir, 'payments-eu.topology.yaml'), 'utf8');
    expect(saved).toMatch(/^\s+name: payments-eu$/m);
    await page.close();
  } finally {
    host.stop();
    s.done();
  }
});
