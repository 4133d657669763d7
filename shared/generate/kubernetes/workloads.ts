// Containers the operator does not run (Grafana, data stores, exporters, the extended kinds) ->
// Kubernetes workloads, made from the same ServiceSpecs as docker-compose.yml so both exports run
// the same images, arguments and config files. Each instance keeps its compose name as a Service,
// so every address the generated configs use resolves inside the namespace.
import type { HealthCheck } from '../../catalog/node-kinds.ts';
import type { TopologyNode } from '../../model/schema.ts';
import type { FileTree, ServiceSpec } from '../types.ts';
import {
  configMapKey,
  containerEnv,
  labelsOf,
  manifest,
  type KubernetesNaming,
  type Manifest,
} from './meta.ts';

/** The claim size of every data volume; a person sizes them for real in an overlay patch. */
export const DEFAULT_STORAGE = '10Gi';
const SECRETS_DIR = '/run/secrets';

interface Volumes {
  volumes: Record<string, unknown>[];
  mounts: Record<string, unknown>[];
}

/** Files of the export a mount source names: the file itself, or every file under the folder. */
function filesUnder(files: FileTree, source: string): { key: string; rel: string }[] {
  if (source in files) return [{ key: configMapKey(source), rel: baseName(source) }];
  const prefix = `${source}/`;
  return Object.keys(files)
    .filter((p) => p.startsWith(prefix))
    .map((p) => ({ key: configMapKey(p), rel: p.slice(prefix.length) }));
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function probe(health: HealthCheck): Record<string, unknown> | undefined {
  if (health.type === 'http') {
    return { httpGet: { path: health.path, port: health.port }, periodSeconds: 10 };
  }
  if (health.type === 'command') return { exec: { command: health.command }, periodSeconds: 10 };
  return undefined;
}

function securityContext(user: string | undefined): Record<string, unknown> {
  const m = user !== undefined ? /^(\d+)(?::(\d+))?$/.exec(user) : null;
  if (!m?.[1]) return {};
  return {
    securityContext: {
      runAsUser: Number(m[1]),
      ...(m[2] !== undefined ? { runAsGroup: Number(m[2]) } : {}),
    },
  };
}

/** Config mounts (from the node's ConfigMap), host paths and secret files of one container. */
function volumesOf(
  spec: ServiceSpec,
  files: FileTree,
  configMap: string,
  naming: KubernetesNaming,
  used: Set<string>,
): Volumes {
  const out: Volumes = { volumes: [], mounts: [] };
  spec.mounts.forEach((m, i) => {
    const entries = filesUnder(files, m.source);
    const name = `config-${i}`;
    const single = m.source in files;
    out.volumes.push({
      name,
      configMap: { name: configMap, items: entries.map((e) => ({ key: e.key, path: e.rel })) },
    });
    out.mounts.push({
      name,
      mountPath: m.target,
      readOnly: true,
      // A single file mounted alone, so the folder it lands in keeps the image's other files.
      ...(single ? { subPath: entries[0]?.rel } : {}),
    });
  });
  (spec.hostMounts ?? []).forEach((m, i) => {
    const name = `host-${i}`;
    out.volumes.push({ name, hostPath: { path: m.source } });
    out.mounts.push({ name, mountPath: m.target, readOnly: true });
  });
  if (spec.secrets && spec.secrets.length > 0) {
    for (const v of spec.secrets) used.add(v);
    out.volumes.push({
      name: 'secrets',
      secret: {
        secretName: naming.secretName,
        items: spec.secrets.map((v) => ({ key: v, path: v })),
      },
    });
    out.mounts.push({ name: 'secrets', mountPath: SECRETS_DIR, readOnly: true });
  }
  return out;
}

/** A volume's name inside a pod: the compose volume name without the instance prefix. */
function claimName(spec: ServiceSpec, volume: string): string {
  const prefix = `${spec.name}-`;
  return volume.startsWith(prefix) ? volume.slice(prefix.length) : volume;
}

function container(
  spec: ServiceSpec,
  naming: KubernetesNaming,
  volumeMounts: Record<string, unknown>[],
  used: Set<string>,
  drop: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const environment = Object.fromEntries(
    Object.entries(spec.environment ?? {}).filter(([k]) => !drop.has(k)),
  );
  const env = containerEnv(naming, environment, used);
  const readiness = probe(spec.health);
  return {
    name: spec.imageKey,
    image: spec.image,
    ...(spec.entrypoint ? { command: spec.entrypoint.map(escapeRefs) } : {}),
    ...(spec.command ? { args: spec.command.map(escapeRefs) } : {}),
    ...(env.length > 0 ? { env } : {}),
    ports: spec.ports.map((p) => ({ name: p.name, containerPort: p.container })),
    ...(volumeMounts.length > 0 ? { volumeMounts } : {}),
    ...(readiness ? { readinessProbe: readiness } : {}),
    ...securityContext(spec.user),
  };
}

/** Kubernetes expands `$(VAR)` in command and args; a literal one is written `$$(VAR)`. */
function escapeRefs(arg: string): string {
  return arg.replace(/\$\(/g, '$$$$(');
}

export function instanceService(
  name: string,
  labels: Record<string, string>,
  selector: Record<string, string>,
  ports: { name: string; port: number }[],
): Manifest {
  return manifest('v1', 'Service', name, labels, {
    spec: {
      selector,
      ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port })),
    },
  });
}

/** The ConfigMap holding every file a node's containers mount, keyed by flattened path. */
function configMapOf(
  name: string,
  labels: Record<string, string>,
  specs: ServiceSpec[],
  files: FileTree,
  rewrite: (text: string, path: string) => string = (t) => t,
): Manifest | undefined {
  const data: Record<string, string> = {};
  for (const s of specs) {
    for (const m of s.mounts) {
      for (const e of filesUnder(files, m.source)) {
        const path = Object.keys(files).find((p) => configMapKey(p) === e.key);
        if (path !== undefined) data[e.key] = rewrite(files[path] ?? '', path);
      }
    }
  }
  if (Object.keys(data).length === 0) return undefined;
  return manifest('v1', 'ConfigMap', name, labels, { data });
}

/** One node's workloads: a Deployment for Grafana, a StatefulSet per instance for the rest. */
export function nodeWorkloads(
  node: TopologyNode,
  specs: ServiceSpec[],
  files: FileTree,
  naming: KubernetesNaming,
  used: Set<string>,
): Manifest[] {
  const labels = labelsOf(naming, node);
  const configName = `${node.name}-config`;
  const out: Manifest[] = [];
  const config = configMapOf(
    configName,
    labels,
    specs,
    files,
    node.kind === 'grafana' ? grafanaEnvRefs : undefined,
  );
  if (config) out.push(config);
  if (node.kind === 'grafana')
    return [...out, ...grafanaWorkload(node, specs, files, naming, labels, configName, used)];
  for (const spec of specs) {
    const podLabels = { ...labels, 'fedstudio.io/instance': spec.name };
    const v = volumesOf(spec, files, configName, naming, used);
    const claims = spec.volumes.map((vol) => ({
      name: claimName(spec, vol.name),
      mountPath: vol.target,
    }));
    const c = container(spec, naming, [...v.mounts, ...claims], used);
    out.push(
      manifest('apps/v1', 'StatefulSet', spec.name, labels, {
        spec: {
          serviceName: spec.name,
          replicas: 1,
          selector: { matchLabels: { 'fedstudio.io/instance': spec.name } },
          template: {
            metadata: { labels: podLabels },
            spec: { containers: [c], ...(v.volumes.length > 0 ? { volumes: v.volumes } : {}) },
          },
          ...(claims.length > 0
            ? {
                volumeClaimTemplates: claims.map((cl) => ({
                  metadata: { name: cl.name },
                  spec: {
                    accessModes: ['ReadWriteOnce'],
                    resources: { requests: { storage: DEFAULT_STORAGE } },
                  },
                })),
              }
            : {}),
        },
      }),
      instanceService(
        spec.name,
        labels,
        { 'fedstudio.io/instance': spec.name },
        spec.ports.map((p) => ({ name: p.name, port: p.container })),
      ),
    );
  }
  return out;
}

/**
 * Grafana's provisioning reads `${VAR}` from its environment; `$__env{VAR}` is Grafana's explicit
 * form of the same reference (grafana.ini already uses it), so no manifest shows a `${VAR}`.
 */
function grafanaEnvRefs(text: string, path: string): string {
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
function grafanaWorkload(
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
