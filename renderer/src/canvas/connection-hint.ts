// Why the canvas refuses an edge being drawn between two nodes, and which way it would be
// allowed: the words shown at the cursor while the connection hovers a node that cannot take it.
import {
  allowedEdgeKinds,
  EDGE_KINDS,
  inferEdgeKind,
  NODE_KINDS,
} from '../../../shared/kinds/index.ts';
import type { TopologyNode } from '../../../shared/model/schema.ts';

const kindName = (n: TopologyNode) => NODE_KINDS[n.kind].label;

/** Null when some edge kind allows from → to; otherwise one or two sentences. */
export function refusalReason(from: TopologyNode, to: TopologyNode): string | null {
  if (from.id === to.id) return 'A node cannot connect to itself.';
  if (allowedEdgeKinds(from, to).length > 0) return null;
  const specs = Object.values(EDGE_KINDS);
  const unmet = specs.find(
    (s) => s.from.includes(from.kind) && s.to.includes(to.kind) && s.requires,
  );
  if (unmet?.requires)
    return `${from.name} ${unmet.label} ${to.name} only when ${unmet.requires.says}.`;
  // The kind the canvas would draw the other way round.
  const back = inferEdgeKind(to, from);
  if (back) {
    const label = EDGE_KINDS[back].label;
    return `Edges go the other way: draw from ${to.name} to ${from.name} (${kindName(to)} ${label} ${kindName(from)}).`;
  }
  const reach = [...new Set(specs.filter((s) => s.from.includes(from.kind)).map((s) => s.label))];
  const what =
    reach.length > 0
      ? `A ${kindName(from)} ${reach.slice(0, -1).join(', ')}${reach.length > 1 ? ' or ' : ''}${reach.at(-1)} other kinds.`
      : `A ${kindName(from)} starts no edges.`;
  return `No edge joins a ${kindName(from)} to a ${kindName(to)}. ${what}`;
}
