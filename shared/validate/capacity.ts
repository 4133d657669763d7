// Capacity of each Prometheus server, estimated from the design alone. Coarse by nature; every
// figure says what it assumed. Head memory uses about 3 kB per active series (RULES.md, RP-RAM).
import { EXPORTER_SPECS, NODE_KINDS } from '../kinds/index.ts';
import { durationMs } from '../model/primitives.ts';
import type { EdgeOf, NodeOf, TopologyNode } from '../model/schema.ts';
import type { DesignFacts } from './design-facts.ts';
import {
  matcherMatches,
  nameConstraints,
  selectsEverything,
  selectsMetric,
  type SelectorParse,
} from './promql.ts';

export const BYTES_PER_SERIES = 3 * 1024;
/** Series one recording rule is assumed to output per server (a handful of label combinations). */
export const SERIES_PER_RECORDING_RULE = 10;

export interface CapacityEstimate {
  nodeId: string;
  name: string;
  /** Servers the node stands for (replicas x shards). */
  instances: number;
  /** Targets one server scrapes (its shard of each target group). */
  targetsPerInstance: number;
  scrapedSeriesPerInstance: number;
  federatedSeriesPerInstance: number;
  recordedSeriesPerInstance: number;
  /** Active series of one server: scraped + federated + recorded. */
  seriesPerInstance: number;
  samplesPerSecondPerInstance: number;
  /** Head memory of one server, bytes. */
  memoryBytesPerInstance: number;
}

export function targetCount(node: TopologyNode, f: DesignFacts): number {
  if (node.kind === 'targets') return node.addresses?.length || (node.count ?? 1);
  return f.instances(node.id).length;
}

function seriesPerTarget(node: TopologyNode): number {
  if (node.kind === 'targets')
    return EXPORTER_SPECS[node.exporter ?? 'node-exporter'].seriesPerTarget;
  return NODE_KINDS[node.kind].selfSeries ?? 500;
}

/** Targets and series one server of `p` scrapes over one scrape edge (its shard of the group). */
function scrapeShare(
  f: DesignFacts,
  p: NodeOf<'prometheus'>,
  e: EdgeOf<'scrape'>,
): { targets: number; series: number } | undefined {
  const to = f.node(e.to);
  if (!to) return undefined;
  const targets = targetCount(to, f) / (e.shard ? e.shard.modulus : (p.shards ?? 1));
  return { targets, series: targets * seriesPerTarget(to) };
}

export function estimateCapacity(f: DesignFacts): Map<string, CapacityEstimate> {
  const out = new Map<string, CapacityEstimate>();
  const inProgress = new Set<string>();
  const estimate = (p: NodeOf<'prometheus'>): CapacityEstimate => {
    const done = out.get(p.id);
    if (done) return done;
    inProgress.add(p.id);
    const intervalS = Math.max(f.scrapeIntervalMs(p), 1) / 1000;
    let targets = 0;
    let scraped = 0;
    let scrapedPerSecond = 0;
    for (const e of f.graph.outgoing(p.id, 'scrape')) {
      const share = scrapeShare(f, p, e);
      if (!share) continue;
      const series = share.series;
      targets += share.targets;
      scraped += series;
      scrapedPerSecond +=
        series / (e.interval ? Math.max(durationMs(e.interval), 1) / 1000 : intervalS);
    }
    let federated = 0;
    let federatedPerSecond = 0;
    for (const e of f.graph.outgoing(p.id, 'federate')) {
      const src = f.node(e.to);
      if (!src || src.kind !== 'prometheus' || inProgress.has(src.id)) continue; // a cycle is its own finding
      const pulled = federatedSeries(f, src, e.match, estimate(src));
      federated += pulled;
      federatedPerSecond +=
        pulled / (e.interval ? Math.max(durationMs(e.interval), 1) / 1000 : intervalS);
    }
    const recorded = (p.recordingRules?.length ?? 0) * SERIES_PER_RECORDING_RULE;
    const evalS = Math.max(f.evaluationIntervalMs(p), 1) / 1000;
    const series = Math.round(scraped + federated + recorded);
    const est: CapacityEstimate = {
      nodeId: p.id,
      name: p.name,
      instances: f.instances(p.id).length,
      targetsPerInstance: Math.ceil(targets),
      scrapedSeriesPerInstance: Math.round(scraped),
      federatedSeriesPerInstance: Math.round(federated),
      recordedSeriesPerInstance: recorded,
      seriesPerInstance: series,
      samplesPerSecondPerInstance: Math.round(
        scrapedPerSecond + federatedPerSecond + recorded / evalS,
      ),
      memoryBytesPerInstance: series * BYTES_PER_SERIES,
    };
    inProgress.delete(p.id);
    out.set(p.id, est);
    return est;
  };
  for (const p of f.prometheus) estimate(p);
  return out;
}

/** Series one federation pull brings from all servers of a source node. */
function federatedSeries(
  f: DesignFacts,
  src: NodeOf<'prometheus'>,
  match: string[],
  srcEst: CapacityEstimate,
): number {
  const servers = f.instances(src.id).length;
  const rules = src.recordingRules ?? [];
  let total = 0;
  for (const text of match) {
    const sel = f.selector(text);
    if (!sel.ok) continue;
    if (selectsEverything(sel)) {
      total += srcEst.seriesPerInstance * servers;
      continue;
    }
    const matchedRules = rules.filter((r) => selectsMetric(sel, r.record) !== false).length;
    const names = nameConstraints(sel);
    // No metric name asked for (`{job="node"}`): every series the source scrapes for the jobs the
    // selector's `job` matchers admit. A raw metric name: one series per scraped target.
    // Aggregates: a few per recording rule.
    const raw =
      names.length === 0
        ? scrapedSeriesOfJobs(f, src, sel)
        : names.some((c) => !c.value.includes(':'))
          ? srcEst.targetsPerInstance
          : 0;
    total += (matchedRules * SERIES_PER_RECORDING_RULE + raw) * servers;
  }
  return total;
}

/** Series one server of `src` scrapes over the edges whose job name the selector admits. */
function scrapedSeriesOfJobs(
  f: DesignFacts,
  src: NodeOf<'prometheus'>,
  sel: Extract<SelectorParse, { ok: true }>,
): number {
  const jobMatchers = sel.matchers.filter((m) => m.name === 'job');
  let series = 0;
  for (const e of f.graph.outgoing(src.id, 'scrape')) {
    const job = e.job ?? f.nameOf(e.to);
    if (jobMatchers.some((m) => matcherMatches(m, job) === false)) continue;
    series += scrapeShare(f, src, e)?.series ?? 0;
  }
  return series;
}

/** For the inspector and `validate --format json`: every Prometheus node's estimate. */
export function capacityReport(f: {
  prometheus: readonly NodeOf<'prometheus'>[];
  capacity: ReadonlyMap<string, CapacityEstimate>;
}): CapacityEstimate[] {
  return f.prometheus
    .map((p) => f.capacity.get(p.id))
    .filter((c): c is CapacityEstimate => c !== undefined);
}
