// Pieces of a pod made from a compose ServiceSpec: config mounts from the node's ConfigMap,
// host paths, secret files, data claims, environment from the Secret, probes, and Services.
import type { HealthCheck } from '../../kinds/index.ts';
import type { FileTree, ServiceSpec } from '../types.ts';
import {
  configMapKey,
  containerEnv,
  manifest,
  type KubernetesNaming,
  type Manifest,
} from './meta.ts';

/** The claim size of every data volume; a person sizes them for real in an overlay patch. */
export const DEFAULT_STORAGE = '10Gi';
const SECRETS_DIR = '/run/secrets';

export interface Volumes {
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
export function volumesOf(
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
export function claimName(spec: ServiceSpec, volume: string): string {
  const prefix = `${spec.name}-`;
  return volume.startsWith(prefix) ? volume.slice(prefix.length) : volume;
}

export function container(
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
export function configMapOf(
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
