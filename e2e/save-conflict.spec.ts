// A design changed on disk behind the app is never overwritten silently: saving asks Reload,
// Overwrite or Cancel, and so does coming back to the window.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseTopology } from '../shared/design/parse.ts';
import { dropFromPalette } from './support/actions.ts';
import { expect, test } from './support/fixtures.ts';

const design = (name: string) => `apiVersion: fedstudio/v1
kind: Topology
metadata:
  name: ${name}
nodes:
  - id: prom
    kind: prometheus
    name: prom
    position: { x: 0, y: 0 }
`;

const nodesIn = (file: string): number => {
  const parsed = parseTopology(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.topology.nodes.length;
};

test('a design changed on disk: save asks, overwrite writes mine, reload takes theirs', async ({
  app: page,
}) => {
  const workspace = process.env.FEDSTUDIO_E2E_WORKSPACE!;
  const file = path.join(workspace, 'conflict.topology.yaml');
  writeFileSync(file, design('mine'));

  // A fresh start shows the template gallery (nothing to recover): close it.
  await expect(page.getByTestId('dialog-templates')).toBeVisible();
  await page.getByTestId('dialog-cancel').click();
  await page.getByTestId('cmd-open').click();
  await page.getByTestId('path-input').fill('conflict.topology.yaml');
  await page.getByTestId('dialog-ok').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);

  // An edit here, and another program writes the file meanwhile.
  await dropFromPalette(page, 'targets', 400, 400);
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  writeFileSync(file, design('theirs'));

  await page.getByTestId('cmd-save').click();
  const dialog = page.getByTestId('dialog-conflict');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('conflict-message')).toHaveText(
    'conflict.topology.yaml changed on disk since you opened it.',
  );
  expect(readFileSync(file, 'utf8')).toBe(design('theirs')); // nothing written yet
  await page.screenshot({ path: 'test-results/screenshots/save-conflict.png' });

  // Overwrite: my version, with its two nodes, replaces theirs.
  await page.getByTestId('conflict-overwrite').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dirty')).toBeHidden();
  expect(nodesIn(file)).toBe(2);
  expect(readFileSync(file, 'utf8')).toContain('name: mine');

  // Again, and this time Reload: their file, my unsaved edit gone.
  await dropFromPalette(page, 'targets', 600, 200);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  writeFileSync(file, design('theirs'));
  await page.getByTestId('cmd-save').click();
  await expect(dialog).toBeVisible();
  await page.getByTestId('conflict-reload').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(page).toHaveTitle(/theirs/);
  await expect(page.getByTestId('dirty')).toBeHidden();
  expect(readFileSync(file, 'utf8')).toBe(design('theirs'));

  // Saving what was reloaded is no conflict: the app knows the revision it read.
  await dropFromPalette(page, 'targets', 400, 400);
  await page.getByTestId('cmd-save').click();
  await expect(page.getByTestId('notice')).toContainText(/Saved/);
  // The notice may still be the last save's: the dirty mark going is this save's end.
  await expect(page.getByTestId('dirty')).toBeHidden();
  expect(nodesIn(file)).toBe(2);

  // Coming back to the window after a change on disk: noticed before anything is saved.
  writeFileSync(file, design('third'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('conflict-overwrite')).toHaveCount(0); // nothing unsaved here
  await page.getByTestId('conflict-reload').click();
  await expect(page).toHaveTitle(/third/);
});
