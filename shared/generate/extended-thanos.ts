// The Thanos query layer: query, store gateway and compactor.
import { THANOS_GRPC_PORT } from '../kinds/index.ts';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { dumpYaml, imageOf, portOf } from './extended-common.ts';
import { credentialsEnvironment, objectStoreOf, thanosObjstorePath } from './extended-objstore.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

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
