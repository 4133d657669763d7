// The scrape_configs of one Prometheus server: a job per scrape edge (hashmod-sharded when the
// server is a shard; jobs to targets nodes are made in target-jobs.ts), the federate jobs and the
// meta-monitoring jobs.
import { EXPORTER_SPECS, NODE_KINDS } from '../kinds/index.ts';
import type { Instance } from '../model/instances.ts';
import type { EdgeOf, NodeOf, TopologyNode } from '../model/schema.ts';
import { claimJobs, type ClaimedJob } from '../graph/jobs.ts';
import { isProbe } from './blackbox.ts';
import type { GenerateContext } from './context.ts';
import { metaFederateMatch, metaScrapeJobs } from './meta-monitoring.ts';
import { federateJobs } from './prometheus-federate.ts';
import { connectionKeys, effectiveOptions, relabelStep } from './scrape-options.ts';
import { targetJobKeys, targetJobsOf, type TargetJob } from './target-jobs.ts';

export { PROMETHEUS_PORT } from '../graph/jobs.ts';

type PrometheusNode = NodeOf<'prometheus'>;
type ScrapeJob = Record<string, unknown>;

/** What one scraped node offers: its addresses, metrics path and the labels of its target group. */
export interface ScrapedEndpoints {
  targets: string[];
  metricsPath: string;
  labels: Record<string, string>;
}

export function scrapedEndpoints(ctx: GenerateContext, node: TopologyNode): ScrapedEndpoints {
  if (node.kind === 'targets') {
    const spec = node.exporter !== undefined ? EXPORTER_SPECS[node.exporter] : undefined;
    const port = node.port ?? spec?.port ?? NODE_KINDS.targets.port;
    const explicit = node.addresses ?? [];
    return {
      // Explicit addresses stand for real hosts; otherwise the exporters the stack runs.
      targets:
        explicit.length > 0 ? [...explicit] : ctx.instances(node).map((i) => `${i.name}:${port}`),
      metricsPath: node.metricsPath ?? spec?.metricsPath ?? '/metrics',
      labels: { ...(node.labels ?? {}) },
    };
  }
  const kind = NODE_KINDS[node.kind];
  const metrics = kind.metrics ?? { port: kind.port, path: '/metrics' };
  return {
    targets: ctx.instances(node).map((i) => `${i.name}:${metrics.port}`),
    metricsPath: metrics.path,
    labels: {},
  };
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
  targetJobs: Map<string, TargetJob>,
  how: ScrapeConfigOptions,
): ScrapeJob {
  const target = ctx.node(edge.to);
  const endpoints = scrapedEndpoints(ctx, target);
  const { jobName, relabel } = claimed;
  const partition = partitionFor(node, instance, edge);
  const relabelConfigs = [...(partition ? shardRelabeling(partition) : []), ...relabel];
  const head = {
    job_name: jobName,
    ...timing(edge),
    metrics_path:
      target.kind === 'targets' && isProbe(target)
        ? '/probe'
        : (edge.metricsPath ?? endpoints.metricsPath),
  };
  const job = targetJobs.get(edge.id);
  if (target.kind === 'targets' && job) {
    const keys = targetJobKeys(ctx, edge, target, job, relabelConfigs, how.inlineTargets === true);
    return { ...head, ...keys };
  }
  // A service of the stack itself: its instances, by the names the stack gives them.
  const group: Record<string, unknown> = { targets: endpoints.targets };
  if (Object.keys(endpoints.labels).length > 0) group.labels = endpoints.labels;
  const options = effectiveOptions(edge, target);
  const userRelabel = (options.relabel ?? []).map(relabelStep);
  const metricRelabel = (options.metricRelabel ?? []).map(relabelStep);
  const all = [...relabelConfigs, ...userRelabel];
  return {
    ...head,
    ...connectionKeys(options),
    static_configs: [group],
    ...(all.length > 0 ? { relabel_configs: all } : {}),
    ...(metricRelabel.length > 0 ? { metric_relabel_configs: metricRelabel } : {}),
  };
}

function claimedFor(jobs: Map<string, ClaimedJob>, edgeId: string): ClaimedJob {
  const claimed = jobs.get(edgeId);
  if (!claimed) throw new Error(`no job name for edge "${edgeId}"`);
  return claimed;
}

export interface ScrapeConfigOptions {
  /** List file discovery's targets in the job (where no file sits beside the config: Kubernetes). */
  inlineTargets?: boolean;
}

/**
 * Every scrape job of one server: scrape edges first, in design order, then one federate job per
 * match set (prometheus-federate.ts), then meta-monitoring's own jobs.
 */
export function scrapeConfigs(
  ctx: GenerateContext,
  node: PrometheusNode,
  instance: Instance,
  options: ScrapeConfigOptions = {},
): ScrapeJob[] {
  const { byEdge, federate, meta } = claimJobs(ctx, node);
  const targetJobs = targetJobsOf(ctx, node, byEdge);
  return [
    ...ctx
      .outgoing(node.id, 'scrape')
      .map((e) => scrapeJob(ctx, node, instance, e, claimedFor(byEdge, e.id), targetJobs, options)),
    ...federateJobs(ctx, federate, metaFederateMatch(ctx.topology)).map((j) => j.config),
    ...metaScrapeJobs(ctx, meta).map((j) => j.config),
  ];
}
