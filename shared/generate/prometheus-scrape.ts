// The scrape_configs of one Prometheus server: a job per scrape edge (hashmod-sharded when the
// server is a shard), the federate jobs and the meta-monitoring jobs.
import { EXPORTER_SPECS, NODE_KIND_SPECS } from '../catalog/node-kinds.ts';
import type { Instance } from '../model/instances.ts';
import type { EdgeOf, NodeOf, TopologyNode } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { metaFederateMatch, metaScrapeJobs } from './meta-monitoring.ts';
import { federateJobs, jobLabelOf, type ClaimedJob } from './prometheus-federate.ts';

type PrometheusNode = NodeOf<'prometheus'>;
type ScrapeJob = Record<string, unknown>;

/** Where federation is served: every Prometheus instance's web port. */
export const PROMETHEUS_PORT = NODE_KIND_SPECS.prometheus.port;

/** What one scraped node offers: its addresses, metrics path and the labels of its target group. */
export interface ScrapedEndpoints {
  targets: string[];
  metricsPath: string;
  labels: Record<string, string>;
}

export function scrapedEndpoints(ctx: GenerateContext, node: TopologyNode): ScrapedEndpoints {
  if (node.kind === 'targets') {
    const spec = node.exporter !== undefined ? EXPORTER_SPECS[node.exporter] : undefined;
    const port = node.port ?? spec?.port ?? NODE_KIND_SPECS.targets.port;
    const explicit = node.addresses ?? [];
    return {
      // Explicit addresses stand for real hosts; otherwise the exporters the stack runs.
      targets:
        explicit.length > 0 ? [...explicit] : ctx.instances(node).map((i) => `${i.name}:${port}`),
      metricsPath: node.metricsPath ?? spec?.metricsPath ?? '/metrics',
      labels: { ...(node.labels ?? {}) },
    };
  }
  const kind = NODE_KIND_SPECS[node.kind];
  const metrics = kind.metrics ?? { port: kind.port, path: '/metrics' };
  return {
    targets: ctx.instances(node).map((i) => `${i.name}:${metrics.port}`),
    metricsPath: metrics.path,
    labels: {},
  };
}

/**
 * Job names must be unique within one config. A repeated name gets a numeric suffix, and a
 * relabel step puts the intended name back into the `job` label, so two target groups an
 * architect both called `node` still land in job="node" as their rules expect.
 */
class JobNames {
  private readonly taken = new Set<string>();

  claim(wanted: string): { jobName: string; relabel: Record<string, unknown>[] } {
    if (!this.taken.has(wanted)) {
      this.taken.add(wanted);
      return { jobName: wanted, relabel: [] };
    }
    let n = 2;
    while (this.taken.has(`${wanted}-${n}`)) n++;
    const jobName = `${wanted}-${n}`;
    this.taken.add(jobName);
    return {
      jobName,
      // `$` starts a capture-group reference in a replacement; `$$` is a literal `$`.
      relabel: [
        { target_label: 'job', replacement: wanted.replace(/\$/g, '$$$$'), action: 'replace' },
      ],
    };
  }
}

export interface ShardPartition {
  modulus: number;
  index: number;
}

/** The hashmod partition of OPER (prometheus-operator's promcfg.go): keep one bucket of targets. */
export function shardRelabeling(p: ShardPartition): Record<string, unknown>[] {
  return [
    {
      source_labels: ['__address__'],
      modulus: p.modulus,
      target_label: '__tmp_hash',
      action: 'hashmod',
    },
    { source_labels: ['__tmp_hash'], regex: `^${p.index}$`, action: 'keep' },
  ];
}

/**
 * Which part of a scrape edge's targets this server keeps. An explicit `shard` on the edge wins
 * over the node's own sharding: it describes a hand-made or imported partition of that one target
 * group, and applying both would keep the intersection of two partitions, i.e. lose targets.
 */
function partitionFor(
  node: PrometheusNode,
  instance: Instance,
  edge: EdgeOf<'scrape'>,
): ShardPartition | undefined {
  if (edge.shard) return edge.shard;
  const shards = node.shards ?? 1;
  if (shards > 1 && instance.shard !== undefined) return { modulus: shards, index: instance.shard };
  return undefined;
}

function timing(edge: { interval?: string; timeout?: string }): Record<string, string> {
  return {
    ...(edge.interval !== undefined ? { scrape_interval: edge.interval } : {}),
    ...(edge.timeout !== undefined ? { scrape_timeout: edge.timeout } : {}),
  };
}

function scrapeJob(
  ctx: GenerateContext,
  node: PrometheusNode,
  instance: Instance,
  edge: EdgeOf<'scrape'>,
  claimed: ClaimedJob,
): ScrapeJob {
  const target = ctx.node(edge.to);
  const endpoints = scrapedEndpoints(ctx, target);
  const { jobName, relabel } = claimed;
  const partition = partitionFor(node, instance, edge);
  const relabelConfigs = [...(partition ? shardRelabeling(partition) : []), ...relabel];
  const group: Record<string, unknown> = { targets: endpoints.targets };
  if (Object.keys(endpoints.labels).length > 0) group.labels = endpoints.labels;
  return {
    job_name: jobName,
    ...timing(edge),
    metrics_path: edge.metricsPath ?? endpoints.metricsPath,
    static_configs: [group],
    ...(relabelConfigs.length > 0 ? { relabel_configs: relabelConfigs } : {}),
  };
}

/** Every job of one server, names claimed in the order scrapeConfigs writes them. */
function claimJobs(ctx: GenerateContext, node: PrometheusNode) {
  const names = new JobNames();
  const byEdge = new Map<string, ClaimedJob>();
  for (const e of ctx.outgoing(node.id, 'scrape')) {
    byEdge.set(e.id, names.claim(e.job ?? ctx.node(e.to).name));
  }
  const claim = (wanted: string) => names.claim(wanted);
  const federate = federateJobs(ctx, node, claim, metaFederateMatch(ctx.topology));
  for (const j of federate) for (const id of j.edgeIds) byEdge.set(id, j.claimed);
  return { byEdge, federate, meta: metaScrapeJobs(ctx, node, claim) };
}

/**
 * The job (scrape pool) name of each outgoing scrape and federate edge of a server; federate
 * edges grouped into one job share its name. The lab reads /api/v1/targets by these names, so
 * they come from here rather than being guessed again.
 */
export function jobNamesByEdge(
  ctx: GenerateContext,
  node: PrometheusNode,
): Map<string, ClaimedJob> {
  return claimJobs(ctx, node).byEdge;
}

/** The `job` label values of every job of a server, the meta-monitoring ones included. */
export function ownJobLabels(ctx: GenerateContext, node: PrometheusNode): Set<string> {
  const { byEdge, meta } = claimJobs(ctx, node);
  return new Set([...byEdge.values(), ...meta.map((j) => j.claimed)].map(jobLabelOf));
}

function claimedFor(jobs: Map<string, ClaimedJob>, edgeId: string): ClaimedJob {
  const claimed = jobs.get(edgeId);
  if (!claimed) throw new Error(`no job name for edge "${edgeId}"`);
  return claimed;
}

/**
 * Every scrape job of one server: scrape edges first, in design order, then one federate job per
 * match set (prometheus-federate.ts), then meta-monitoring's own jobs.
 */
export function scrapeConfigs(
  ctx: GenerateContext,
  node: PrometheusNode,
  instance: Instance,
): ScrapeJob[] {
  const { byEdge, federate, meta } = claimJobs(ctx, node);
  return [
    ...ctx
      .outgoing(node.id, 'scrape')
      .map((e) => scrapeJob(ctx, node, instance, e, claimedFor(byEdge, e.id))),
    ...federate.map((j) => j.config),
    ...meta.map((j) => j.config),
  ];
}
