// Meta-monitoring (on unless `defaults.metaMonitoring: false`): every Prometheus scrapes itself
// and the Alertmanagers it sends to, and every federated server records a heartbeat that its
// federators pull along with the design's selectors. The rules that use them are in meta-rules.ts.
import { metaMonitoringOn, type ClaimedJob, type MetaJob } from '../graph/jobs.ts';
import { NODE_KINDS } from '../kinds/index.ts';
import type { Topology } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';

export { metaMonitoringOn };

/**
 * The heartbeat every federated server records: its own clock at each evaluation. Federation
 * keeps sample timestamps and /federate keeps serving a series' last sample for the 5m lookback,
 * so neither `up` of the federate job nor the presence of a series shows that a server behind a
 * live source has stopped; the value of this series stops rising.
 */
export const HEARTBEAT = 'federation:heartbeat:time';
export const HEARTBEAT_SELECTOR = `{__name__="${HEARTBEAT}"}`;

/** Always firing: proves the path to the Alertmanager and past it works (a dead man's switch). */
export const WATCHDOG_ALERT = 'Watchdog';
/**
 * Each Alertmanager routes the Watchdog, first and only, to this receiver. A design plugs in its
 * dead man's switch service by naming one of its receivers so; otherwise it is a null receiver.
 */
export const WATCHDOG_RECEIVER = 'watchdog';

/** Selectors every federate job adds to the design's, when meta-monitoring is on. */
export function metaFederateMatch(t: Topology): string[] {
  return metaMonitoringOn(t) ? [HEARTBEAT_SELECTOR] : [];
}

/** A meta-monitoring scrape job of a server. */
export interface MetaScrapeJob {
  claimed: ClaimedJob;
  config: Record<string, unknown>;
}

function job(claimed: ClaimedJob, metricsPath: string, targets: string[]) {
  return {
    job_name: claimed.jobName,
    metrics_path: metricsPath,
    static_configs: [{ targets }],
    ...(claimed.relabel.length > 0 ? { relabel_configs: claimed.relabel } : {}),
  };
}

/**
 * The server itself, as the upstream example config does, at localhost: each instance scrapes
 * only itself, unsharded, wherever it runs (compose, or a pod of the operator's); its external
 * labels tell the instances apart upstream. And its Alertmanagers, unless a scrape edge of the
 * design already scrapes them.
 */
export function metaScrapeJobs(ctx: GenerateContext, jobs: readonly MetaJob[]): MetaScrapeJob[] {
  const prometheus = NODE_KINDS.prometheus;
  const am = NODE_KINDS.alertmanager.metrics ?? { port: 9093, path: '/metrics' };
  return jobs.map(({ claimed, what, nodes }) => {
    if (what === 'self') {
      return { claimed, config: job(claimed, '/metrics', [`localhost:${prometheus.port}`]) };
    }
    const targets = new Set<string>();
    for (const id of nodes) for (const i of ctx.instances(id)) targets.add(`${i.name}:${am.port}`);
    return { claimed, config: job(claimed, am.path, [...targets]) };
  });
}
