// Mimir (monolithic) and the Thanos query layer: query, store gateway and compactor.
import { THANOS_GRPC_PORT } from '../kinds/index.ts';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { dumpYaml, imageOf, portOf } from './extended-common.ts';
import { memberlistOf } from './extended-logs.ts';
import {
  clientBucket,
  credentialsEnvironment,
  objectStoreOf,
  thanosObjstorePath,
} from './extended-objstore.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

export function generateMimir(ctx: GenerateContext, node: NodeOf<'mimir'>): GeneratedPart {
  const port = portOf(node);
  const store = objectStoreOf(ctx, node.id);
  const names = ctx.instances(node).map((i) => i.name);
  const replicated = names.length > 1;
  // A single instance advertises loopback; replicas must advertise their own address to each other.
  const addr = replicated ? {} : { instance_addr: '127.0.0.1' };
  const kv = { kvstore: { store: 'memberlist' } };
  const config: Record<string, unknown> = {
    multitenancy_enabled: false,
    server: { http_listen_port: port, grpc_listen_port: 9095 },
    ...(replicated ? { memberlist: memberlistOf(names) } : {}),
    blocks_storage: {
      tsdb: { dir: '/data/tsdb' },
      bucket_store: { sync_dir: '/data/tsdb-sync' },
      ...(store
        ? {
            backend: 's3',
            s3: {
              endpoint: store.endpoint,
              bucket_name: clientBucket(node),
              access_key_id: `\${${store.accessKeyVar}}`,
              secret_access_key: `\${${store.secretKeyVar}}`,
              insecure: true,
            },
          }
        : { backend: 'filesystem', filesystem: { dir: '/data/blocks' } }),
    },
    compactor: { data_dir: '/data/compactor', sharding_ring: kv },
    distributor: { ring: { ...addr, ...kv } },
    ingester: { ring: { ...addr, ...kv, replication_factor: Math.min(3, names.length) } },
    ruler_storage: { backend: 'filesystem', filesystem: { dir: '/data/rules' } },
    alertmanager_storage: { backend: 'filesystem', filesystem: { dir: '/data/alertmanager' } },
    store_gateway: { sharding_ring: { replication_factor: 1 } },
  };
  const file = `mimir/${node.name}/mimir.yml`;
  const services: ServiceSpec[] = names.map((name) => ({
    name,
    nodeId: node.id,
    imageKey: 'mimir',
    image: imageOf(ctx, 'mimir', node.version),
    command: [
      '-config.file=/etc/mimir/mimir.yml',
      '-target=all',
      ...(store ? ['-config.expand-env=true'] : []),
    ],
    ...(store ? { environment: credentialsEnvironment(store) } : {}),
    mounts: [{ source: file, target: '/etc/mimir/mimir.yml' }],
    volumes: [{ name: `${name}-data`, target: '/data' }],
    ports: [{ container: port, name: 'main' }],
    // The image is distroless (no shell, no wget): there is nothing to run a check with.
    health: { type: 'none' },
    dependsOn: ctx.dependsOn(node.id),
  }));
  return { files: { [file]: dumpYaml(config, `Mimir "${node.name}", monolithic.`) }, services };
}

/** gRPC StoreAPI addresses a thanos-query fans out to, from its store edges. */
export function storeEndpoints(ctx: GenerateContext, nodeId: string): string[] {
  return ctx.outgoing(nodeId, 'store').flatMap((e) => {
    const target = ctx.node(e.to);
    // A Prometheus answers through the Thanos sidecar beside each of its servers.
    const suffix = target.kind === 'prometheus' ? '-sidecar' : '';
    return ctx.instances(target).map((i) => `${i.name}${suffix}:${THANOS_GRPC_PORT}`);
  });
}

type ThanosNode = NodeOf<'thanos-query' | 'thanos-store' | 'thanos-compactor'>;

/** The bucket config a store gateway or compactor reads, and the files it needs. */
function bucketOf(ctx: GenerateContext, node: ThanosNode) {
  const store = objectStoreOf(ctx, node.id);
  if (store) {
    return {
      path: thanosObjstorePath(store.node),
      environment: credentialsEnvironment(store),
      files: {},
    };
  }
  // Without an object store it still runs, over a folder of its own volume (nothing uploads there).
  const path = `thanos/${node.name}/objstore.yml`;
  return {
    path,
    environment: undefined,
    files: {
      [path]: dumpYaml(
        { type: 'FILESYSTEM', config: { directory: '/data/bucket' } },
        `"${node.name}" has no objstore edge: a local folder stands in for the bucket.`,
      ),
    },
  };
}

export function generateThanos(ctx: GenerateContext, node: ThanosNode): GeneratedPart {
  const port = portOf(node);
  const http = [`--http-address=0.0.0.0:${port}`, `--grpc-address=0.0.0.0:${THANOS_GRPC_PORT}`];
  const bucket = node.kind === 'thanos-query' ? undefined : bucketOf(ctx, node);
  let args: string[];
  switch (node.kind) {
    case 'thanos-query':
      args = [
        'query',
        ...http,
        ...storeEndpoints(ctx, node.id).map((a) => `--endpoint=${a}`),
        // Always: replicated Prometheus servers differ only by this label (RULES.md thanos-query-dedup).
        '--query.replica-label=replica',
      ];
      break;
    case 'thanos-store':
      args = [
        'store',
        ...http,
        '--data-dir=/data',
        '--objstore.config-file=/etc/thanos/objstore.yml',
      ];
      break;
    case 'thanos-compactor':
      args = [
        'compact',
        '--wait',
        ...http,
        '--data-dir=/data',
        '--objstore.config-file=/etc/thanos/objstore.yml',
        ...(node.retention ? [`--retention.resolution-raw=${node.retention}`] : []),
      ];
      break;
  }
  const services: ServiceSpec[] = ctx.instances(node).map((inst) => ({
    name: inst.name,
    nodeId: node.id,
    imageKey: node.kind,
    image: imageOf(ctx, node.kind, node.version),
    command: args,
    ...(bucket?.environment ? { environment: bucket.environment } : {}),
    mounts: bucket ? [{ source: bucket.path, target: '/etc/thanos/objstore.yml' }] : [],
    volumes: node.kind === 'thanos-query' ? [] : [{ name: `${inst.name}-data`, target: '/data' }],
    ports: [{ container: port, name: 'main' }],
    health: { type: 'http', port, path: '/-/ready' },
    dependsOn: ctx.dependsOn(node.id),
  }));
  return { files: bucket?.files ?? {}, services };
}
