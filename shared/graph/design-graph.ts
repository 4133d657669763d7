// The design as a graph: each node's servers, the labels they carry, and the edges between nodes,
// looked up by id. The validator reasons over it and the generators write configs from it, so
// both see one reading of the design.
import { instancesOf, type Instance } from '../model/instances.ts';
import { effectiveExternalLabels, groupsById } from '../model/labels.ts';
import type {
  EdgeKind,
  EdgeOf,
  Group,
  NodeKind,
  NodeOf,
  Topology,
  TopologyEdge,
  TopologyNode,
} from '../model/schema.ts';

/** An edge with the nodes at its ends. */
export interface ResolvedEdge<E extends TopologyEdge = TopologyEdge> {
  edge: E;
  source: TopologyNode;
  target: TopologyNode;
}

export interface DesignGraph {
  topology: Topology;
  groups: ReadonlyMap<string, Group>;
  /** The node with this id; throws when there is none (a design that was not checked). */
  node(id: string): TopologyNode;
  /** The node with this id, if the design has one. */
  findNode(id: string): TopologyNode | undefined;
  findEdge(id: string): TopologyEdge | undefined;
  nodesOfKind<K extends NodeKind>(kind: K): NodeOf<K>[];
  /** Edges of one kind, in design order. */
  edgesOfKind<K extends EdgeKind>(kind: K): EdgeOf<K>[];
  /** The servers a node stands for: one per replica and shard, or a targets node's exporters. */
  instances(nodeOrId: TopologyNode | string): Instance[];
  /** Edges of one kind leaving a node. */
  outgoing<K extends EdgeKind>(nodeId: string, kind: K): EdgeOf<K>[];
  /** Edges of one kind arriving at a node. */
  incoming<K extends EdgeKind>(nodeId: string, kind: K): EdgeOf<K>[];
  /** The edge with its end nodes, or undefined when an end is missing. */
  resolve<E extends TopologyEdge>(edge: E): ResolvedEdge<E> | undefined;
  /** Effective external labels: the group's, the node's own, then the instance's shard/replica. */
  externalLabels(node: TopologyNode, instance?: Instance): Record<string, string>;
}

export function buildDesignGraph(t: Topology): DesignGraph {
  const nodes = new Map(t.nodes.map((n) => [n.id, n]));
  const edges = t.edges ?? [];
  const edgesById = new Map(edges.map((e) => [e.id, e]));
  const out = new Map<string, TopologyEdge[]>();
  const inc = new Map<string, TopologyEdge[]>();
  const byKind = new Map<EdgeKind, TopologyEdge[]>();
  for (const e of edges) {
    push(out, e.from, e);
    push(inc, e.to, e);
    push(byKind, e.kind, e);
  }
  const instanceCache = new Map<string, Instance[]>();
  const groups = groupsById(t);
  const graph: DesignGraph = {
    topology: t,
    groups,
    node(id) {
      const n = nodes.get(id);
      if (!n) throw new Error(`no node "${id}" (the design was not checked before generating)`);
      return n;
    },
    findNode: (id) => nodes.get(id),
    findEdge: (id) => edgesById.get(id),
    nodesOfKind<K extends NodeKind>(kind: K) {
      return t.nodes.filter((n): n is NodeOf<K> => n.kind === kind);
    },
    edgesOfKind<K extends EdgeKind>(kind: K) {
      return (byKind.get(kind) ?? []) as EdgeOf<K>[];
    },
    instances(nodeOrId) {
      const n = typeof nodeOrId === 'string' ? graph.node(nodeOrId) : nodeOrId;
      let list = instanceCache.get(n.id);
      if (!list) instanceCache.set(n.id, (list = instancesOf(n)));
      return list;
    },
    outgoing<K extends EdgeKind>(nodeId: string, kind: K) {
      return (out.get(nodeId) ?? []).filter((e): e is EdgeOf<K> => e.kind === kind);
    },
    incoming<K extends EdgeKind>(nodeId: string, kind: K) {
      return (inc.get(nodeId) ?? []).filter((e): e is EdgeOf<K> => e.kind === kind);
    },
    resolve(edge) {
      const source = nodes.get(edge.from);
      const target = nodes.get(edge.to);
      return source && target ? { edge, source, target } : undefined;
    },
    externalLabels(node, instance) {
      return effectiveExternalLabels(node, instance, groups);
    },
  };
  return graph;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
