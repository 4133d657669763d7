// Moves of the selection as whole edits: align edges or centres, spread evenly, nudge with the
// arrow keys. Pure over the topology, given each node's drawn size; each is one command.
import { moveItems, regroupNodes, type EditResult, type XY } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';

export type Size = { width: number; height: number };
export type Align = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'horizontal' | 'vertical';

interface Item extends XY, Size {
  id: string;
  node: boolean;
}

/** The selected nodes and groups that have a place on the canvas. */
function placed(t: Topology, ids: readonly string[], sizeOf: (id: string) => Size): Item[] {
  const want = new Set(ids);
  const out: Item[] = [];
  for (const n of t.nodes) {
    if (want.has(n.id) && n.position)
      out.push({ id: n.id, node: true, ...n.position, ...sizeOf(n.id) });
  }
  for (const g of t.groups ?? []) {
    if (want.has(g.id) && g.position && g.size)
      out.push({ id: g.id, node: false, ...g.position, ...g.size });
  }
  return out;
}

function moved(
  t: Topology,
  items: Item[],
  moves: Map<string, XY>,
  sizeOf: (id: string) => Size,
): EditResult {
  const next = moveItems(t, moves);
  const nodes = items.filter((i) => i.node && moves.has(i.id)).map((i) => i.id);
  // A node moved into or out of a group's box joins or leaves it, as after a drag.
  return { ok: true, topology: regroupNodes(next, nodes, sizeOf), ids: [] };
}

/** Lines the selection up on the edge or centre of the first-to-last extent. */
export function alignItems(
  t: Topology,
  ids: readonly string[],
  how: Align,
  sizeOf: (id: string) => Size,
): EditResult {
  const items = placed(t, ids, sizeOf);
  if (items.length < 2) return { ok: false, message: 'select two or more nodes to align' };
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const top = Math.min(...items.map((i) => i.y));
  const bottom = Math.max(...items.map((i) => i.y + i.height));
  const to = (i: Item): XY => {
    switch (how) {
      case 'left':
        return { x: left, y: i.y };
      case 'right':
        return { x: right - i.width, y: i.y };
      case 'centre':
        return { x: (left + right) / 2 - i.width / 2, y: i.y };
      case 'top':
        return { x: i.x, y: top };
      case 'bottom':
        return { x: i.x, y: bottom - i.height };
      case 'middle':
        return { x: i.x, y: (top + bottom) / 2 - i.height / 2 };
    }
  };
  return moved(t, items, new Map(items.map((i) => [i.id, to(i)])), sizeOf);
}

/** Spreads the selection so the gaps between neighbours are equal; the outermost stay put. */
export function distributeItems(
  t: Topology,
  ids: readonly string[],
  axis: Axis,
  sizeOf: (id: string) => Size,
): EditResult {
  const items = placed(t, ids, sizeOf);
  if (items.length < 3) return { ok: false, message: 'select three or more nodes to distribute' };
  const h = axis === 'horizontal';
  const start = (i: Item) => (h ? i.x : i.y);
  const length = (i: Item) => (h ? i.width : i.height);
  const sorted = [...items].sort((a, b) => start(a) - start(b) || a.id.localeCompare(b.id));
  const [first] = sorted;
  if (!first) return { ok: false, message: 'nothing to distribute' };
  const end = Math.max(...sorted.map((i) => start(i) + length(i)));
  const occupied = sorted.reduce((sum, i) => sum + length(i), 0);
  const gap = (end - start(first) - occupied) / (sorted.length - 1);
  const moves = new Map<string, XY>();
  let at = start(first);
  for (const i of sorted) {
    moves.set(i.id, h ? { x: at, y: i.y } : { x: i.x, y: at });
    at += length(i) + gap;
  }
  return moved(t, items, moves, sizeOf);
}

/** Moves the selection by a step: what the arrow keys do. */
export function nudgeItems(
  t: Topology,
  ids: readonly string[],
  by: XY,
  sizeOf: (id: string) => Size,
): EditResult {
  const items = placed(t, ids, sizeOf);
  // A node inside a selected group moves with its group already.
  const groups = new Set(items.filter((i) => !i.node).map((i) => i.id));
  const own = items.filter((i) =>
    i.node ? !groups.has(t.nodes.find((n) => n.id === i.id)?.group ?? '') : true,
  );
  if (own.length === 0) return { ok: false, message: 'select a node to move' };
  const moves = new Map(own.map((i) => [i.id, { x: i.x + by.x, y: i.y + by.y }]));
  return moved(t, own, moves, sizeOf);
}
