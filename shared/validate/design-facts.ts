// What the rules need to know about a design before any estimate: the design graph, names for
// messages, parsed selectors and expressions, and intervals. Computed once per validation.
import { buildDesignGraph, type DesignGraph } from '../graph/design-graph.ts';
import type { Instance } from '../model/instances.ts';
import { durationMs } from '../model/primitives.ts';
import type { EdgeOf, NodeOf, Topology, TopologyEdge, TopologyNode } from '../model/schema.ts';
import { parseExpr, parseSeriesSelector, type ExprParse, type SelectorParse } from './promql.ts';

export interface DesignFacts {
  topology: Topology;
  graph: DesignGraph;
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
}

const DEFAULT_INTERVAL = '15s';

export function computeDesignFacts(t: Topology): DesignFacts {
  const graph = buildDesignGraph(t);
  const selectors = new Map<string, SelectorParse>();
  const exprs = new Map<string, ExprParse>();
  return {
    topology: t,
    graph,
    node: (id) => graph.findNode(id),
    edge: (id) => graph.findEdge(id),
    nameOf: (id) => graph.findNode(id)?.name ?? id,
    prometheus: graph.nodesOfKind('prometheus'),
    edgesOfKind: (kind) => graph.edgesOfKind(kind),
    instances: (id) => graph.instances(id),
    instanceLabels(id) {
      const n = graph.findNode(id);
      return n ? graph.instances(n).map((i) => graph.externalLabels(n, i)) : [];
    },
    nodeLabels(id) {
      const n = graph.findNode(id);
      return n ? graph.externalLabels(n) : {};
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
  };
}
