// What the rules need to know about a design, computed once per validation and shared.
import { createContext, type GenerateContext } from '../generate/context.ts';
import type { Instance } from '../model/instances.ts';
import { durationMs } from '../model/primitives.ts';
import type { EdgeOf, NodeOf, Topology, TopologyEdge, TopologyNode } from '../model/schema.ts';
import { estimateCapacity, type CapacityEstimate } from './capacity.ts';
import { parseExpr, parseSeriesSelector, type ExprParse, type SelectorParse } from './promql.ts';

/** Servers that split one target group between them. */
export type ShardGroup =
  | { kind: 'node'; nodeId: string; shards: number; instances: Instance[] }
  | {
      kind: 'explicit';
      targetsId: string;
      partitions: { edgeId: string; scraperId: string; modulus: number; index: number }[];
    };

export interface Facts {
  topology: Topology;
  ctx: GenerateContext;
  node(id: string): TopologyNode | undefined;
  edge(id: string): TopologyEdge | undefined;
  /** The name a message uses for a node: its `name`. */
  nameOf(id: string): string;
  prometheus: NodeOf<'prometheus'>[];
  edgesOfKind<K extends TopologyEdge['kind']>(kind: K): EdgeOf<K>[];
  instances(nodeId: string): Instance[];
  /** Effective external labels of every instance of a node (group, node, shard/replica). */
  instanceLabels(nodeId: string): Record<string, string>[];
  /** Effective external labels a node's servers share (without the generated shard/replica). */
  nodeLabels(nodeId: string): Record<string, string>;
  selector(text: string): SelectorParse;
  expr(text: string): ExprParse;
  scrapeIntervalMs(node: NodeOf<'prometheus'>): number;
  evaluationIntervalMs(node: NodeOf<'prometheus'>): number;
  shardGroups: ShardGroup[];
  capacity: Map<string, CapacityEstimate>;
}

const DEFAULT_INTERVAL = '15s';

export function computeFacts(t: Topology): Facts {
  const ctx = createContext(t);
  const nodes = new Map(t.nodes.map((n) => [n.id, n]));
  const edges = new Map((t.edges ?? []).map((e) => [e.id, e]));
  const selectors = new Map<string, SelectorParse>();
  const exprs = new Map<string, ExprParse>();
  const byKind = new Map<string, TopologyEdge[]>();
  for (const e of t.edges ?? []) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  const facts: Facts = {
    topology: t,
    ctx,
    node: (id) => nodes.get(id),
    edge: (id) => edges.get(id),
    nameOf: (id) => nodes.get(id)?.name ?? id,
    prometheus: ctx.nodesOfKind('prometheus'),
    edgesOfKind<K extends TopologyEdge['kind']>(kind: K) {
      return (byKind.get(kind) ?? []) as EdgeOf<K>[];
    },
    instances: (id) => ctx.instances(id),
    instanceLabels(id) {
      const n = nodes.get(id);
      return n ? ctx.instances(n).map((i) => ctx.externalLabels(n, i)) : [];
    },
    nodeLabels(id) {
      const n = nodes.get(id);
      return n ? ctx.externalLabels(n) : {};
    },
    selector(text) {
      let r = selectors.get(text);
      if (!r) selectors.set(text, (r = parseSeriesSelector(text)));
      return r;
    },
    expr(text) {
      let r = exprs.get(text);
      if (!r) exprs.set(text, (r = parseExpr(text)));
      return r;
    },
    scrapeIntervalMs: (n) =>
      durationMs(n.scrapeInterval ?? t.defaults?.scrapeInterval ?? DEFAULT_INTERVAL),
    evaluationIntervalMs: (n) =>
      durationMs(n.evaluationInterval ?? t.defaults?.evaluationInterval ?? DEFAULT_INTERVAL),
    shardGroups: [],
    capacity: new Map(),
  };
  facts.shardGroups = shardGroupsOf(facts);
  facts.capacity = estimateCapacity(facts);
  return facts;
}

function shardGroupsOf(f: Facts): ShardGroup[] {
  const groups: ShardGroup[] = [];
  for (const p of f.prometheus) {
    const shards = p.shards ?? 1;
    if (shards > 1)
      groups.push({ kind: 'node', nodeId: p.id, shards, instances: f.instances(p.id) });
  }
  const explicit = new Map<string, Extract<ShardGroup, { kind: 'explicit' }>>();
  for (const e of f.edgesOfKind('scrape')) {
    if (!e.shard) continue;
    let g = explicit.get(e.to);
    if (!g) explicit.set(e.to, (g = { kind: 'explicit', targetsId: e.to, partitions: [] }));
    g.partitions.push({
      edgeId: e.id,
      scraperId: e.from,
      modulus: e.shard.modulus,
      index: e.shard.index,
    });
  }
  return [...groups, ...explicit.values()];
}
