// Laying out part of a design: the selected nodes, and whole selected groups, are laid out among
// themselves and put back where the selection's top-left corner was; the rest does not move.
import type { XY } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import type { LayoutResult } from './layout.ts';

/**
 * The part of a design to lay out: the selected nodes and the members of selected groups, with
 * the edges among them. A node whose group is not selected is laid out as if ungrouped (it keeps
 * its group), so a group box is only recomputed when the whole group is selected.
 */
export function selectionPart(t: Topology, ids: ReadonlySet<string>): Topology {
  const groups = (t.groups ?? []).filter((g) => ids.has(g.id));
  const whole = new Set(groups.map((g) => g.id));
  // A member of an unselected group keeps its group field: the layout sees no such group.
  const nodes = t.nodes.filter(
    (n) => ids.has(n.id) || (n.group !== undefined && whole.has(n.group)),
  );
  const kept = new Set(nodes.map((n) => n.id));
  const edges = (t.edges ?? []).filter((e) => kept.has(e.from) && kept.has(e.to));
  return { ...t, nodes, groups, edges };
}

/** The top-left corner of what the part covers now (nodes and group boxes with a position). */
function topLeft(part: Topology): XY | null {
  let x = Infinity;
  let y = Infinity;
  for (const n of part.nodes)
    if (n.position) {
      x = Math.min(x, n.position.x);
      y = Math.min(y, n.position.y);
    }
  for (const g of part.groups ?? [])
    if (g.position) {
      x = Math.min(x, g.position.x);
      y = Math.min(y, g.position.y);
    }
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

/** Moves a part's layout so it starts where the part started. */
export function anchorLayout(part: Topology, laid: LayoutResult): LayoutResult {
  const from = topLeft(part);
  if (!from) return laid;
  let x = Infinity;
  let y = Infinity;
  for (const p of [...laid.nodes.values(), ...laid.groups.values()]) {
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
  }
  if (!Number.isFinite(x)) return laid;
  const dx = from.x - x;
  const dy = from.y - y;
  return {
    nodes: new Map([...laid.nodes].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }])),
    groups: new Map([...laid.groups].map(([id, b]) => [id, { ...b, x: b.x + dx, y: b.y + dy }])),
  };
}
