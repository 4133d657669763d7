// The federate jobs of one federator, written as the Prometheus federation docs write them: one
// job per match set listing every source instance as a target. Which source a series came from
// is told by the source's external labels (datacenter, region, shard, replica), which /federate
// attaches, never by the job name: a series whose `job` was aggregated away gets the one job
// name, so `sum without(region)` over the sources gives one series, not one per source.
import { PROMETHEUS_PORT, type ClaimedJob, type FederateGroup } from '../graph/jobs.ts';
import type { GenerateContext } from './context.ts';

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
    for (const i of ctx.instances(e.to)) targets.add(`${i.name}:${PROMETHEUS_PORT}`);
  }
  return [...targets];
}

/**
 * The federate jobs of a federator, one per match set as the design graph claimed them.
 * `extraMatch` selectors (meta-monitoring's heartbeat) are added to every job, so the federator
 * can tell a stale source from a quiet one.
 */
export function federateJobs(
  ctx: GenerateContext,
  jobs: readonly { claimed: ClaimedJob; group: FederateGroup }[],
  extraMatch: readonly string[] = [],
): FederateJob[] {
  return jobs.map(({ claimed, group }) => {
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
