// Prometheus nodes -> the Prometheus Operator's resources: a `Prometheus` (replicas, the operator's
// own hashmod shards, external labels, retention, alerting, Thanos sidecar, remote write), a
// ScrapeConfig per scrape or federate job, a PrometheusRule per rule group, and a Service per
// compose instance name so every address the other configs use resolves.
import { THANOS_GRPC_PORT } from '../../kinds/index.ts';
import type { Instance } from '../../model/instances.ts';
import type { NodeOf } from '../../model/schema.ts';
import type { GenerateContext } from '../context.ts';
import { objectStoreOf, thanosObjstorePath } from '../extended-objstore.ts';
import { evaluationIntervalOf, prometheusConfig, scrapeIntervalOf } from '../prometheus-config.ts';
import { PROMETHEUS_PORT, scrapeConfigs } from '../prometheus-scrape.ts';
import { metaRuleGroups } from '../meta-rules.ts';
import { ruleGroups } from '../rules.ts';
import {
  secretKeyRef,
  containerEnv,
  labelsOf,
  manifest,
  OPERATOR_API,
  OPERATOR_API_ALPHA,
  PROMETHEUS_SELECTOR_LABEL,
  type KubernetesNaming,
  type Manifest,
} from './meta.ts';
import { DEFAULT_STORAGE, instanceService } from './workloads.ts';
import { scrapeConfigSpec } from './scrape-config.ts';

type PrometheusNode = NodeOf<'prometheus'>;

/** The Secret holding a Thanos bucket config: the operator reads it from a Secret key. */
export function objstoreSecretName(storeName: string): string {
  return `thanos-objstore-${storeName}`;
}
export const OBJSTORE_KEY = 'objstore.yml';

/** The pod the operator runs for one compose instance (its StatefulSet naming). */
export function operatorPodName(prefix: string, name: string, instance: Instance): string {
  const set =
    instance.shard !== undefined && instance.shard > 0
      ? `${prefix}-${name}-shard-${instance.shard}`
      : `${prefix}-${name}`;
  return `${set}-${instance.replica ?? 0}`;
}

/**
 * The scrape jobs of a node as one unsharded server sees them: the operator adds the hashmod of
 * its own shards to every job itself, so the node's sharding is left to it (an edge's explicit
 * `shard` partition stays, as in the compose export).
 */
export function operatorScrapeJobs(
  ctx: GenerateContext,
  node: PrometheusNode,
): Record<string, unknown>[] {
  const first = ctx.instances(node)[0];
  if (!first) return [];
  const unsharded = { ...first };
  delete unsharded.shard;
  return scrapeConfigs(ctx, node, unsharded, { inlineTargets: true });
}

/**
 * External labels for the whole node. The operator names the replica label itself
 * (replicaExternalLabelName) and the shard one is read from the operator's SHARD variable, which
 * its config reloader expands; the rest come from the design (group, then node).
 */
function externalLabels(ctx: GenerateContext, node: PrometheusNode): Record<string, string> {
  const first = ctx.instances(node)[0];
  const all = { ...ctx.externalLabels(node, first) };
  delete all.replica;
  if ((node.shards ?? 1) > 1) all.shard = '$(SHARD)';
  return all;
}

function alerting(ctx: GenerateContext, node: PrometheusNode, namespace: string) {
  const alertmanagers = ctx.outgoing(node.id, 'alerting').map((e) => ({
    namespace,
    name: alertmanagerServiceName(ctx.node(e.to).name),
    port: 'web',
    apiVersion: 'v2',
  }));
  return alertmanagers.length > 0 ? { alerting: { alertmanagers } } : {};
}

/** The Service over every replica of an Alertmanager node, which Prometheus resources point at. */
export function alertmanagerServiceName(nodeName: string): string {
  return `${nodeName}-alertmanager`;
}

/** remote_write of the compose config, in the CRD's field names. */
function remoteWrite(ctx: GenerateContext, node: PrometheusNode): Record<string, unknown> {
  const first = ctx.instances(node)[0];
  if (!first) return {};
  const config = prometheusConfig(ctx, node, first, {}, []);
  const list = (config.remote_write ?? []) as {
    name: string;
    url: string;
    queue_config?: Record<string, unknown>;
  }[];
  if (list.length === 0) return {};
  const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  return {
    remoteWrite: list.map((rw) => ({
      name: rw.name,
      url: rw.url,
      ...(rw.queue_config
        ? {
            queueConfig: Object.fromEntries(
              Object.entries(rw.queue_config).map(([k, v]) => [
                k === 'retry_on_http_429' ? 'retryOnRateLimit' : camel(k),
                v,
              ]),
            ),
          }
        : {}),
    })),
  };
}

function thanos(
  ctx: GenerateContext,
  node: PrometheusNode,
  naming: KubernetesNaming,
  used: Set<string>,
) {
  if (node.thanosSidecar !== true) return {};
  const access = objectStoreOf(ctx, node.id);
  const env = access
    ? containerEnv(
        naming,
        {
          [access.accessKeyVar]: `\${${access.accessKeyVar}}`,
          [access.secretKeyVar]: `\${${access.secretKeyVar}}`,
        },
        used,
      )
    : [];
  return {
    thanos: {
      image: ctx.image('thanos-sidecar'),
      ...(access
        ? { objectStorageConfig: { name: objstoreSecretName(access.node.name), key: OBJSTORE_KEY } }
        : {}),
    },
    // The bucket config expands $(VAR) credentials from the sidecar's environment.
    ...(env.length > 0 ? { containers: [{ name: 'thanos-sidecar', env }] } : {}),
  };
}

export interface PrometheusManifests {
  docs: Manifest[];
  /** Bucket configs the overlay turns into Secrets: export path -> Secret name. */
  objstoreFiles: Record<string, string>;
}

export function prometheusManifests(
  ctx: GenerateContext,
  node: PrometheusNode,
  naming: KubernetesNaming,
  namespace: string,
  used: Set<string>,
): PrometheusManifests {
  const labels = labelsOf(naming, node);
  const select = { matchLabels: { [PROMETHEUS_SELECTOR_LABEL]: node.name } };
  const childLabels = { ...labels, [PROMETHEUS_SELECTOR_LABEL]: node.name };
  const groups = [
    ...ruleGroups(node, evaluationIntervalOf(ctx, node)),
    ...metaRuleGroups(ctx, node),
  ];
  const receivesWrites = ctx.incoming(node.id, 'remote-write').length > 0;
  const scrapeTimeout = ctx.topology.defaults?.scrapeTimeout;
  const prometheus = manifest(OPERATOR_API, 'Prometheus', node.name, labels, {
    spec: {
      image: ctx.image('prometheus'),
      replicas: node.replicas ?? 1,
      ...((node.shards ?? 1) > 1 ? { shards: node.shards } : {}),
      replicaExternalLabelName: 'replica',
      // The design's external labels are the whole set; the operator adds none of its own.
      prometheusExternalLabelName: '',
      externalLabels: externalLabels(ctx, node),
      scrapeInterval: scrapeIntervalOf(ctx, node),
      ...(scrapeTimeout !== undefined ? { scrapeTimeout } : {}),
      evaluationInterval: evaluationIntervalOf(ctx, node),
      retention: node.retention ?? '15d',
      scrapeConfigSelector: select,
      serviceMonitorSelector: select,
      podMonitorSelector: select,
      ruleSelector: select,
      ...(receivesWrites ? { enableRemoteWriteReceiver: true } : {}),
      ...alerting(ctx, node, namespace),
      ...thanos(ctx, node, naming, used),
      ...remoteWrite(ctx, node),
      storage: {
        volumeClaimTemplate: {
          spec: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: DEFAULT_STORAGE } },
          },
        },
      },
    },
  });
  const scrape = operatorScrapeJobs(ctx, node).map((job, i) =>
    manifest(
      OPERATOR_API_ALPHA,
      'ScrapeConfig',
      `${node.name}-${jobResourceName(String(job.job_name), i)}`,
      childLabels,
      {
        spec: scrapeConfigSpec(job, (key) => {
          used.add(key);
          return secretKeyRef(naming, key);
        }),
      },
    ),
  );
  const rules = groups.map((g) =>
    manifest(OPERATOR_API, 'PrometheusRule', g.group.name, childLabels, {
      spec: { groups: [g.group] },
    }),
  );
  const services = ctx.instances(node).map((instance) => {
    const ports = [{ name: 'web', port: PROMETHEUS_PORT }];
    if (node.thanosSidecar === true) ports.push({ name: 'grpc', port: THANOS_GRPC_PORT });
    return instanceService(
      instance.name,
      labels,
      { 'statefulset.kubernetes.io/pod-name': operatorPodName('prometheus', node.name, instance) },
      ports,
    );
  });
  const sidecars =
    node.thanosSidecar === true
      ? ctx.instances(node).map((instance) =>
          instanceService(
            `${instance.name}-sidecar`,
            labels,
            {
              'statefulset.kubernetes.io/pod-name': operatorPodName(
                'prometheus',
                node.name,
                instance,
              ),
            },
            [{ name: 'grpc', port: THANOS_GRPC_PORT }],
          ),
        )
      : [];
  const access = node.thanosSidecar === true ? objectStoreOf(ctx, node.id) : undefined;
  return {
    docs: [prometheus, ...scrape, ...rules, ...services, ...sidecars],
    objstoreFiles: access
      ? { [thanosObjstorePath(access.node)]: objstoreSecretName(access.node.name) }
      : {},
  };
}

/** A DNS-safe resource name for a job (names may hold any character); the index keeps it unique. */
function jobResourceName(jobName: string, index: number): string {
  const clean = jobName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${clean || 'job'}-${index}`;
}
