// The command registry in the browser: toolbar titles and states from the table, and the keys on
// the canvas and in a text field.
import { nodeEl, openTemplate, waitForViewportAtRest } from './support/actions.ts';
import { expect, test } from './support/fixtures.ts';

test('runs the designer’s commands from the keys, and leaves a text field its own', async ({
  app: page,
}) => {
  await openTemplate(page, 'dc-federation');
  await waitForViewportAtRest(page);
  const nodes = page.locator('.react-flow__node-design');
  const selected = page.locator('.react-flow__node-design.selected');
  const count = await nodes.count();
  expect(count).toBeGreaterThan(2);

  // Toolbar: label, keys and state from the table.
  await expect(page.getByTestId('cmd-save-as')).toHaveAttribute('title', 'Save As… (Ctrl+Shift+S)');
  await expect(page.getByTestId('cmd-fit')).toHaveAttribute('title', 'Zoom to Fit (Shift+1 / F)');
  await expect(page.getByTestId('cmd-layout')).toHaveAttribute('title', 'Auto Layout (Ctrl+L)');
  await expect(page.getByTestId('cmd-undo')).toBeDisabled();

  await page.keyboard.press('Control+A');
  await expect(selected).toHaveCount(count);
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);

  const first = nodes.first();
  const id = (await first.getAttribute('data-id'))!;
  await first.click();
  await page.keyboard.press('Control+D');
  await expect(nodes).toHaveCount(count + 1);
  await expect(page.getByTestId('cmd-undo')).toBeEnabled();
  await page.keyboard.press('Control+Z');
  await expect(nodes).toHaveCount(count);
  await nodeEl(page, id).click();
  await page.keyboard.press('Delete');
  await expect(nodes).toHaveCount(count - 1);
  await page.keyboard.press('Control+Z');
  await expect(nodes).toHaveCount(count);
  await page.keyboard.press('Control+Y');
  await expect(nodes).toHaveCount(count - 1);
  await page.keyboard.press('Control+Shift+Z'); // nothing left to redo: no change
  await page.keyboard.press('Control+Z');
  await expect(nodes).toHaveCount(count);

  // In a field, Ctrl+A, F and Backspace are the text's.
  await nodeEl(page, id).click();
  const name = page.getByTestId('field-name');
  await name.click();
  await page.keyboard.press('Control+A');
  await expect(selected).toHaveCount(1);
  await page.keyboard.type('fast');
  await page.keyboard.press('Backspace');
  await expect(name).toHaveValue('fas');
  await expect(nodes).toHaveCount(count);
  await name.press('Escape');

  // Ctrl+L lays the design out again: a node dragged away comes back into the layout.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const where = () => nodeEl(page, id).getAttribute('style');
  const box = (await nodeEl(page, id).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + 210, { steps: 5 });
  await page.mouse.up();
  const dragged = await where();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+L');
  await expect.poll(where).not.toBe(dragged);
});
