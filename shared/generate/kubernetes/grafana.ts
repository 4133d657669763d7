// Grafana on Kubernetes: one Deployment runs its replicas, provisioning from a ConfigMap.
import type { TopologyNode } from '../../model/schema.ts';
import type { FileTree, ServiceSpec } from '../types.ts';
import { manifest, type KubernetesNaming, type Manifest } from './meta.ts';
import { claimName, container, DEFAULT_STORAGE, instanceService, volumesOf } from './pod.ts';

/**
 * Grafana's provisioning reads `${VAR}` from its environment; `$__env{VAR}` is Grafana's explicit
 * form of the same reference (grafana.ini already uses it), so no manifest shows a `${VAR}`.
 */
export function grafanaEnvRefs(text: string, path: string): string {
  // Only provisioning is expanded from the environment; dashboards have `${var}`s of their own.
  if (!path.includes('/provisioning/')) return text;
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, v: string) => `$__env{${v}}`);
}

/** Set per compose container for Grafana's HA gossip; a Deployment's pods find peers otherwise. */
const PER_INSTANCE_ENV: ReadonlySet<string> = new Set(['GF_UNIFIED_ALERTING_HA_ADVERTISE_ADDRESS']);

/**
 * Grafana replicas share their provisioning, so one Deployment runs them. Each compose instance
 * name still gets a Service (over every replica: they serve the same data) so references resolve.
 * One replica keeps its SQLite data on a claim; several need the shared database the design gives.
 */
export function grafanaWorkload(
  node: TopologyNode,
  specs: ServiceSpec[],
  files: FileTree,
  naming: KubernetesNaming,
  labels: Record<string, string>,
  configName: string,
  used: Set<string>,
): Manifest[] {
  const first = specs[0];
  if (!first) return [];
  const selector = { 'fedstudio.io/node': node.name };
  const v = volumesOf(first, files, configName, naming, used);
  const single = specs.length === 1;
  const dataVolumes = first.volumes.map((vol) => ({
    name: claimName(first, vol.name),
    ...(single
      ? { persistentVolumeClaim: { claimName: `${node.name}-${claimName(first, vol.name)}` } }
      : { emptyDir: {} }),
  }));
  const c = container(
    first,
    naming,
    [
      ...v.mounts,
      ...first.volumes.map((vol) => ({ name: claimName(first, vol.name), mountPath: vol.target })),
    ],
    used,
    PER_INSTANCE_ENV,
  );
  const ports = first.ports.map((p) => ({ name: p.name, port: p.container }));
  const names = new Set([node.name, ...specs.map((s) => s.name)]);
  return [
    ...(single
      ? first.volumes.map((vol) =>
          manifest(
            'v1',
            'PersistentVolumeClaim',
            `${node.name}-${claimName(first, vol.name)}`,
            labels,
            {
              spec: {
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: DEFAULT_STORAGE } },
              },
            },
          ),
        )
      : []),
    manifest('apps/v1', 'Deployment', node.name, labels, {
      spec: {
        replicas: specs.length,
        // A claim read-write by one pod: the old pod stops before the new one starts.
        ...(single ? { strategy: { type: 'Recreate' } } : {}),
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...labels, ...selector } },
          spec: { containers: [c], volumes: [...v.volumes, ...dataVolumes] },
        },
      },
    }),
    ...[...names].map((n) => instanceService(n, labels, selector, ports)),
  ];
}
