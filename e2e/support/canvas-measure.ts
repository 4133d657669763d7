// Measures how a drawn diagram reads, in the page: edges crossing node cards they do not join,
// and edge labels covering each other or a node card. Screen coordinates throughout.
import { expect, type Page } from '@playwright/test';

export interface DiagramDefects {
  edges: number;
  labels: number;
  /** "edge crosses node" for each edge path through a node card that is not one of its ends. */
  crossings: string[];
  /** "label on label" or "label on node" for each overlap. */
  overlaps: string[];
}

/** Waits until node positions and the viewport have stopped changing (layout, then fit). */
export async function waitForCanvasAtRest(page: Page): Promise<void> {
  let last = '';
  let still = 0;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => {
          const vp = document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
          const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
            .map((n) => n.style.transform)
            .join(';');
          return vp + nodes;
        });
        still = now === last ? still + 1 : 0;
        last = now;
        return still >= 3;
      },
      { intervals: [100], timeout: 10_000 },
    )
    .toBe(true);
}

/** `ends` maps an edge id to its two node ids. */
export async function measureDiagram(
  page: Page,
  ends: Record<string, [string, string]>,
): Promise<DiagramDefects> {
  return page.evaluate((ends) => {
    type R = { left: number; top: number; right: number; bottom: number };
    const SHRINK = 2;
    const nodes = new Map<string, R>();
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node-design')) {
      const b = el.getBoundingClientRect();
      nodes.set(el.dataset['id'] ?? '', {
        left: b.left + SHRINK,
        top: b.top + SHRINK,
        right: b.right - SHRINK,
        bottom: b.bottom - SHRINK,
      });
    }
    const crossings: string[] = [];
    const edges = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')];
    for (const g of edges) {
      const id = g.dataset['id'] ?? '';
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const ctm = path?.getScreenCTM();
      if (!path || !ctm) continue;
      const total = path.getTotalLength();
      const crossed = new Set<string>();
      for (let s = 0; s <= total; s += 2) {
        const p = new DOMPoint(
          path.getPointAtLength(s).x,
          path.getPointAtLength(s).y,
        ).matrixTransform(ctm);
        for (const [node, r] of nodes)
          if (
            !ends[id]?.includes(node) &&
            p.x > r.left &&
            p.x < r.right &&
            p.y > r.top &&
            p.y < r.bottom
          )
            crossed.add(node);
      }
      for (const node of crossed) crossings.push(`${id} crosses ${node}`);
    }
    const overlaps: string[] = [];
    const hit = (a: R, b: R) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const labels = [...document.querySelectorAll<HTMLElement>('.de-label')].map((el) => {
      const b = el.getBoundingClientRect();
      return {
        id: el.dataset['testid'] ?? '',
        r: { left: b.left, top: b.top, right: b.right, bottom: b.bottom },
      };
    });
    labels.forEach((l, i) => {
      for (const [node, r] of nodes) if (hit(l.r, r)) overlaps.push(`${l.id} on ${node}`);
      for (const o of labels.slice(i + 1)) if (hit(l.r, o.r)) overlaps.push(`${l.id} on ${o.id}`);
    });
    return { edges: edges.length, labels: labels.length, crossings, overlaps };
  }, ends);
}
