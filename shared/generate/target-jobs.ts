// The scrape jobs of edges to `targets` nodes: discovery (discovery.ts), scrape options
// (scrape-options.ts) and probes (blackbox.ts) put together, and what the lab scrapes in their
// place. One list per Prometheus node: every instance of it writes the same targets files.
import { labCanDiscover, labStandsIn, type DiscoveryType } from '../model/discovery.ts';
import type { EdgeOf, NodeOf } from '../model/schema.ts';
import {
  blackboxAddress,
  exampleProbeTargets,
  isProbe,
  moduleOf,
  probeRelabeling,
  probeTargetFor,
  proberOf,
  runsBlackboxExporter,
} from './blackbox.ts';
import type { GenerateContext } from './context.ts';
import {
  discoveryOf,
  jobDiscovery,
  targetsFileName,
  type JobDiscovery,
  type TargetGroup,
} from './discovery.ts';
import { connectionKeys, effectiveOptions, relabelStep } from './scrape-options.ts';
import { exporterPort } from './targets.ts';

type TargetsNode = NodeOf<'targets'>;

export interface TargetJob {
  edgeId: string;
  nodeId: string;
  discovery: DiscoveryType;
  /** The targets file beside prometheus.yml that the job reads (file discovery). */
  file?: string;
  /** What production's job lists (static) or its targets file holds (file). */
  production: TargetGroup;
  /** Whether production's targets are placeholders to replace (the design lists none). */
  example: boolean;
  /**
   * What the lab scrapes instead, when it differs: its own exporter containers, or a probe of
   * its own blackbox exporter. Null when nothing in the lab can stand for the targets.
   */
  lab: TargetGroup | null;
  /** No lab container stands for these targets: the lab cannot know them up. */
  external: boolean;
}

function labels(node: TargetsNode): Record<string, string> | undefined {
  return node.labels && Object.keys(node.labels).length > 0 ? { ...node.labels } : undefined;
}

function group(targets: string[], l: Record<string, string> | undefined): TargetGroup {
  return l ? { targets, labels: l } : { targets };
}

/** The production targets of a node, or placeholders to replace when the design lists none. */
function productionTargets(node: TargetsNode): { targets: string[]; example: boolean } {
  const listed = isProbe(node) ? (node.probe?.targets ?? []) : (node.addresses ?? []);
  if (listed.length > 0) return { targets: [...listed], example: false };
  if (isProbe(node)) return { targets: exampleProbeTargets(node), example: true };
  const n = Math.max(1, Math.min(node.count ?? 1, 3));
  const port = exporterPort(node);
  return {
    targets: Array.from({ length: n }, (_, i) => `host-${i + 1}.example.invalid:${port}`),
    example: true,
  };
}

function labTargets(ctx: GenerateContext, node: TargetsNode, prod: { example: boolean }) {
  if (labStandsIn(node)) {
    const port = exporterPort(node);
    return ctx.instances(node).map((i) => `${i.name}:${port}`);
  }
  if (runsBlackboxExporter(node)) {
    const reachable = labCanDiscover(discoveryOf(node).type) && !prod.example;
    if (reachable) return null;
    // The lab probes its own blackbox exporter: a target it can always reach.
    const first = ctx.instances(node)[0];
    if (!first) return null;
    return [probeTargetFor(proberOf(node), first.name, exporterPort(node))];
  }
  return null;
}

export function targetJob(
  ctx: GenerateContext,
  edge: EdgeOf<'scrape'>,
  node: TargetsNode,
  file: string,
): TargetJob {
  const d = discoveryOf(node);
  const prod = productionTargets(node);
  const lab = labTargets(ctx, node, prod);
  const external = lab === null && !(runsBlackboxExporter(node) && labCanDiscover(d.type));
  return {
    edgeId: edge.id,
    nodeId: node.id,
    discovery: d.type,
    ...(d.type === 'file' ? { file } : {}),
    production: group(prod.targets, labels(node)),
    example: prod.example,
    lab: lab === null ? null : group(lab, labels(node)),
    external,
  };
}

/** The job of each scrape edge from this server to a targets node, by edge id. */
export function targetJobsOf(
  ctx: GenerateContext,
  node: NodeOf<'prometheus'>,
  jobNames: Map<string, { jobName: string }>,
): Map<string, TargetJob> {
  const taken = new Set<string>();
  const out = new Map<string, TargetJob>();
  for (const e of ctx.outgoing(node.id, 'scrape')) {
    const target = ctx.node(e.to);
    if (target.kind !== 'targets') continue;
    const jobName = jobNames.get(e.id)?.jobName ?? target.name;
    out.set(e.id, targetJob(ctx, e, target, targetsFileName(jobName, taken)));
  }
  return out;
}

/**
 * The keys of a job to a targets node after job_name, timing and metrics path: connection,
 * discovery, relabeling (the given head first: sharding and the job-name fix) and metric
 * relabeling.
 */
export function targetJobKeys(
  ctx: GenerateContext,
  edge: EdgeOf<'scrape'>,
  node: TargetsNode,
  job: TargetJob,
  head: Record<string, unknown>[],
  inlineTargets = false,
): Record<string, unknown> {
  const options = effectiveOptions(edge, node);
  const d = discoveryOf(node);
  const found: JobDiscovery = jobDiscovery(
    inlineTargets && d.type === 'file' ? { type: 'static' } : d,
    job.production,
    job.file ?? '',
    exporterPort(node),
  );
  const relabel = [
    ...head,
    ...found.relabel,
    ...(options.relabel ?? []).map(relabelStep),
    ...(isProbe(node) ? probeRelabeling(blackboxAddress(ctx, node)) : []),
  ];
  const metricRelabel = (options.metricRelabel ?? []).map(relabelStep);
  return {
    ...(isProbe(node) ? { params: { module: [moduleOf(node)] } } : {}),
    ...connectionKeys(options),
    ...found.keys,
    ...(relabel.length > 0 ? { relabel_configs: relabel } : {}),
    ...(metricRelabel.length > 0 ? { metric_relabel_configs: metricRelabel } : {}),
  };
}
