// The federate jobs of one federator, written as the Prometheus federation docs write them: one
// job per match set listing every source instance as a target. Which source a series came from
// is told by the source's external labels (datacenter, region, shard, replica), which /federate
// attaches, never by the job name: a series whose `job` was aggregated away gets the one job
// name, so `sum without(region)` over the sources gives one series, not one per source.
import { NODE_KIND_SPECS } from '../catalog/node-kinds.ts';
import type { EdgeOf, NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';

type PrometheusNode = NodeOf<'prometheus'>;
type FederateEdge = EdgeOf<'federate'>;

/** A job name as claimed in one config, with the relabeling that restores a suffixed name. */
export interface ClaimedJob {
  jobName: string;
  relabel: Record<string, unknown>[];
}

/** Hands out job names unique within one config (the scrape jobs take theirs first). */
export type ClaimJobName = (wanted: string) => ClaimedJob;

const FEDERATE_PORT = NODE_KIND_SPECS.prometheus.port;
/** The upstream docs' job name; further match sets of one federator get `federate-2`, ... */
const FEDERATE_JOB = 'federate';

/** Federate edges of one federator that become one job: same selectors, interval and options. */
export interface FederateGroup {
  edges: FederateEdge[];
  match: string[];
  honorLabels: boolean;
  interval?: string;
  timeout?: string;
}

function groupKey(e: FederateEdge): string {
  return JSON.stringify([
    [...new Set(e.match)].sort(),
    e.honorLabels !== false,
    e.interval ?? null,
    e.timeout ?? null,
  ]);
}

/** The federator's federate edges, grouped, in the order their first edge appears. */
export function federateGroups(ctx: GenerateContext, node: PrometheusNode): FederateGroup[] {
  const groups = new Map<string, FederateGroup>();
  for (const e of ctx.outgoing(node.id, 'federate')) {
    const key = groupKey(e);
    const found = groups.get(key);
    if (found) {
      found.edges.push(e);
      continue;
    }
    groups.set(key, {
      edges: [e],
      match: [...new Set(e.match)],
      honorLabels: e.honorLabels !== false,
      ...(e.interval !== undefined ? { interval: e.interval } : {}),
      ...(e.timeout !== undefined ? { timeout: e.timeout } : {}),
    });
  }
  return [...groups.values()];
}

/** One federate job: its claimed name, the edges it serves and its scrape_config. */
export interface FederateJob {
  claimed: ClaimedJob;
  edgeIds: string[];
  config: Record<string, unknown>;
}

/**
 * Every source instance of a group, in edge order, each once. Both replicas of an HA source are
 * targets, as before the grouping: their series differ by `replica` (RULES.md fed-ha-duplicates),
 * and each shard of a sharded source is one, told apart by its `shard` label.
 */
function sourceTargets(ctx: GenerateContext, group: FederateGroup): string[] {
  const targets = new Set<string>();
  for (const e of group.edges) {
    for (const i of ctx.instances(e.to)) targets.add(`${i.name}:${FEDERATE_PORT}`);
  }
  return [...targets];
}

/**
 * The federate jobs of a federator. `extraMatch` selectors (meta-monitoring's heartbeat) are added
 * to every job, so the federator can tell a stale source from a quiet one.
 */
export function federateJobs(
  ctx: GenerateContext,
  node: PrometheusNode,
  claim: ClaimJobName,
  extraMatch: readonly string[] = [],
): FederateJob[] {
  return federateGroups(ctx, node).map((group, i) => {
    const claimed = claim(i === 0 ? FEDERATE_JOB : `${FEDERATE_JOB}-${i + 1}`);
    const match = [...group.match, ...extraMatch.filter((m) => !group.match.includes(m))];
    return {
      claimed,
      edgeIds: group.edges.map((e) => e.id),
      config: {
        job_name: claimed.jobName,
        // Keep the sources' job/instance and external labels (FED); only an edge may say otherwise.
        honor_labels: group.honorLabels,
        ...(group.interval !== undefined ? { scrape_interval: group.interval } : {}),
        ...(group.timeout !== undefined ? { scrape_timeout: group.timeout } : {}),
        metrics_path: '/federate',
        params: { 'match[]': match },
        static_configs: [{ targets: sourceTargets(ctx, group) }],
        ...(claimed.relabel.length > 0 ? { relabel_configs: claimed.relabel } : {}),
      },
    };
  });
}

/** The `job` label a claimed job's series get: a suffixed name is relabeled to the wanted one. */
export function jobLabelOf(claimed: ClaimedJob): string {
  const restored = claimed.relabel.find((r) => r.target_label === 'job')?.replacement;
  return typeof restored === 'string' ? restored.replace(/\$\$/g, '$') : claimed.jobName;
}
