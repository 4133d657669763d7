// Meta-monitoring's rules, in their own rule file and group next to the design's: the heartbeat
// of every federated server, the alerts of every federator about its sources, and the Watchdog
// of every server that sends alerts.
import { durationMs } from '../model/primitives.ts';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { HEARTBEAT, metaMonitoringOn, WATCHDOG_ALERT } from './meta-monitoring.ts';
import { evaluationIntervalOf, scrapeIntervalOf } from './prometheus-config.ts';
import { jobLabelOf, jobNamesByEdge } from '../graph/jobs.ts';
import type { RuleGroupOf } from './rules.ts';

type PrometheusNode = NodeOf<'prometheus'>;

export const META_RULES_FILE = 'rules/meta-monitoring.yml';

/** How far back the staleness alert looks for a source's last heartbeat. */
const HEARTBEAT_MEMORY = '1h';
/** Missed rounds tolerated before a source counts as stale: one failed scrape is not an outage. */
const STALE_ROUNDS = 3;

function seconds(ms: number): string {
  return `${Math.ceil(ms / 1000)}s`;
}

function federateIntervalMs(ctx: GenerateContext, federator: PrometheusNode, interval?: string) {
  return durationMs(interval ?? scrapeIntervalOf(ctx, federator));
}

/**
 * The oldest a fresh heartbeat can be when `nodeId` holds it: its own evaluation interval, or,
 * for heartbeats it federates, theirs plus each federation hop's interval.
 */
function heartbeatAgeMs(
  ctx: GenerateContext,
  nodeId: string,
  seen: Set<string>,
  memo: Map<string, number>,
): number {
  const node = ctx.node(nodeId);
  // `seen` stops a cycle (an error of fed-cycle); `memo` keeps a wide hierarchy linear.
  if (node.kind !== 'prometheus' || seen.has(nodeId)) return 0;
  const known = memo.get(nodeId);
  if (known !== undefined) return known;
  const below = new Set([...seen, nodeId]);
  let age = durationMs(evaluationIntervalOf(ctx, node));
  for (const e of ctx.outgoing(nodeId, 'federate')) {
    const hop = federateIntervalMs(ctx, node, e.interval);
    age = Math.max(age, heartbeatAgeMs(ctx, e.to, below, memo) + hop);
  }
  memo.set(nodeId, age);
  return age;
}

/** External label names of every server whose heartbeat reaches the federator. */
function sourceLabelNames(ctx: GenerateContext, federator: PrometheusNode): string[] {
  const names = new Set<string>();
  const seen = new Set([federator.id]);
  const queue = ctx.outgoing(federator.id, 'federate').map((e) => e.to);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const node = ctx.node(id);
    for (const i of ctx.instances(node)) {
      for (const name of Object.keys(ctx.externalLabels(node, i))) names.add(name);
    }
    queue.push(...ctx.outgoing(id, 'federate').map((e) => e.to));
  }
  return [...names].sort();
}

function federatorAlerts(ctx: GenerateContext, node: PrometheusNode): Record<string, unknown>[] {
  const edges = ctx.outgoing(node.id, 'federate');
  const jobs = jobNamesByEdge(ctx, node);
  const jobLabels = [
    ...new Set(
      edges.flatMap((e) => {
        const claimed = jobs.get(e.id);
        return claimed ? [jobLabelOf(claimed)] : [];
      }),
    ),
  ];
  const slowestHop = Math.max(...edges.map((e) => federateIntervalMs(ctx, node, e.interval)));
  const memo = new Map<string, number>();
  const oldest = Math.max(
    ...edges.map(
      (e) =>
        heartbeatAgeMs(ctx, e.to, new Set([node.id]), memo) +
        federateIntervalMs(ctx, node, e.interval),
    ),
  );
  const threshold = STALE_ROUNDS * oldest;
  const who = sourceLabelNames(ctx, node)
    .map((n) => `${n}={{ $labels.${n} }}`)
    .join(' ');
  const jobMatcher =
    jobLabels.length === 1
      ? `job="${jobLabels[0]}"`
      : `job=~"${jobLabels.map((j) => j.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&')).join('|')}"`;
  return [
    {
      alert: 'FederationSourceDown',
      expr: `up{${jobMatcher}} == 0`,
      for: seconds(STALE_ROUNDS * slowestHop),
      labels: { severity: 'warning' },
      annotations: {
        summary: `${node.name} cannot federate from {{ $labels.instance }}`,
        description:
          'The source does not answer /federate: its series stop arriving here and rules over them go blind.',
      },
    },
    {
      alert: 'FederatedSeriesStale',
      expr: `time() - max_over_time(${HEARTBEAT}[${HEARTBEAT_MEMORY}]) > ${Math.ceil(threshold / 1000)}`,
      labels: { severity: 'warning' },
      annotations: {
        summary: `${node.name} has had no fresh federated series from ${who || 'a source'} for {{ $value | humanizeDuration }}`,
        description:
          `Every federated server records ${HEARTBEAT} (its clock at each evaluation), and federation carries it up every level with the server's external labels. ` +
          `Federated samples keep their timestamps and a source keeps serving a series' last sample for 5m, so the federate job's up and the presence of series both miss a server that stopped behind a live source; the heartbeat's value stops rising. ` +
          `Fires when the newest heartbeat of the last ${HEARTBEAT_MEMORY} is older than ${STALE_ROUNDS} times the slowest path's evaluation and federation intervals (${seconds(threshold)}).`,
      },
    },
  ];
}

const watchdog = {
  alert: WATCHDOG_ALERT,
  expr: 'vector(1)',
  labels: { severity: 'none' },
  annotations: {
    summary: 'Always firing, so that its absence means the alerting pipeline is broken',
    description:
      "Each Alertmanager routes it to its `watchdog` receiver; point that at a dead man's switch service, which pages when the notifications stop.",
  },
};

export function metaRuleGroups(ctx: GenerateContext, node: PrometheusNode): RuleGroupOf[] {
  if (!metaMonitoringOn(ctx.topology)) return [];
  const rules: Record<string, unknown>[] = [];
  if (ctx.incoming(node.id, 'federate').length > 0) {
    rules.push({ record: HEARTBEAT, expr: 'vector(time())' });
  }
  if (ctx.outgoing(node.id, 'federate').length > 0) rules.push(...federatorAlerts(ctx, node));
  if (ctx.outgoing(node.id, 'alerting').length > 0) rules.push(watchdog);
  if (rules.length === 0) return [];
  return [
    {
      file: META_RULES_FILE,
      group: {
        name: `${node.name}-meta-monitoring`,
        interval: evaluationIntervalOf(ctx, node),
        rules,
      },
    },
  ];
}
