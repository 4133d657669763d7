// Grafana-to-Grafana data sources as a graph: what the grafana-chain-* rules walk.
import type { Facts } from './facts.ts';

/** A walk over Grafana-to-Grafana data sources: node ids in order, and the edges of its hops. */
export interface GrafanaPath {
  nodes: string[];
  edges: string[];
}

/** Grafana node id -> upstream Grafana node id -> datasource edge ids (parallel edges kept). */
export type GrafanaLinks = Map<string, Map<string, string[]>>;

/** Datasource edges from a Grafana to a Grafana, self-loops included. */
export function grafanaLinks(f: Facts): GrafanaLinks {
  const links: GrafanaLinks = new Map();
  for (const e of f.edgesOfKind('datasource')) {
    const ends = f.graph.resolve(e);
    if (ends?.source.kind !== 'grafana' || ends.target.kind !== 'grafana') continue;
    let ups = links.get(e.from);
    if (!ups) links.set(e.from, (ups = new Map<string, string[]>()));
    const ids = ups.get(e.to);
    if (ids) ids.push(e.id);
    else ups.set(e.to, [e.id]);
  }
  return links;
}

function hopEdges(links: GrafanaLinks, from: string, to: string): string[] {
  return links.get(from)?.get(to) ?? [];
}

/** Caps on the exhaustive walks below, so a pathological design cannot hang the validator. */
const MAX_STEPS = 20_000;
const MAX_CYCLES = 50;

/**
 * Every elementary cycle once, each starting at its node that comes first in the design (a
 * Grafana whose data source points at itself is a cycle of one node).
 */
export function grafanaCycles(f: Facts, links: GrafanaLinks = grafanaLinks(f)): GrafanaPath[] {
  const order = new Map(f.topology.nodes.map((n, i) => [n.id, i]));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const starts = [...links.keys()].sort((a, b) => rank(a) - rank(b));
  const cycles: GrafanaPath[] = [];
  let steps = 0;
  for (const start of starts) {
    const path = [start];
    const onPath = new Set(path);
    const walk = (at: string): void => {
      for (const next of links.get(at)?.keys() ?? []) {
        if (cycles.length >= MAX_CYCLES || ++steps > MAX_STEPS) return;
        if (next === start) {
          const nodes = [...path];
          const edges = nodes.flatMap((n, i) => hopEdges(links, n, nodes[i + 1] ?? start));
          cycles.push({ nodes, edges });
        } else if (rank(next) > rank(start) && !onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          path.pop();
          onPath.delete(next);
        }
      }
    };
    walk(start);
  }
  return cycles;
}

/** The longest walk without repeated nodes from `start` over Grafana-to-Grafana data sources. */
export function longestGrafanaChain(start: string, links: GrafanaLinks): GrafanaPath {
  let best: string[] = [start];
  const path = [start];
  const onPath = new Set(path);
  let steps = 0;
  const walk = (at: string): void => {
    if (path.length > best.length) best = [...path];
    for (const next of links.get(at)?.keys() ?? []) {
      if (++steps > MAX_STEPS) return;
      if (onPath.has(next)) continue;
      path.push(next);
      onPath.add(next);
      walk(next);
      path.pop();
      onPath.delete(next);
    }
  };
  walk(start);
  const edges = best.slice(1).flatMap((n, i) => hopEdges(links, best[i] ?? start, n));
  return { nodes: best, edges };
}

/**
 * Grafanas that begin a chain: they query another Grafana, and no other Grafana queries them.
 * (Grafanas that only sit on cycles have no such start; grafana-chain-cycle reports those.)
 */
export function grafanaChainStarts(f: Facts, links: GrafanaLinks = grafanaLinks(f)): string[] {
  const queried = new Set<string>();
  for (const [from, ups] of links) for (const to of ups.keys()) if (to !== from) queried.add(to);
  return f.topology.nodes
    .map((n) => n.id)
    .filter((id) => !queried.has(id) && [...(links.get(id)?.keys() ?? [])].some((to) => to !== id));
}

/** `a -> b -> c`, in the design's names. */
export function pathText(f: Facts, nodes: string[]): string {
  return nodes.map((id) => f.nameOf(id)).join(' -> ');
}

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
