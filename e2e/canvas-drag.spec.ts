// Dragging a node: it and its edges follow the pointer, the drop is kept, and one undo puts it
// back where it was.
import { connect, dropFromPalette, newEmptyDesign, nodeEl } from './support/actions.ts';
import { expect, test } from './support/fixtures.ts';

test('a dragged node moves with its edge, stays where dropped, and undoes in one step', async ({
  app: page,
}) => {
  await newEmptyDesign(page);
  await dropFromPalette(page, 'prometheus', 300, 200);
  await dropFromPalette(page, 'targets', 300, 460);
  await connect(page, 'prometheus', 'node');
  const node = nodeEl(page, 'prometheus');
  const edgePath = page.locator('.react-flow__edge path.react-flow__edge-path').first();
  const place = async () => ({
    node: await node.getAttribute('style'),
    edge: await edgePath.getAttribute('d'),
  });
  const start = await place();
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 12);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 30 + i * 20, box.y + 12 + i * 6);
  const midway = await place();
  expect(midway.node).not.toBe(start.node);
  expect(midway.edge).not.toBe(start.edge); // the edge follows while the pointer moves
  await page.mouse.up();
  await expect.poll(place).not.toEqual(start);
  const dropped = await place();
  await expect(page.getByTestId('cmd-undo')).toBeEnabled();

  // The findings of each version come from the analysis worker, off the page's thread.
  expect(page.workers().some((w) => w.url().includes('analysis.worker'))).toBe(true);

  await page.getByTestId('cmd-undo').click();
  await expect.poll(place).toEqual(start);
  await page.getByTestId('cmd-redo').click();
  await expect.poll(place).toEqual(dropped);
});
