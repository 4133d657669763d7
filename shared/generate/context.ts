// What every generator needs about a design, computed once per export: the design graph, plus
// images and the order services start in.
import { DEFAULT_IMAGES } from '../kinds/index.ts';
import { buildDesignGraph, type DesignGraph } from '../graph/design-graph.ts';
import type { EdgeKind, ImageKey, Topology, TopologyEdge, TopologyNode } from '../model/schema.ts';

export interface GenerateContext extends DesignGraph {
  image(key: ImageKey): string;
  /**
   * Instance names a node's services start after: what its outgoing edges connect to (except
   * scrape targets, which may come and go), with edges that would close a cycle left out.
   */
  dependsOn(nodeId: string): string[];
}

/** Edge kinds whose far end should be up before the near end starts. */
const STARTUP_EDGES: ReadonlySet<EdgeKind> = new Set([
  'federate',
  'alerting',
  'datasource',
  'backend',
  'remote-write',
  'logs',
  'store',
  'objstore',
]);

export function createContext(t: Topology): GenerateContext {
  const graph = buildDesignGraph(t);
  const startupDeps = acyclicDependencies(t.nodes, t.edges ?? []);
  return {
    ...graph,
    image(key) {
      return t.images?.[key] ?? DEFAULT_IMAGES[key];
    },
    dependsOn(nodeId) {
      return (startupDeps.get(nodeId) ?? []).flatMap((id) =>
        graph.instances(id).map((i) => i.name),
      );
    },
  };
}

/** node id -> node ids it starts after; a depth-first walk drops edges that close a cycle. */
function acyclicDependencies(nodes: TopologyNode[], edges: TopologyEdge[]): Map<string, string[]> {
  // A set per node: a federator of twenty thousand sources is looked up once per edge.
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!STARTUP_EDGES.has(e.kind) || e.from === e.to) continue;
    const list = next.get(e.from) ?? new Set<string>();
    list.add(e.to);
    next.set(e.from, list);
  }
  const state = new Map<string, 'open' | 'done'>();
  const kept = new Map<string, string[]>();
  const visit = (id: string) => {
    state.set(id, 'open');
    const keep: string[] = [];
    for (const to of next.get(id) ?? []) {
      if (state.get(to) === 'open') continue; // back edge: would make the start order a cycle
      if (!state.has(to)) visit(to);
      keep.push(to);
    }
    kept.set(id, keep);
    state.set(id, 'done');
  };
  for (const n of nodes) if (!state.has(n.id)) visit(n.id);
  return kept;
}
