import { expect, type Locator, type Page } from '@playwright/test';

export const nodeEl = (page: Page, id: string): Locator =>
  page.locator(`.react-flow__node[data-id="${id}"]`);
export const edgeEl = (page: Page, id: string): Locator =>
  page.locator(`.react-flow__edge[data-id="${id}"]`);

/** Drags a kind from the palette and drops it at a point of the canvas (relative to its box). */
export async function dropFromPalette(
  page: Page,
  kind: string,
  x: number,
  y: number,
): Promise<void> {
  const canvas = page.getByTestId('canvas');
  await page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x, y } });
}

/** Draws an edge from a node's source handle (bottom) to another's target handle (top). */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = nodeEl(page, from).locator('.react-flow__handle.source').first();
  const target = nodeEl(page, to).locator('.react-flow__handle.target').first();
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error(`handles of ${from} or ${to} not visible`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Starts from an empty design through the template gallery. */
export async function newEmptyDesign(page: Page): Promise<void> {
  const gallery = page.getByTestId('dialog-templates');
  if (!(await gallery.isVisible())) await page.getByTestId('cmd-new').click();
  await page.getByTestId('template-empty').click();
  await expect(gallery).toBeHidden();
}

export async function openTemplate(page: Page, id: string): Promise<void> {
  const gallery = page.getByTestId('dialog-templates');
  if (!(await gallery.isVisible())) await page.getByTestId('cmd-new').click();
  await page.getByTestId(`template-${id}`).click();
  await expect(gallery).toBeHidden();
}

/** Waits until the canvas viewport stops moving (after an animated fit or zoom). */
export async function waitForViewportAtRest(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = (await viewport.getAttribute('style')) ?? '';
        const still = now === last;
        last = now;
        return still;
      },
      { intervals: [100], timeout: 5000 },
    )
    .toBe(true);
}
