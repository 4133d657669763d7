// Loki (single binary), Tempo (monolithic) and Promtail: their configs and containers.
import type { NodeOf } from '../model/schema.ts';
import { durationMs } from '../model/primitives.ts';
import type { HostMount } from './types.ts';
import type { GenerateContext } from './context.ts';
import { dumpYaml, imageOf, portOf } from './extended-common.ts';
import {
  clientBucket,
  credentialsEnvironment,
  objectStoreOf,
  type ObjectStoreAccess,
} from './extended-objstore.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

const MEMBERLIST_PORT = 7946;

/** Members of one ring: replicas of a node gossip with each other; one instance needs no gossip. */
function ring(ctx: GenerateContext, node: NodeOf<'loki' | 'tempo' | 'mimir'>) {
  const names = ctx.instances(node).map((i) => i.name);
  return { names, replicated: names.length > 1 };
}

export function memberlistOf(names: string[]) {
  return { join_members: names.map((n) => `${n}:${MEMBERLIST_PORT}`) };
}

/** Prometheus durations to Go's (Loki and Tempo take hours, not days). */
function goHours(d: string): string {
  return `${Math.max(1, Math.round(durationMs(d) / 3_600_000))}h`;
}

export function generateLoki(ctx: GenerateContext, node: NodeOf<'loki'>): GeneratedPart {
  const port = portOf(node);
  const store = objectStoreOf(ctx, node.id);
  const { names, replicated } = ring(ctx, node);
  const objectStore = store ? 's3' : 'filesystem';
  const config: Record<string, unknown> = {
    auth_enabled: false,
    server: { http_listen_port: port, grpc_listen_port: 9095 },
    common: {
      path_prefix: '/loki',
      ...(replicated ? {} : { instance_addr: '127.0.0.1' }),
      replication_factor: Math.min(3, names.length),
      ring: { kvstore: { store: replicated ? 'memberlist' : 'inmemory' } },
      storage: store
        ? { s3: s3For(store, clientBucket(node)) }
        : {
            filesystem: { chunks_directory: '/loki/chunks', rules_directory: '/loki/rules' },
          },
    },
    ...(replicated ? { memberlist: memberlistOf(names) } : {}),
    schema_config: {
      configs: [
        {
          from: '2024-01-01',
          store: 'tsdb',
          object_store: objectStore,
          schema: 'v13',
          index: { prefix: 'index_', period: '24h' },
        },
      ],
    },
    compactor: {
      working_directory: '/loki/compactor',
      ...(node.retention ? { retention_enabled: true, delete_request_store: objectStore } : {}),
    },
    ...(node.retention ? { limits_config: { retention_period: goHours(node.retention) } } : {}),
  };
  const file = `loki/${node.name}/loki.yml`;
  const services: ServiceSpec[] = names.map((name) => ({
    name,
    nodeId: node.id,
    imageKey: 'loki',
    image: imageOf(ctx, 'loki', node.version),
    // expand-env lets the file name the object store's credentials as ${VAR}.
    command: ['-config.file=/etc/loki/loki.yml', ...(store ? ['-config.expand-env=true'] : [])],
    ...(store ? { environment: credentialsEnvironment(store) } : {}),
    mounts: [{ source: file, target: '/etc/loki/loki.yml' }],
    volumes: [{ name: `${name}-data`, target: '/loki' }],
    ports: [{ container: port, name: 'main' }],
    health: { type: 'http', port, path: '/ready' },
    dependsOn: ctx.dependsOn(node.id),
  }));
  return { files: { [file]: dumpYaml(config, `Loki "${node.name}", single binary.`) }, services };
}

function s3For(a: ObjectStoreAccess, bucket: string) {
  return {
    endpoint: a.endpoint,
    bucketnames: bucket,
    access_key_id: `\${${a.accessKeyVar}}`,
    secret_access_key: `\${${a.secretKeyVar}}`,
    insecure: true,
    s3forcepathstyle: true,
  };
}

export function generateTempo(ctx: GenerateContext, node: NodeOf<'tempo'>): GeneratedPart {
  const port = portOf(node);
  const store = objectStoreOf(ctx, node.id);
  const { names, replicated } = ring(ctx, node);
  const config: Record<string, unknown> = {
    server: { http_listen_port: port },
    distributor: {
      receivers: {
        otlp: {
          protocols: { grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } },
        },
      },
    },
    ...(replicated ? { memberlist: memberlistOf(names) } : {}),
    ...(node.retention
      ? { compactor: { compaction: { block_retention: goHours(node.retention) } } }
      : {}),
    storage: {
      trace: {
        wal: { path: '/var/tempo/wal' },
        ...(store
          ? {
              backend: 's3',
              s3: {
                bucket: clientBucket(node),
                endpoint: store.endpoint,
                access_key: `\${${store.accessKeyVar}}`,
                secret_key: `\${${store.secretKeyVar}}`,
                insecure: true,
                forcepathstyle: true,
              },
            }
          : { backend: 'local', local: { path: '/var/tempo/blocks' } }),
      },
    },
  };
  const file = `tempo/${node.name}/tempo.yml`;
  const services: ServiceSpec[] = names.map((name) => ({
    name,
    nodeId: node.id,
    imageKey: 'tempo',
    image: imageOf(ctx, 'tempo', node.version),
    command: ['-config.file=/etc/tempo/tempo.yml', ...(store ? ['-config.expand-env=true'] : [])],
    ...(store ? { environment: credentialsEnvironment(store) } : {}),
    mounts: [{ source: file, target: '/etc/tempo/tempo.yml' }],
    volumes: [{ name: `${name}-data`, target: '/var/tempo' }],
    ports: [
      { container: port, name: 'main' },
      { container: 4317, name: 'otlp-grpc' },
      { container: 4318, name: 'otlp-http' },
    ],
    health: { type: 'http', port, path: '/ready' },
    dependsOn: ctx.dependsOn(node.id),
  }));
  return { files: { [file]: dumpYaml(config, `Tempo "${node.name}", monolithic.`) }, services };
}

const DEFAULT_LOG_PATHS = ['/var/log/*log'];
const GLOB = /[*?[{]/;

/** The host folder that holds a glob's files: the part before the first wildcard segment. */
export function logFolder(path: string): string {
  const parts = path.split('/');
  const i = parts.findIndex((p) => GLOB.test(p));
  const dirParts = i < 0 ? parts.slice(0, -1) : parts.slice(0, i);
  return dirParts.join('/') || '/';
}

export function generatePromtail(ctx: GenerateContext, node: NodeOf<'promtail'>): GeneratedPart {
  const port = portOf(node);
  const paths = node.paths && node.paths.length > 0 ? node.paths : DEFAULT_LOG_PATHS;
  const clients = ctx.outgoing(node.id, 'logs').map((e) => {
    const loki = ctx.node(e.to);
    // The first instance: behind it the ring spreads the streams over every replica.
    const first = ctx.instances(loki)[0]?.name ?? loki.name;
    return { url: `http://${first}:${portOf(loki)}/loki/api/v1/push` };
  });
  const config = {
    server: { http_listen_port: port, grpc_listen_port: 0 },
    positions: { filename: '/var/lib/promtail/positions.yaml' },
    clients,
    scrape_configs: [
      {
        job_name: node.name,
        static_configs: paths.map((p) => ({
          targets: ['localhost'],
          labels: { ...(node.labels ?? {}), job: node.name, __path__: p },
        })),
      },
    ],
  };
  const folders = [...new Set(paths.map(logFolder))].sort();
  // Only the outermost folders: a folder inside another is already visible through it.
  const outer = folders.filter(
    (f) => !folders.some((o) => o !== f && (o === '/' || f.startsWith(`${o}/`))),
  );
  const hostMounts: HostMount[] = outer.map((f) => ({ source: f, target: f }));
  const file = `promtail/${node.name}/promtail.yml`;
  const services: ServiceSpec[] = ctx.instances(node).map((inst) => ({
    name: inst.name,
    nodeId: node.id,
    imageKey: 'promtail',
    image: imageOf(ctx, 'promtail', node.version),
    command: ['-config.file=/etc/promtail/promtail.yml'],
    mounts: [{ source: file, target: '/etc/promtail/promtail.yml' }],
    hostMounts,
    volumes: [{ name: `${inst.name}-positions`, target: '/var/lib/promtail' }],
    ports: [{ container: port, name: 'main' }],
    // The image (Ubuntu) has neither wget nor curl, and nothing waits for Promtail.
    health: { type: 'none' },
    dependsOn: ctx.dependsOn(node.id),
  }));
  return {
    files: { [file]: dumpYaml(config, `Promtail "${node.name}": ships host logs to Loki.`) },
    services,
  };
}
