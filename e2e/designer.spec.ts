import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  connect,
  dropFromPalette,
  edgeEl,
  newEmptyDesign,
  nodeEl,
  openTemplate,
  waitForViewportAtRest,
} from './support/actions.ts';
import { expect, test, waitForSession } from './support/fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

test('builds a two-level federation from nothing, catches a bad match, undoes, saves, reopens and exports', async ({
  app: page,
}) => {
  await newEmptyDesign(page);
  await dropFromPalette(page, 'prometheus', 300, 420);
  await dropFromPalette(page, 'targets', 300, 640);
  await dropFromPalette(page, 'prometheus', 300, 160);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  // The first Prometheus is "prometheus", the second "prometheus-2", the targets "node".
  await connect(page, 'prometheus', 'node');
  await connect(page, 'prometheus-2', 'prometheus');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  const federate = page.locator('.react-flow__edge[data-id^="federate-"]');
  await expect(federate).toHaveCount(1);

  // Give the leaf a datacenter label so only the match is wrong.
  await nodeEl(page, 'prometheus').click();
  await page
    .getByTestId('inspector')
    .getByRole('button', { name: /add label/i })
    .first()
    .click();
  const inspector = page.getByTestId('inspector');
  await inspector.locator('[data-testid="field-externalLabels"] input').nth(0).fill('datacenter');
  await inspector.locator('[data-testid="field-externalLabels"] input').nth(1).fill('eu-west-1');
  await inspector.locator('[data-testid="field-externalLabels"] input').nth(1).press('Enter');

  const edgeId = (await federate.getAttribute('data-id'))!;
  await edgeEl(page, edgeId).click({ force: true });
  const match = page.getByTestId('field-match');
  await match.fill('{__name__=~".+"}');
  await match.blur();
  const finding = page.locator('[data-testid="finding"][data-rule="fed-match-everything"]');
  await expect(finding).toHaveCount(1);
  await expect(page.getByTestId('badge-prometheus-2')).toBeVisible();
  // The fix is on the federate edge: the finding shows and selects the edge, not a node.
  await nodeEl(page, 'node').click();
  await finding.click();
  await expect(edgeEl(page, edgeId)).toHaveClass(/selected/);
  await expect(page.getByTestId('field-match')).toBeVisible();
  // Why it matters, and where the advice comes from, with code spans set as code.
  const why = page.locator('li', { has: finding }).getByTestId('finding-why');
  await why.locator('summary').click();
  await expect(why).toContainText('Sources: Prometheus docs, “Federation”');
  await expect(finding.locator('code').first()).toBeVisible();
  await page
    .getByTestId('problems')
    .screenshot({ path: 'test-results/screenshots/finding-why.png' });
  await page.screenshot({ path: 'test-results/screenshots/fed-match-everything.png' });

  await match.fill('{__name__=~"job:.*"}');
  await match.blur();
  await expect(finding).toHaveCount(0);

  // Undo brings the bad match back; redo fixes it again.
  await page.getByTestId('cmd-undo').click();
  await expect(finding).toHaveCount(1);
  await page.getByTestId('cmd-redo').click();
  await expect(finding).toHaveCount(0);

  // Save as, reload the page, reopen: the same design.
  await page.getByTestId('cmd-save-as').click();
  await page.getByTestId('path-input').fill('two-level.topology.yaml');
  await page.getByTestId('dialog-ok').click();
  await expect(page.getByTestId('dialog-save-as')).toBeHidden();
  const workspace = process.env.FEDSTUDIO_E2E_WORKSPACE!;
  expect(existsSync(path.join(workspace, 'two-level.topology.yaml'))).toBe(true);
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await waitForSession(page);
  if (await page.getByTestId('dialog-templates').isVisible())
    await page.getByTestId('dialog-cancel').click();
  await page.getByTestId('cmd-open').click();
  await page.getByTestId('path-input').fill('two-level.topology.yaml');
  await page.getByTestId('dialog-ok').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.locator('[data-testid="finding"][data-severity="error"]')).toHaveCount(0);

  // Export, and let promtool judge the output.
  await page.getByTestId('cmd-export').click();
  await page.getByTestId('path-input').fill('two-level-export');
  await page.getByTestId('dialog-ok').click();
  await expect(page.getByTestId('export-result')).toContainText(/files/);
  const out = path.join(workspace, 'two-level-export', 'prometheus');
  const servers = readdirSync(out);
  expect(servers.sort()).toEqual(['prometheus', 'prometheus-2']);
  for (const s of servers) {
    const r = spawnSync('promtool', ['check', 'config', path.join(out, s, 'prometheus.yml')], {
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }
});

const templates = readdirSync(path.join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.topology.yaml'))
  .map((f) => f.replace('.topology.yaml', ''));

for (const id of templates) {
  test(`opens template ${id}`, async ({ app: page }) => {
    await openTemplate(page, id);
    const count = await page.locator('.react-flow__node').count();
    expect(count).toBeGreaterThan(1);
    await page.getByTestId('cmd-fit').click();
    await waitForViewportAtRest(page);
    await page.screenshot({ path: `test-results/screenshots/template-${id}.png` });
    await expect(page.locator('[data-testid="finding"][data-severity="error"]')).toHaveCount(0);
  });
}

test('the first drop on an empty canvas lands under the cursor', async ({ app: page }) => {
  await newEmptyDesign(page);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await dropFromPalette(page, 'prometheus', 300, 300);
  await waitForViewportAtRest(page);
  const node = (await nodeEl(page, 'prometheus').boundingBox())!;
  // Centred on the drop point, give or take the grid snap.
  expect(Math.abs(node.x + node.width / 2 - (canvas.x + 300))).toBeLessThan(25);
  expect(Math.abs(node.y + node.height / 2 - (canvas.y + 300))).toBeLessThan(40);
});
