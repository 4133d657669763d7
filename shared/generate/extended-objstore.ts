// Object stores (MinIO) and what their clients need to reach them: credentials passed from .env,
// one bucket per client system, and the Thanos bucket config.
import yaml from 'js-yaml';
import type { NodeOf, TopologyNode } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { imageOf, nodeVar, portOf, varOf } from './extended-common.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

type ObjectStore = NodeOf<'object-store'>;

export interface ObjectStoreAccess {
  node: ObjectStore;
  /** host:port inside the stack's network. */
  endpoint: string;
  accessKeyVar: string;
  secretKeyVar: string;
}

export function objectStoreAccess(node: ObjectStore): ObjectStoreAccess {
  return {
    node,
    endpoint: `${node.name}:${portOf(node)}`,
    accessKeyVar: node.accessKey ? varOf(node.accessKey) : nodeVar(node.name, 'ACCESS_KEY'),
    secretKeyVar: node.secretKey ? varOf(node.secretKey) : nodeVar(node.name, 'SECRET_KEY'),
  };
}

/** The object store a node uploads to (its first objstore edge), if any. */
export function objectStoreOf(ctx: GenerateContext, nodeId: string): ObjectStoreAccess | undefined {
  const edge = ctx.outgoing(nodeId, 'objstore')[0];
  if (!edge) return undefined;
  const target = ctx.node(edge.to);
  return target.kind === 'object-store' ? objectStoreAccess(target) : undefined;
}

/** Environment a client container needs so its config can expand the credentials. */
export function credentialsEnvironment(a: ObjectStoreAccess): Record<string, string> {
  return {
    [a.accessKeyVar]: `\${${a.accessKeyVar}}`,
    [a.secretKeyVar]: `\${${a.secretKeyVar}}`,
  };
}

/** The Thanos bucket: every Thanos component (sidecars, store, compactor) shares it. */
export function thanosBucket(node: ObjectStore): string {
  return node.bucket ?? 'thanos';
}

/** Loki, Tempo and Mimir each get a bucket named after their node, apart from Thanos' blocks. */
export function clientBucket(client: TopologyNode): string {
  return client.name.length >= 3 ? client.name : `${client.name}-data`;
}

/**
 * Path of the Thanos bucket config of an object store: sidecars, store gateways and compactors
 * mount it as their --objstore.config-file and carry `credentialsEnvironment` in their environment.
 */
export function thanosObjstorePath(node: ObjectStore): string {
  return `thanos/objstore-${node.name}.yml`;
}

function thanosObjstoreConfig(a: ObjectStoreAccess): string {
  const config = {
    type: 'S3',
    config: {
      bucket: thanosBucket(a.node),
      endpoint: a.endpoint,
      insecure: true,
      // Thanos substitutes $(VAR) from its environment when it reads this file.
      access_key: `$(${a.accessKeyVar})`,
      secret_key: `$(${a.secretKeyVar})`,
    },
  };
  return (
    `# Thanos bucket config for object store "${a.node.name}" (MinIO). Credentials come from\n` +
    '# the environment: Thanos replaces $(VAR) when it loads the file.\n' +
    yaml.dump(config, { lineWidth: -1, noRefs: true, quotingType: '"', forceQuotes: true })
  );
}

const READY_MARK = '/tmp/fedstudio-buckets-ready';

// MinIO creates no buckets by itself: start the server, create the buckets with the bundled `mc`,
// then mark the container ready. Bucket names arrive as arguments, never inside the script.
const START_SCRIPT = [
  `rm -f ${READY_MARK}`,
  'minio server /data --address ":$MINIO_PORT" --console-address ":9001" & pid=$!',
  'trap \'kill -TERM "$pid"\' TERM INT',
  'until mc alias set local "http://127.0.0.1:$MINIO_PORT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do sleep 1; done',
  'for b in "$@"; do mc mb --ignore-existing "local/$b"; done',
  `touch ${READY_MARK}`,
  'wait "$pid"',
].join('\n');

export function generateObjectStores(ctx: GenerateContext): GeneratedPart {
  const files: Record<string, string> = {};
  const services: ServiceSpec[] = [];
  const vars: { name: string; why: string }[] = [];
  for (const node of ctx.nodesOfKind('object-store')) {
    const a = objectStoreAccess(node);
    if (!node.accessKey)
      vars.push({
        name: a.accessKeyVar,
        why: `access key (root user) of object store "${node.name}"`,
      });
    if (!node.secretKey)
      vars.push({
        name: a.secretKeyVar,
        why: `secret key (root password, at least 8 characters) of object store "${node.name}"`,
      });
    files[thanosObjstorePath(node)] = thanosObjstoreConfig(a);
    const buckets = new Set([thanosBucket(node)]);
    for (const e of ctx.incoming(node.id, 'objstore')) {
      const client = ctx.node(e.from);
      if (client.kind === 'loki' || client.kind === 'tempo' || client.kind === 'mimir')
        buckets.add(clientBucket(client));
    }
    const port = portOf(node);
    services.push({
      name: node.name,
      nodeId: node.id,
      imageKey: 'object-store',
      image: imageOf(ctx, 'object-store', node.version),
      entrypoint: ['sh', '-c', START_SCRIPT, 'minio-start', ...[...buckets].sort()],
      environment: {
        MINIO_ROOT_USER: `\${${a.accessKeyVar}}`,
        MINIO_ROOT_PASSWORD: `\${${a.secretKeyVar}}`,
        MINIO_PORT: String(port),
      },
      mounts: [],
      volumes: [{ name: `${node.name}-data`, target: '/data' }],
      ports: [
        { container: port, name: 'main' },
        { container: 9001, name: 'console' },
      ],
      // Healthy once the buckets exist, so clients that wait for it find them.
      health: { type: 'command', command: ['test', '-f', READY_MARK] },
      dependsOn: ctx.dependsOn(node.id),
    });
  }
  return { files, services, vars };
}
