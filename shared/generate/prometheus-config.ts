// The prometheus.yml of one server, as an object: global settings and external labels, rule
// files, Alertmanagers, scrape and federate jobs, remote write.
import { NODE_KINDS } from '../kinds/index.ts';
import type { Instance } from '../model/instances.ts';
import { durationMs, VAR_REF } from '../model/primitives.ts';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { PROMETHEUS_PORT, scrapeConfigs } from './prometheus-scrape.ts';

type PrometheusNode = NodeOf<'prometheus'>;

const DEFAULT_INTERVAL = '15s';

export function scrapeIntervalOf(ctx: GenerateContext, node: PrometheusNode): string {
  return node.scrapeInterval ?? ctx.topology.defaults?.scrapeInterval ?? DEFAULT_INTERVAL;
}

export function evaluationIntervalOf(ctx: GenerateContext, node: PrometheusNode): string {
  return node.evaluationInterval ?? ctx.topology.defaults?.evaluationInterval ?? DEFAULT_INTERVAL;
}

/**
 * External labels as Prometheus must read them. Prometheus 3 always expands `${VAR}` and `$VAR`
 * in external label values from its environment (2.x does with --enable-feature=
 * expand-external-labels). A design's `${VAR}` is meant to be filled from `.env`, so it is kept
 * and the variable is passed into the container; every other `$` is doubled so it stays literal.
 */
export interface ExternalLabels {
  labels: Record<string, string>;
  /** `${VAR}` names referenced by the values: to pass through the service's environment. */
  vars: string[];
  /** Whether any value holds a `$`, so expansion must be on (and is, always, in Prometheus 3). */
  expands: boolean;
}

const LONE_DOLLAR = /\$(?!\{[A-Za-z_][A-Za-z0-9_]*\})/g;

export function externalLabelsFor(
  ctx: GenerateContext,
  node: PrometheusNode,
  instance: Instance,
): ExternalLabels {
  const labels: Record<string, string> = {};
  const vars = new Set<string>();
  let expands = false;
  for (const [name, value] of Object.entries(ctx.externalLabels(node, instance))) {
    if (value.includes('$')) expands = true;
    for (const m of value.matchAll(VAR_REF)) if (m[1]) vars.add(m[1]);
    labels[name] = value.replace(LONE_DOLLAR, '$$$$');
  }
  return { labels, vars: [...vars].sort(), expands };
}

function globalSection(
  ctx: GenerateContext,
  node: PrometheusNode,
  externalLabels: Record<string, string>,
): Record<string, unknown> {
  const scrapeInterval = scrapeIntervalOf(ctx, node);
  let scrapeTimeout = ctx.topology.defaults?.scrapeTimeout;
  // A design-wide timeout must not exceed a node's shorter interval: Prometheus refuses that.
  if (scrapeTimeout !== undefined && durationMs(scrapeTimeout) > durationMs(scrapeInterval)) {
    scrapeTimeout = scrapeInterval;
  }
  return {
    scrape_interval: scrapeInterval,
    ...(scrapeTimeout !== undefined ? { scrape_timeout: scrapeTimeout } : {}),
    evaluation_interval: evaluationIntervalOf(ctx, node),
    ...(Object.keys(externalLabels).length > 0 ? { external_labels: externalLabels } : {}),
  };
}

function alertingSection(
  ctx: GenerateContext,
  node: PrometheusNode,
): Record<string, unknown> | undefined {
  const port = NODE_KINDS.alertmanager.port;
  const targets = new Set<string>();
  for (const edge of ctx.outgoing(node.id, 'alerting')) {
    for (const i of ctx.instances(edge.to)) targets.add(`${i.name}:${port}`);
  }
  // A server without Alertmanagers sends no alerts, so it has nothing to relabel either.
  if (targets.size === 0) return undefined;
  const replicated = (node.replicas ?? 1) > 1;
  return {
    // HA replicas differ only by `replica`: dropping it makes their alerts identical, so the
    // Alertmanager cluster deduplicates them (AM).
    ...(replicated ? { alert_relabel_configs: [{ action: 'labeldrop', regex: 'replica' }] } : {}),
    // Every instance of the cluster: a server must send each alert to all of them (AM).
    alertmanagers: [{ static_configs: [{ targets: [...targets] }] }],
  };
}

function remoteWriteSection(ctx: GenerateContext, node: PrometheusNode): Record<string, unknown>[] {
  const taken = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const edge of ctx.outgoing(node.id, 'remote-write')) {
    const receiver = ctx.node(edge.to);
    const first = ctx.instances(receiver)[0];
    if (!first) continue;
    // Mimir's distributor push endpoint; a Prometheus receiver needs
    // --web.enable-remote-write-receiver, which its own service gets.
    const url =
      receiver.kind === 'mimir'
        ? `http://${first.name}:${NODE_KINDS.mimir.port}/api/v1/push`
        : `http://${first.name}:${PROMETHEUS_PORT}/api/v1/write`;
    let name = receiver.name;
    for (let n = 2; taken.has(name); n++) name = `${receiver.name}-${n}`;
    taken.add(name);
    const queue = Object.fromEntries(
      // An edit in the app can leave a key present but undefined.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
      Object.entries(edge.queue ?? {}).filter(([, v]) => v !== undefined),
    );
    out.push({
      name,
      url,
      ...(Object.keys(queue).length > 0 ? { queue_config: queue } : {}),
    });
  }
  return out;
}

/** The whole prometheus.yml of one instance; `ruleFiles` are paths relative to it. */
export function prometheusConfig(
  ctx: GenerateContext,
  node: PrometheusNode,
  instance: Instance,
  externalLabels: Record<string, string>,
  ruleFiles: string[],
): Record<string, unknown> {
  const alerting = alertingSection(ctx, node);
  const remoteWrite = remoteWriteSection(ctx, node);
  return {
    global: globalSection(ctx, node, externalLabels),
    ...(alerting ? { alerting } : {}),
    ...(ruleFiles.length > 0 ? { rule_files: ruleFiles } : {}),
    scrape_configs: scrapeConfigs(ctx, node, instance),
    ...(remoteWrite.length > 0 ? { remote_write: remoteWrite } : {}),
  };
}
