// Every template, auto-laid out, reads as a diagram: no edge runs through a node card it does not
// join, and no edge label covers another label or a node card.
import { loadTemplates } from '../templates/load.ts';
import { openTemplate } from './support/actions.ts';
import { measureDiagram, waitForCanvasAtRest } from './support/canvas-measure.ts';
import { expect, test } from './support/fixtures.ts';

for (const { id, topology } of loadTemplates()) {
  test(`template ${id}, auto-laid out, has no edge through a node and no covered label`, async ({
    app: page,
  }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await openTemplate(page, id);
    await waitForCanvasAtRest(page);
    await page.getByTestId('cmd-layout').click();
    // The canvas is busy while ELK works in its worker; then the nodes move and the view fits.
    await expect(page.getByTestId('canvas')).not.toHaveAttribute('aria-busy', 'true');
    await waitForCanvasAtRest(page);
    const ends = Object.fromEntries(
      (topology.edges ?? []).map((e) => [e.id, [e.from, e.to] as [string, string]]),
    );
    const found = await measureDiagram(page, ends);
    await page.screenshot({ path: `test-results/screenshots/layout-${id}.png` });
    // ELK ran in its web worker, off the page's thread.
    expect(workers.some((u) => u.includes('elk-worker'))).toBe(true);
    expect(found.edges).toBe(topology.edges?.length ?? 0);
    // Labels hide when zoomed far out; a fitted template must be close enough to show them all.
    expect(found.labels).toBe(found.edges);
    expect(found.crossings).toEqual([]);
    expect(found.overlaps).toEqual([]);
  });
}
