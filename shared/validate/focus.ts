// The part of a design a finding points at, the same for the CLI's file:line and the app's
// click-to-show: a finding about a connection points at that edge, not at the node it names.
import type { Topology, TopologyEdge } from '../model/schema.ts';
import type { Finding } from './types.ts';

/**
 * The finding's first edge when that edge leaves the node it names first (or it names no node),
 * else its first node; '' when it names nothing.
 */
export function focusOf(t: Topology, f: Pick<Finding, 'nodes' | 'edges'>): string {
  const node = f.nodes[0];
  const edgeId = f.edges[0];
  const edge = edgeId !== undefined ? edgesById(t).get(edgeId) : undefined;
  if (edge && (node === undefined || edge.from === node)) return edge.id;
  return node ?? edgeId ?? '';
}

/** Edges by id, once per design: a report may hold findings about thousands of edges. */
const EDGE_INDEX = new WeakMap<Topology, Map<string, TopologyEdge>>();
function edgesById(t: Topology): Map<string, TopologyEdge> {
  let index = EDGE_INDEX.get(t);
  if (!index) {
    index = new Map((t.edges ?? []).map((e) => [e.id, e]));
    EDGE_INDEX.set(t, index);
  }
  return index;
}
