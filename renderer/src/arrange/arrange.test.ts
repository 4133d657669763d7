import { describe, expect, it } from 'vitest';
import { addGroup, addNode } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { emptyTopology } from '../store/design-store.ts';
import { alignItems, distributeItems, nudgeItems } from './arrange.ts';

// Cards of different widths, so edges and centres differ.
const SIZES: Record<string, { width: number; height: number }> = {
  prometheus: { width: 180, height: 60 },
  'prometheus-2': { width: 120, height: 80 },
  node: { width: 240, height: 40 },
};
const sizeOf = (id: string) => SIZES[id] ?? { width: 100, height: 50 };

function design(): Topology {
  let t = emptyTopology('arrange');
  const at = [
    ['prometheus', { x: 0, y: 0 }],
    ['prometheus', { x: 300, y: 45 }],
    ['targets', { x: 90, y: 400 }],
  ] as const;
  for (const [kind, p] of at) {
    const r = addNode(t, kind, p);
    if (!r.ok) throw new Error(r.message);
    t = r.topology;
  }
  return t;
}
const ids = ['prometheus', 'prometheus-2', 'node'];
const pos = (t: Topology) => Object.fromEntries(t.nodes.map((n) => [n.id, n.position]));
const ok = (r: ReturnType<typeof alignItems>) => {
  if (!r.ok) throw new Error(r.message);
  return r.topology;
};

describe('align', () => {
  it('lines up left and right edges, and centres, across the selection’s extent', () => {
    const t = design();
    expect(t.nodes.map((n) => n.id)).toEqual(ids);
    expect(pos(ok(alignItems(t, ids, 'left', sizeOf)))).toEqual({
      prometheus: { x: 0, y: 0 },
      'prometheus-2': { x: 0, y: 45 },
      node: { x: 0, y: 400 },
    });
    // The extent is 0..420 (prometheus2 ends at 300 + 120, node at 90 + 240 = 330).
    const right = pos(ok(alignItems(t, ids, 'right', sizeOf)));
    expect([right.prometheus?.x, right['prometheus-2']?.x, right.node?.x]).toEqual([240, 300, 180]);
    const centre = pos(ok(alignItems(t, ids, 'centre', sizeOf)));
    expect([centre.prometheus?.x, centre['prometheus-2']?.x, centre.node?.x]).toEqual([
      120, 150, 90,
    ]);
  });

  it('lines up top and bottom edges and middles, leaving the other axis alone', () => {
    const t = design();
    const top = pos(ok(alignItems(t, ids, 'top', sizeOf)));
    expect(top).toEqual({
      prometheus: { x: 0, y: 0 },
      'prometheus-2': { x: 300, y: 0 },
      node: { x: 90, y: 0 },
    });
    const bottom = pos(ok(alignItems(t, ids, 'bottom', sizeOf)));
    expect([bottom.prometheus?.y, bottom['prometheus-2']?.y, bottom.node?.y]).toEqual([
      380, 360, 400,
    ]);
    const middle = pos(ok(alignItems(t, ids, 'middle', sizeOf)));
    expect([middle.prometheus?.y, middle['prometheus-2']?.y, middle.node?.y]).toEqual([
      190, 180, 200,
    ]);
  });

  it('needs two placed items, and says so', () => {
    const r = alignItems(design(), ['prometheus', 'gone'], 'left', sizeOf);
    expect(r).toEqual({ ok: false, message: 'select two or more nodes to align' });
  });
});

describe('distribute', () => {
  it('makes the gaps between neighbours equal, keeping the outermost in place', () => {
    const t = design();
    // Horizontally: 0..180, 90..330, 300..420; the total gap is 420 - 540 = -120 over 2.
    const h = pos(ok(distributeItems(t, ids, 'horizontal', sizeOf)));
    expect([h.prometheus?.x, h.node?.x, h['prometheus-2']?.x]).toEqual([0, 120, 300]);
    expect(h.prometheus?.y).toBe(0);
    const v = pos(ok(distributeItems(t, ids, 'vertical', sizeOf)));
    // 0..60, 45..125, 400..440: (440 - 180) / 2 = 130 between each.
    expect([v.prometheus?.y, v['prometheus-2']?.y, v.node?.y]).toEqual([0, 190, 400]);
  });

  it('needs three placed items', () => {
    const r = distributeItems(design(), ['prometheus', 'node'], 'vertical', sizeOf);
    expect(r.ok).toBe(false);
  });
});

describe('nudge', () => {
  it('moves every selected node by the step', () => {
    const t = ok(nudgeItems(design(), ['prometheus', 'node'], { x: 15, y: -15 }, sizeOf));
    expect(pos(t)).toMatchObject({
      prometheus: { x: 15, y: -15 },
      'prometheus-2': { x: 300, y: 45 },
      node: { x: 105, y: 385 },
    });
  });

  it('moves a group with its members once, and a node into a group it lands in joins it', () => {
    let t = design();
    const g = addGroup(t, { x: -30, y: -30, width: 300, height: 150 });
    if (!g.ok) throw new Error(g.message);
    t = g.topology;
    const gid = g.ids[0]!;
    expect(t.nodes.find((n) => n.id === 'prometheus')?.group).toBeUndefined();
    // The group moves, and prometheus (inside its box) is regrouped, not moved twice.
    const moved = ok(nudgeItems(t, [gid, 'prometheus-2'], { x: 0, y: 15 }, sizeOf));
    expect(moved.groups?.[0]?.position).toEqual({ x: -30, y: -15 });
    expect(pos(moved)['prometheus-2']).toEqual({ x: 300, y: 60 });
    expect(nudgeItems(t, [], { x: 15, y: 0 }, sizeOf).ok).toBe(false);
  });
});
