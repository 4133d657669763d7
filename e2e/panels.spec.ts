// The editor's panels at the smallest supported window, 1280×720: resized by pointer and by
// keyboard, collapsed and opened again, and remembered across a reload.
import type { Page } from '@playwright/test';
import { openTemplate, waitForViewportAtRest } from './support/actions.ts';
import { expect, test, waitForSession } from './support/fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });

const width = async (page: Page, id: string) =>
  (await page.getByTestId(`pane-${id}`).boundingBox())!.width;
const height = async (page: Page, id: string) =>
  (await page.getByTestId(`pane-${id}`).boundingBox())!.height;

test('panels resize, collapse and keep their sizes across a reload at 1280×720', async ({
  app: page,
}) => {
  await openTemplate(page, 'dc-federation');
  await waitForViewportAtRest(page);
  await page.screenshot({ path: 'test-results/e2e/panels-1280x720.png' });

  // Every panel is on screen with room to work: the canvas keeps most of the window.
  for (const id of ['palette', 'canvas', 'inspector', 'problems', 'preview', 'lab']) {
    await expect(page.getByTestId(`pane-${id}`)).toBeInViewport();
  }
  expect(await width(page, 'canvas')).toBeGreaterThan(700);
  expect(await height(page, 'canvas')).toBeGreaterThan(380);

  // Drag the palette's edge 60 px right.
  const palette = await width(page, 'palette');
  const sep = page.getByTestId('separator-palette');
  const box = (await sep.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + 100, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 100, { steps: 3 });
  await page.mouse.up();
  expect(await width(page, 'palette')).toBe(palette + 60);
  await expect(sep).toHaveAttribute('aria-valuenow', String(palette + 60));

  // The inspector's edge by keyboard: each ← widens it by 10 px, Shift+← by 50.
  const inspector = await width(page, 'inspector');
  const inspectorSep = page.getByTestId('separator-inspector');
  await inspectorSep.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await width(page, 'inspector')).toBe(inspector + 60);

  // Collapse the bottom dock with its edge's button, the inspector by double-clicking its edge.
  const canvasHeight = await height(page, 'canvas');
  await page.getByTestId('separator-dock').hover();
  await page.getByTestId('collapse-dock').click();
  await expect(page.getByTestId('pane-dock')).toHaveAttribute('data-collapsed', 'true');
  expect(await height(page, 'canvas')).toBeGreaterThan(canvasHeight + 150);
  await inspectorSep.dblclick({ position: { x: 2, y: 40 } }); // beside its hide button
  await expect(page.getByTestId('pane-inspector')).toHaveAttribute('data-collapsed', 'true');
  expect(await width(page, 'inspector')).toBeLessThan(40);
  await page.screenshot({ path: 'test-results/e2e/panels-collapsed.png' });

  // A reload keeps all of it.
  await page.reload();
  await waitForSession(page);
  // An untouched template is no unsaved work: the app starts at the gallery, nothing to recover.
  await expect(page.getByTestId('dialog-recovery')).toHaveCount(0);
  await openTemplate(page, 'dc-federation');
  expect(await width(page, 'palette')).toBe(palette + 60);
  await expect(page.getByTestId('pane-dock')).toHaveAttribute('data-collapsed', 'true');
  await expect(page.getByTestId('pane-inspector')).toHaveAttribute('data-collapsed', 'true');

  // The strip of a collapsed panel opens it again, at the size it had.
  await page.getByTestId('expand-inspector').click();
  expect(await width(page, 'inspector')).toBe(inspector + 60);
  await page.getByTestId('expand-dock').click();
  await expect(page.getByTestId('problems')).toBeVisible();
});
