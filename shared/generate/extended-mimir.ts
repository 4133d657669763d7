// Mimir, monolithic: one process with every component, its blocks in an object store or a folder.
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { dumpYaml, imageOf, portOf } from './extended-common.ts';
import { memberlistOf } from './extended-logs.ts';
import { clientBucket, credentialsEnvironment, objectStoreOf } from './extended-objstore.ts';
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
