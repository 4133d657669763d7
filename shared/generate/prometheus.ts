// Prometheus nodes -> one prometheus.yml (and rule files) per server, and the containers that run
// them: the server itself and, with `thanosSidecar: true`, its Thanos sidecar.
import { NODE_KINDS, THANOS_GRPC_PORT, THANOS_SIDECAR_HTTP_PORT } from '../kinds/index.ts';
import type { Instance } from '../model/instances.ts';
import type { NodeOf } from '../model/schema.ts';
import { credentialsEnvironment, objectStoreOf, thanosObjstorePath } from './extended-objstore.ts';
import type { GenerateContext } from './context.ts';
import {
  evaluationIntervalOf,
  externalLabelsFor,
  prometheusConfig,
  type ExternalLabels,
} from './prometheus-config.ts';
import { jobNamesByEdge } from '../graph/jobs.ts';
import { targetsFileText } from './discovery.ts';
import { metaRuleGroups } from './meta-rules.ts';
import { PROMETHEUS_PORT } from './prometheus-scrape.ts';
import { scrapeSecretVars, wantsNativeHistograms } from './scrape-options.ts';
import { targetJobsOf } from './target-jobs.ts';
import { dumpConfigYaml, ruleFiles } from './rules.ts';
import type { FileTree, GeneratedPart, ServiceSpec } from './types.ts';

type PrometheusNode = NodeOf<'prometheus'>;

const CONFIG_DIR = '/etc/prometheus';
const DATA_DIR = '/prometheus';
const DEFAULT_RETENTION = '15d';
const OBJSTORE_CONFIG = '/etc/thanos/objstore.yml';

/** The folder of one server's config in the export; mounted at /etc/prometheus. */
export function prometheusConfigDir(instanceName: string): string {
  return `prometheus/${instanceName}`;
}

function prometheusService(
  ctx: GenerateContext,
  node: PrometheusNode,
  instance: Instance,
  external: ExternalLabels,
): ServiceSpec {
  // Scrape credentials, read by the jobs from /run/secrets/<VAR>.
  const secrets = scrapeSecretVars(ctx, node);
  const command = [
    `--config.file=${CONFIG_DIR}/prometheus.yml`,
    `--storage.tsdb.path=${DATA_DIR}`,
    `--storage.tsdb.retention.time=${node.retention ?? DEFAULT_RETENTION}`,
    // Lets the lab and operators reload a changed config with POST /-/reload.
    '--web.enable-lifecycle',
  ];
  if (ctx.incoming(node.id, 'remote-write').length > 0) {
    command.push('--web.enable-remote-write-receiver');
  }
  if (node.thanosSidecar === true) {
    // The sidecar uploads blocks; local compaction must stay off (Thanos sidecar docs).
    command.push('--storage.tsdb.min-block-duration=2h', '--storage.tsdb.max-block-duration=2h');
  }
  if (wantsNativeHistograms(ctx, node)) command.push('--enable-feature=native-histograms');
  if (external.expands) {
    // Always on in Prometheus 3 (where the flag is an ignored no-op); makes 2.x read labels alike.
    command.push('--enable-feature=expand-external-labels');
  }
  return {
    name: instance.name,
    nodeId: node.id,
    imageKey: 'prometheus',
    image: ctx.image('prometheus'),
    command,
    ...(external.vars.length > 0
      ? { environment: Object.fromEntries(external.vars.map((v) => [v, `\${${v}}`])) }
      : {}),
    mounts: [{ source: prometheusConfigDir(instance.name), target: CONFIG_DIR }],
    volumes: [{ name: `${instance.name}-data`, target: DATA_DIR }],
    ports: [{ container: PROMETHEUS_PORT, name: 'web' }],
    ...(secrets.length > 0 ? { secrets } : {}),
    health: NODE_KINDS.prometheus.health,
    dependsOn: ctx.dependsOn(node.id),
  };
}

function sidecarService(
  ctx: GenerateContext,
  node: PrometheusNode,
  instance: Instance,
): ServiceSpec {
  // One bucket per sidecar: the first objstore edge names it (the validator flags none at all).
  const access = objectStoreOf(ctx, node.id);
  const store = access?.node;
  return {
    name: `${instance.name}-sidecar`,
    nodeId: node.id,
    imageKey: 'thanos-sidecar',
    image: ctx.image('thanos-sidecar'),
    command: [
      'sidecar',
      `--tsdb.path=${DATA_DIR}`,
      `--prometheus.url=http://${instance.name}:${PROMETHEUS_PORT}`,
      `--grpc-address=0.0.0.0:${THANOS_GRPC_PORT}`,
      `--http-address=0.0.0.0:${THANOS_SIDECAR_HTTP_PORT}`,
      ...(store ? [`--objstore.config-file=${OBJSTORE_CONFIG}`] : []),
    ],
    mounts: store ? [{ source: thanosObjstorePath(store), target: OBJSTORE_CONFIG }] : [],
    // The bucket config expands the credentials from the environment.
    ...(access ? { environment: credentialsEnvironment(access) } : {}),
    // The sidecar reads the server's blocks from the same volume.
    volumes: [{ name: `${instance.name}-data`, target: DATA_DIR }],
    ports: [{ container: THANOS_SIDECAR_HTTP_PORT, name: 'http' }],
    health: { type: 'http', port: THANOS_SIDECAR_HTTP_PORT, path: '/-/ready' },
    dependsOn: [instance.name],
  };
}

export function generatePrometheus(ctx: GenerateContext): GeneratedPart {
  const files: FileTree = {};
  const services: ServiceSpec[] = [];
  for (const node of ctx.nodesOfKind('prometheus')) {
    const rules = ruleFiles(node, evaluationIntervalOf(ctx, node), metaRuleGroups(ctx, node));
    // Every server of a node reads the same targets files; sharding happens in relabeling.
    const targetsFiles: Record<string, string> = {};
    for (const job of targetJobsOf(ctx, node, jobNamesByEdge(ctx, node)).values()) {
      if (job.file !== undefined) targetsFiles[job.file] = targetsFileText([job.production]);
    }
    for (const instance of ctx.instances(node)) {
      const dir = prometheusConfigDir(instance.name);
      const external = externalLabelsFor(ctx, node, instance);
      const config = prometheusConfig(ctx, node, instance, external.labels, Object.keys(rules));
      files[`${dir}/prometheus.yml`] = dumpConfigYaml(config);
      for (const [rel, text] of Object.entries(rules)) files[`${dir}/${rel}`] = text;
      for (const [rel, text] of Object.entries(targetsFiles)) files[`${dir}/${rel}`] = text;
      services.push(prometheusService(ctx, node, instance, external));
      if (node.thanosSidecar === true) services.push(sidecarService(ctx, node, instance));
    }
  }
  return { files, services };
}
