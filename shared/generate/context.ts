// Facts about a design that every generator needs, computed once per export.
import { DEFAULT_IMAGES } from '../catalog/images.ts';
import { instancesOf, type Instance } from '../model/instances.ts';
import { effectiveExternalLabels, groupsById } from '../model/labels.ts';
import type {
  EdgeKind,
  EdgeOf,
  Group,
  ImageKey,
  NodeKind,
  NodeOf,
  Topology,
  TopologyEdge,
  TopologyNode,
} from '../model/schema.ts';

export interface GenerateContext {
  topology: Topology;
  node(id: string): TopologyNode;
  nodesOfKind<K extends NodeKind>(kind: K): NodeOf<K>[];
  instances(nodeOrId: TopologyNode | string): Instance[];
  /** Edges leaving a node, optionally of one kind. */
  outgoing<K extends EdgeKind>(nodeId: string, kind: K): EdgeOf<K>[];
  /** Edges arriving at a node, optionally of one kind. */
  incoming<K extends EdgeKind>(nodeId: string, kind: K): EdgeOf<K>[];
  externalLabels(node: TopologyNode, instance?: Instance): Record<string, string>;
  image(key: ImageKey): string;
  groups: ReadonlyMap<string, Group>;
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
  const nodes = new Map(t.nodes.map((n) => [n.id, n]));
  const edges = t.edges ?? [];
  const out = new Map<string, TopologyEdge[]>();
  const inc = new Map<string, TopologyEdge[]>();
  for (const e of edges) {
    push(out, e.from, e);
    push(inc, e.to, e);
  }
  const instanceCache = new Map<string, Instance[]>();
  const groups = groupsById(t);
  const startupDeps = acyclicDependencies(t.nodes, edges);
  const ctx: GenerateContext = {
    topology: t,
    groups,
    node(id) {
      const n = nodes.get(id);
      if (!n) throw new Error(`no node "${id}" (the design was not checked before generating)`);
      return n;
    },
    nodesOfKind<K extends NodeKind>(kind: K) {
      return t.nodes.filter((n): n is NodeOf<K> => n.kind === kind);
    },
    instances(nodeOrId) {
      const n = typeof nodeOrId === 'string' ? ctx.node(nodeOrId) : nodeOrId;
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
    externalLabels(node, instance) {
      return effectiveExternalLabels(node, instance, groups);
    },
    image(key) {
      return t.images?.[key] ?? DEFAULT_IMAGES[key];
    },
    dependsOn(nodeId) {
      return (startupDeps.get(nodeId) ?? []).flatMap((id) => ctx.instances(id).map((i) => i.name));
    },
  };
  return ctx;
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
