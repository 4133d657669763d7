// Derived facts the federation rules share: what each `match[]` selector asks for, who federates
// whom, and how a server's labels are written in a message.
import type { EdgeOf, NodeOf } from '../model/schema.ts';
import type { Facts } from './facts.ts';
import {
  matcherMatches,
  matchesEmptyOnly,
  nameConstraints,
  selectsEverything,
  type SelectorParse,
} from './promql.ts';

type ParsedSelector = Extract<SelectorParse, { ok: true }>;

/**
 * What one `match[]` selector asks a source for:
 * - invalid: it does not parse as a series selector (reason from the parser);
 * - empty-only: every matcher accepts the empty string, which Prometheus refuses (HTTP 400);
 * - everything: no matcher narrows the set;
 * - raw: it can select series that are not recording-rule output (names without `:`);
 * - aggregates: it selects only `level:metric:operations` series.
 */
export type SelectorKind =
  | { kind: 'invalid'; reason: string }
  | { kind: 'empty-only' }
  | { kind: 'everything' }
  | { kind: 'raw' }
  | { kind: 'aggregates' };

export interface MatchSelector {
  edge: EdgeOf<'federate'>;
  text: string;
  what: SelectorKind;
}

// Metric names in the styles exporters use; a name regex that accepts one asks for raw series.
const RAW_NAMES = ['up', 'node_cpu_seconds_total', 'http_requests_total', 'a', 'zz_9', 'X'];

/** A positive `__name__` constraint that lets through a metric name without `:`. */
function admitsRawName(c: { op: string; value: string }): boolean {
  if (!c.value.includes(':')) return true;
  if (c.op !== '=~') return false;
  return RAW_NAMES.some((n) => matcherMatches({ name: '__name__', op: '=~', value: c.value }, n));
}

/** Whether a valid selector can return raw series: no positive name constraint, or each admits one. */
export function selectsRaw(sel: ParsedSelector): boolean {
  return nameConstraints(sel).every(admitsRawName);
}

export function classifySelector(f: Facts, text: string): SelectorKind {
  const sel = f.selector(text);
  if (!sel.ok) return { kind: 'invalid', reason: sel.reason };
  if (matchesEmptyOnly(sel)) return { kind: 'empty-only' };
  if (selectsEverything(sel)) return { kind: 'everything' };
  return selectsRaw(sel) ? { kind: 'raw' } : { kind: 'aggregates' };
}

/** Every selector of every federate edge, in design order. */
export function matchSelectors(f: Facts): MatchSelector[] {
  return f
    .edgesOfKind('federate')
    .flatMap((edge) => edge.match.map((text) => ({ edge, text, what: classifySelector(f, text) })));
}

/** Whether a federate edge pulls series that are not recording-rule output. */
export function pullsRawSeries(f: Facts, edge: EdgeOf<'federate'>): boolean {
  return edge.match.some((text) => {
    const k = classifySelector(f, text).kind;
    return k === 'raw' || k === 'everything';
  });
}

/** The prometheus nodes with outgoing federate edges, with their edges grouped by source. */
export function federators(
  f: Facts,
): { federator: string; sources: Map<string, EdgeOf<'federate'>[]> }[] {
  const by = new Map<string, Map<string, EdgeOf<'federate'>[]>>();
  for (const e of f.edgesOfKind('federate')) {
    let sources = by.get(e.from);
    if (!sources) by.set(e.from, (sources = new Map<string, EdgeOf<'federate'>[]>()));
    const list = sources.get(e.to);
    if (list) list.push(e);
    else sources.set(e.to, [e]);
  }
  return [...by].map(([federator, sources]) => ({ federator, sources }));
}

export function prometheusNode(f: Facts, id: string): NodeOf<'prometheus'> | undefined {
  const n = f.node(id);
  return n?.kind === 'prometheus' ? n : undefined;
}

/** `{datacenter="eu", replica="0"}`, as PromQL writes a label set. */
export function formatLabels(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}}`;
}

/** A label set's identity, independent of key order. */
export function labelsKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `a`, `a and b`, `a, b and c`. */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** At most this many cycles are listed: each is an error already, and a dense graph has many. */
const MAX_CYCLES = 50;
/** Paths tried before giving up on finding more cycles (the search is exponential in theory). */
const MAX_STEPS = 100_000;

/**
 * The elementary cycles of the federate graph, each once: it starts at its node that comes first
 * in the design and follows the federate direction; `edges` are the federate edges along it.
 */
export function federateCycles(f: Facts): { nodes: string[]; edges: string[] }[] {
  const order = new Map(f.topology.nodes.map((n, i) => [n.id, i]));
  // Sets: a federator of twenty thousand sources is looked up once per edge.
  const next = new Map<string, Set<string>>();
  const edgesBetween = new Map<string, string[]>();
  for (const e of f.edgesOfKind('federate')) {
    const list = next.get(e.from) ?? new Set<string>();
    list.add(e.to);
    next.set(e.from, list);
    const key = `${e.from}\n${e.to}`;
    const between = edgesBetween.get(key);
    if (between) between.push(e.id);
    else edgesBetween.set(key, [e.id]);
  }
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const cycles: { nodes: string[]; edges: string[] }[] = [];
  const path: string[] = [];
  const onPath = new Set<string>();
  let steps = 0;
  // From `start`, walk only through nodes that come after it: a cycle is found from its first node.
  const walk = (start: string, at: string): void => {
    for (const to of next.get(at) ?? []) {
      if (cycles.length >= MAX_CYCLES || ++steps > MAX_STEPS) return;
      if (to === start) {
        const nodes = [...path];
        const edges = nodes.flatMap(
          (id, i) => edgesBetween.get(`${id}\n${nodes[i + 1] ?? start}`) ?? [],
        );
        cycles.push({ nodes, edges });
      } else if (rank(to) > rank(start) && !onPath.has(to)) {
        path.push(to);
        onPath.add(to);
        walk(start, to);
        path.pop();
        onPath.delete(to);
      }
    }
  };
  const starts = [...next.keys()].sort((a, b) => rank(a) - rank(b));
  for (const start of starts) {
    path.push(start);
    onPath.add(start);
    walk(start, start);
    path.pop();
    onPath.delete(start);
  }
  return cycles;
}
