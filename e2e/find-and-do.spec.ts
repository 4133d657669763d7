// Finding things and doing things, at 1280×720: the command palette and node search, the
// shortcut sheet, the empty canvas, keyboard moves, arranging, and drawing edges.
import type { Page } from '@playwright/test';
import {
  dropFromPalette,
  edgeEl,
  newEmptyDesign,
  nodeEl,
  openTemplate,
  waitForViewportAtRest,
} from './support/actions.ts';
import { expect, test } from './support/fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });

const centre = async (page: Page, testId: string) => {
  const b = (await page.getByTestId(testId).boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};
const position = (page: Page, id: string) =>
  nodeEl(page, id).evaluate((el) => (el as HTMLElement).style.transform);

test('Ctrl+K finds a node by a label value and goes to it; commands show their keys', async ({
  app: page,
}) => {
  await openTemplate(page, 'dc-federation');
  await waitForViewportAtRest(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('Control+K');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await page.keyboard.type('datacenter=global');
  const hit = palette.getByTestId('hit-item-global');
  await expect(hit).toContainText('prometheus-global');
  await expect(hit).toContainText('datacenter=global');
  await page.screenshot({ path: 'test-results/e2e/command-palette.png' });
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();

  // The node is selected and brought to the middle of the canvas.
  await expect(nodeEl(page, 'global')).toHaveClass(/selected/);
  await expect(page.getByTestId('field-name')).toHaveValue('prometheus-global');
  await waitForViewportAtRest(page);
  const node = (await nodeEl(page, 'global').boundingBox())!;
  const canvas = await centre(page, 'canvas');
  expect(Math.abs(node.x + node.width / 2 - canvas.x)).toBeLessThan(20);
  expect(Math.abs(node.y + node.height / 2 - canvas.y)).toBeLessThan(20);

  // Every command is there, with its keys; choosing one runs it.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('zoom fit');
  await expect(palette.getByTestId('hit-command-fit')).toContainText('Shift+1 / F');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // Ctrl+F looks for nodes only, by kind too.
  await page.keyboard.press('Control+F');
  await page.keyboard.type('alertmanager');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await palette.getByTestId('hit-item-am').click();
  await expect(nodeEl(page, 'am')).toHaveClass(/selected/);
});

test('? shows the shortcut sheet, listing the commands’ keys', async ({ app: page }) => {
  await openTemplate(page, 'dc-federation');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+?');
  const sheet = page.getByTestId('dialog-shortcuts');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('shortcut-command-palette')).toContainText('Ctrl+K');
  await expect(sheet.getByTestId('shortcut-undo')).toContainText('Ctrl+Z');
  await expect(sheet.getByTestId('shortcut-move')).toContainText('←→↑↓');
  await page.screenshot({ path: 'test-results/e2e/shortcut-sheet.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('an empty canvas explains the palette, takes drops, and offers templates', async ({
  app: page,
}) => {
  await newEmptyDesign(page);
  const empty = page.getByTestId('empty-canvas');
  await expect(empty).toContainText('Drag a component from the palette');
  await expect(empty.locator('[data-testid^="empty-template-"]')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/e2e/empty-canvas.png' });
  // The palette says what a kind is.
  await expect(page.getByTestId('palette-thanos-query')).toHaveAttribute(
    'title',
    /^Thanos Query: one query view/,
  );

  // A drop right on the explanation lands on the canvas.
  const card = (await empty.locator('.empty-canvas-card').boundingBox())!;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await dropFromPalette(page, 'prometheus', card.x - canvas.x + 40, card.y - canvas.y + 30);
  await expect(page.locator('.react-flow__node-design')).toHaveCount(1);
  await expect(empty).toBeHidden();

  // Undo brings the empty canvas back; a template button fills it.
  await page.keyboard.press('Control+Z');
  await expect(empty).toBeVisible();
  await empty.getByTestId('empty-template-dc-federation').click();
  await expect(nodeEl(page, 'global')).toBeVisible();
  await expect(empty).toBeHidden();
});

test('arrow keys move the selection a grid step, in one undo step each; Ctrl+K aligns', async ({
  app: page,
}) => {
  await openTemplate(page, 'dc-federation');
  await waitForViewportAtRest(page);
  const before = await position(page, 'am');
  await nodeEl(page, 'am').click();
  // Focus is on the node card now: the arrows are still the command's.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const moved = await position(page, 'am');
  const xy = (s: string) => s.match(/-?[\d.]+/g)!.map(Number);
  expect(xy(moved)[0]! - xy(before)[0]!).toBe(15);
  expect(xy(moved)[1]! - xy(before)[1]!).toBe(60);
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  expect(await position(page, 'am')).toBe(before);

  // Outside the canvas the arrows keep their own meaning: the selection stays put.
  await page.getByTestId('palette-prometheus').focus();
  await page.keyboard.press('ArrowRight');
  await expect(nodeEl(page, 'am')).toHaveClass(/selected/);
  expect(await position(page, 'am')).toBe(before);
  await nodeEl(page, 'am').click();

  // Shift+Tab reaches the node card before it, and the focus ring shows where the keys go.
  await page.keyboard.press('Shift+Tab');
  const focused = page.locator('.react-flow__node:focus-visible');
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveCSS('outline-style', 'solid');
  await page.screenshot({ path: 'test-results/e2e/focus-ring.png' });
  await nodeEl(page, 'am').click();

  // Align the two datacenter Prometheus servers' top edges with the alertmanager's.
  await nodeEl(page, 'eu-prom').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+K');
  await page.keyboard.type('align bottom');
  await page.keyboard.press('Enter');
  const bottoms = await Promise.all(
    ['am', 'eu-prom'].map(async (id) => {
      const b = (await nodeEl(page, id).boundingBox())!;
      return Math.round(b.y + b.height);
    }),
  );
  expect(Math.abs(bottoms[0]! - bottoms[1]!)).toBeLessThanOrEqual(1);
  await page.keyboard.press('Control+Z');
  expect(await position(page, 'am')).toBe(before);
});

test('Escape cancels an edge being drawn; a refused edge says why at the cursor', async ({
  app: page,
}) => {
  await openTemplate(page, 'dc-federation');
  await waitForViewportAtRest(page);
  const edges = page.locator('.react-flow__edge');
  const count = await edges.count();

  // From the alertmanager towards the global Prometheus: the edge table says the other way.
  const from = (await nodeEl(page, 'am').locator('.react-flow__handle.source').boundingBox())!;
  const to = (await nodeEl(page, 'global').locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y + 30, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
  const hint = page.getByTestId('connection-hint');
  await expect(hint).toContainText(
    'Edges go the other way: draw from prometheus-global to alertmanager',
  );
  await page.screenshot({ path: 'test-results/e2e/connection-hint.png' });
  await page.mouse.up();
  await expect(hint).toBeHidden();
  await expect(edges).toHaveCount(count);

  // A valid edge, cancelled with Escape before it is dropped, is not made.
  const eu = (await nodeEl(page, 'eu-prom').locator('.react-flow__handle.source').boundingBox())!;
  const us = (await nodeEl(page, 'us-nodes').locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(eu.x + eu.width / 2, eu.y + eu.height / 2);
  await page.mouse.down();
  await page.mouse.move(us.x + us.width / 2, us.y + us.height / 2, { steps: 8 });
  await expect(page.locator('.react-flow__connectionline')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__connectionline')).toHaveCount(0);
  await page.mouse.up();
  await expect(edges).toHaveCount(count);
  await expect(page.getByTestId('cmd-undo')).toBeDisabled();
});

test('right-clicks offer the registry’s commands for a node, an edge and the canvas', async ({
  app: page,
}) => {
  await openTemplate(page, 'dc-federation');
  await waitForViewportAtRest(page);
  const menu = page.getByTestId('context-menu');

  // A node outside the selection is selected by the right-click; Delete removes it.
  await nodeEl(page, 'am').click({ button: 'right' });
  await expect(menu).toBeVisible();
  await expect(nodeEl(page, 'am')).toHaveClass(/selected/);
  await expect(menu.getByTestId('menu-delete')).toContainText('Delete / Backspace');
  await expect(menu.getByTestId('menu-align-left')).toHaveCount(0); // one node: nothing to align
  await page.screenshot({ path: 'test-results/e2e/context-menu.png' });
  await menu.getByTestId('menu-delete').click();
  await expect(menu).toBeHidden();
  await expect(nodeEl(page, 'am')).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(nodeEl(page, 'am')).toHaveCount(1);

  // Two selected nodes: the menu offers to align them.
  await nodeEl(page, 'eu-prom').click();
  await nodeEl(page, 'us-prom').click({ modifiers: ['Shift'] });
  await nodeEl(page, 'us-prom').click({ button: 'right' });
  await expect(menu.getByTestId('menu-align-top')).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.locator('.react-flow__node-design.selected')).toHaveCount(2);

  // An edge offers its deletion.
  await edgeEl(page, 'global-eu').dispatchEvent('contextmenu', { clientX: 400, clientY: 300 });
  await expect(menu.locator('[role="menuitem"]')).toHaveCount(1);
  await menu.getByTestId('menu-delete').click();
  await expect(edgeEl(page, 'global-eu')).toHaveCount(0);

  // The empty canvas: layout, fit, the palette and the sheet; keys reach the items.
  await page.locator('.react-flow__pane').click({ button: 'right', position: { x: 40, y: 40 } });
  await expect(menu.getByTestId('menu-layout')).toContainText('Ctrl+L');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByTestId('menu-command-palette')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toBeVisible();
});

test('several selected nodes share their common fields; one change sets all, one undo', async ({
  app: page,
}) => {
  await openTemplate(page, 'dc-federation');
  await waitForViewportAtRest(page);
  await nodeEl(page, 'eu-prom').click();
  await nodeEl(page, 'us-prom').click({ modifiers: ['Shift'] });
  const multi = page.getByTestId('multi-edit');
  await expect(multi).toBeVisible();
  await expect(page.getByTestId('inspector')).toContainText('2 nodes');
  await expect(multi.getByTestId('field-name')).toHaveCount(0); // a name is each node's own

  const interval = multi.getByTestId('field-scrapeInterval');
  await interval.fill('30s');
  await interval.press('Enter');
  await page.screenshot({ path: 'test-results/e2e/multi-edit.png' });
  for (const id of ['eu-prom', 'us-prom']) {
    await nodeEl(page, id).click();
    await expect(page.getByTestId('field-scrapeInterval')).toHaveValue('30s');
  }
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  for (const id of ['eu-prom', 'us-prom']) {
    await nodeEl(page, id).click();
    await expect(page.getByTestId('field-scrapeInterval')).not.toHaveValue('30s');
  }
});
