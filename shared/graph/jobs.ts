// Scrape job names of a server: one per scrape edge, one per federate match set (its edges share
// it), and meta-monitoring's own. The generator writes them into scrape_configs; the validator
// and the lab look jobs up by them, so all three claim them here, in the order the config has.
import { NODE_KINDS } from '../kinds/index.ts';
import type { EdgeOf, NodeOf, Topology } from '../model/schema.ts';
import type { DesignGraph } from './design-graph.ts';

type PrometheusNode = NodeOf<'prometheus'>;
type FederateEdge = EdgeOf<'federate'>;

/** A job name as claimed in one config, with the relabeling that restores a suffixed name. */
export interface ClaimedJob {
  jobName: string;
  relabel: Record<string, unknown>[];
}

/**
 * Job names must be unique within one config. A repeated name gets a numeric suffix, and a
 * relabel step puts the intended name back into the `job` label, so two target groups an
 * architect both called `node` still land in job="node" as their rules expect.
 */
class JobNames {
  private readonly taken = new Set<string>();

  claim(wanted: string): ClaimedJob {
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

/** The `job` label a claimed job's series get: a suffixed name is relabeled to the wanted one. */
export function jobLabelOf(claimed: ClaimedJob): string {
  const restored = claimed.relabel.find((r) => r.target_label === 'job')?.replacement;
  return typeof restored === 'string' ? restored.replace(/\$\$/g, '$') : claimed.jobName;
}

export function metaMonitoringOn(t: Topology): boolean {
  return t.defaults?.metaMonitoring !== false;
}

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
export function federateGroups(graph: DesignGraph, node: PrometheusNode): FederateGroup[] {
  const groups = new Map<string, FederateGroup>();
  for (const e of graph.outgoing(node.id, 'federate')) {
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

/** The upstream docs' job name; further match sets of one federator get `federate-2`, ... */
const FEDERATE_JOB = 'federate';

/** A meta-monitoring job: the server itself, or the Alertmanagers it sends to. */
export interface MetaJob {
  claimed: ClaimedJob;
  what: 'self' | 'alertmanagers';
  /** For `alertmanagers`: the Alertmanager nodes no scrape edge of the design already scrapes. */
  nodes: string[];
}

export interface ServerJobs {
  /** Each outgoing scrape and federate edge's job; federate edges of one group share it. */
  byEdge: Map<string, ClaimedJob>;
  federate: { claimed: ClaimedJob; group: FederateGroup }[];
  meta: MetaJob[];
}

/** Every job of one server, names claimed in the order its scrape_configs lists them. */
export function claimJobs(graph: DesignGraph, node: PrometheusNode): ServerJobs {
  const names = new JobNames();
  const byEdge = new Map<string, ClaimedJob>();
  const scrapes = graph.outgoing(node.id, 'scrape');
  for (const e of scrapes) byEdge.set(e.id, names.claim(e.job ?? graph.node(e.to).name));
  const federate = federateGroups(graph, node).map((group, i) => ({
    claimed: names.claim(i === 0 ? FEDERATE_JOB : `${FEDERATE_JOB}-${i + 1}`),
    group,
  }));
  for (const j of federate) for (const e of j.group.edges) byEdge.set(e.id, j.claimed);
  const meta: MetaJob[] = [];
  if (metaMonitoringOn(graph.topology)) {
    meta.push({ claimed: names.claim('prometheus'), what: 'self', nodes: [] });
    const scraped = new Set(scrapes.map((e) => e.to));
    const alertmanagers = [...new Set(graph.outgoing(node.id, 'alerting').map((e) => e.to))].filter(
      (id) => !scraped.has(id),
    );
    if (alertmanagers.length > 0) {
      meta.push({
        claimed: names.claim('alertmanager'),
        what: 'alertmanagers',
        nodes: alertmanagers,
      });
    }
  }
  return { byEdge, federate, meta };
}

/**
 * The job (scrape pool) name of each outgoing scrape and federate edge of a server; federate
 * edges grouped into one job share its name. The lab reads /api/v1/targets by these names.
 */
export function jobNamesByEdge(graph: DesignGraph, node: PrometheusNode): Map<string, ClaimedJob> {
  return claimJobs(graph, node).byEdge;
}

/** The `job` label values of every job of a server, the meta-monitoring ones included. */
export function ownJobLabels(graph: DesignGraph, node: PrometheusNode): Set<string> {
  const { byEdge, meta } = claimJobs(graph, node);
  return new Set([...byEdge.values(), ...meta.map((j) => j.claimed)].map(jobLabelOf));
}

/** Where federation is served: every Prometheus instance's web port. */
export const PROMETHEUS_PORT = NODE_KINDS.prometheus.port;
