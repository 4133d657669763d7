// Data stores (influxdb, clickhouse, postgres, redis, mysql): one container each, its password
// passed from .env, its data in a named volume.
import { NODE_KINDS, type HealthCheck } from '../kinds/index.ts';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { imageOf, nodeVar, portOf, varOf } from './extended-common.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

export const DATA_STORE_KINDS = ['influxdb', 'clickhouse', 'postgres', 'redis', 'mysql'] as const;
export type DataStoreKind = (typeof DATA_STORE_KINDS)[number];
export type DataStoreNode = NodeOf<DataStoreKind>;

/** Images that refuse to start, or to accept network clients, without a password. */
const NEEDS_PASSWORD: ReadonlySet<DataStoreKind> = new Set(['postgres', 'mysql', 'clickhouse']);

const DEFAULTS: Record<DataStoreKind, { user?: string; database?: string; dataDir: string }> = {
  postgres: { user: 'postgres', dataDir: '/var/lib/postgresql/data' },
  mysql: { user: 'monitoring', database: 'monitoring', dataDir: '/var/lib/mysql' },
  clickhouse: { user: 'default', database: 'default', dataDir: '/var/lib/clickhouse' },
  influxdb: { user: 'admin', database: 'monitoring', dataDir: '/var/lib/influxdb' },
  redis: { dataDir: '/data' },
};

/** How clients (Grafana data sources and backends) reach a data store: one source of truth. */
export interface DataStoreConnection {
  host: string;
  port: number;
  user?: string;
  database?: string;
  /** The variable holding the password (from the design, or generated), if there is one. */
  passwordVar?: string;
}

export function dataStoreConnection(node: DataStoreNode): DataStoreConnection {
  const d = DEFAULTS[node.kind];
  const user = node.user ?? d.user;
  // Postgres names the default database after the user, as its image does.
  const database = node.database ?? (node.kind === 'postgres' ? user : d.database);
  const passwordVar =
    node.password !== undefined
      ? varOf(node.password)
      : NEEDS_PASSWORD.has(node.kind)
        ? nodeVar(node.name, 'PASSWORD')
        : undefined;
  return {
    host: node.name,
    port: portOf(node),
    ...(user !== undefined ? { user } : {}),
    ...(database !== undefined ? { database } : {}),
    ...(passwordVar !== undefined ? { passwordVar } : {}),
  };
}

/** The containers of the design's data stores, of every data-store kind or of those given. */
export function generateDatastores(
  ctx: GenerateContext,
  kinds: readonly DataStoreKind[] = DATA_STORE_KINDS,
): GeneratedPart {
  const services: ServiceSpec[] = [];
  const vars: { name: string; why: string }[] = [];
  for (const kind of kinds) {
    for (const node of ctx.nodesOfKind(kind)) {
      const conn = dataStoreConnection(node);
      if (node.password === undefined && conn.passwordVar !== undefined) {
        vars.push({
          name: conn.passwordVar,
          why: `password of ${NODE_KINDS[kind].label} "${node.name}" (the design sets none; the image needs one)`,
        });
      }
      services.push(dataStoreService(ctx, node, conn));
    }
  }
  return { files: {}, services, vars };
}

function dataStoreService(
  ctx: GenerateContext,
  node: DataStoreNode,
  c: DataStoreConnection,
): ServiceSpec {
  const spec = NODE_KINDS[node.kind];
  const pw = c.passwordVar !== undefined ? `\${${c.passwordVar}}` : undefined;
  const port = c.port;
  const base = {
    name: node.name,
    nodeId: node.id,
    imageKey: node.kind,
    image: imageOf(ctx, node.kind, node.version),
    mounts: [],
    volumes: [{ name: `${node.name}-data`, target: DEFAULTS[node.kind].dataDir }],
    ports: [{ container: port, name: 'main' }],
    dependsOn: ctx.dependsOn(node.id),
  };
  const cmd = (command: string[]): HealthCheck => ({ type: 'command', command });
  switch (node.kind) {
    case 'postgres':
      return {
        ...base,
        ...(port !== spec.port ? { command: ['postgres', '-c', `port=${port}`] } : {}),
        environment: {
          POSTGRES_USER: c.user ?? 'postgres',
          POSTGRES_DB: c.database ?? 'postgres',
          ...(pw ? { POSTGRES_PASSWORD: pw } : {}),
        },
        // Over TCP: the image's first-start server listens on the socket only, so this stays
        // unhealthy until the real server is up.
        health: cmd([
          'pg_isready',
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          c.user ?? 'postgres',
        ]),
      };
    case 'mysql':
      return {
        ...base,
        ...(port !== spec.port ? { command: [`--port=${port}`] } : {}),
        environment: {
          MYSQL_DATABASE: c.database ?? 'monitoring',
          MYSQL_USER: c.user ?? 'monitoring',
          ...(pw ? { MYSQL_PASSWORD: pw } : {}),
          MYSQL_RANDOM_ROOT_PASSWORD: 'yes',
        },
        // Over TCP for the same reason as postgres (the init server skips networking).
        health: cmd(['mysqladmin', 'ping', '-h', '127.0.0.1', '-P', String(port)]),
      };
    case 'clickhouse':
      return {
        ...base,
        // Arguments after `--` override server settings.
        ...(port !== spec.port ? { command: ['--', `--http_port=${port}`] } : {}),
        environment: {
          CLICKHOUSE_DB: c.database ?? 'default',
          CLICKHOUSE_USER: c.user ?? 'default',
          ...(pw ? { CLICKHOUSE_PASSWORD: pw } : {}),
          CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT: '1',
        },
        health: { type: 'http', port, path: '/ping' },
      };
    case 'influxdb':
      return {
        ...base,
        environment: {
          INFLUXDB_DB: c.database ?? 'monitoring',
          ...(port !== spec.port ? { INFLUXDB_HTTP_BIND_ADDRESS: `:${port}` } : {}),
          ...(pw
            ? {
                INFLUXDB_HTTP_AUTH_ENABLED: 'true',
                INFLUXDB_ADMIN_USER: c.user ?? 'admin',
                INFLUXDB_ADMIN_PASSWORD: pw,
                // Read by the `influx` CLI of the health check.
                INFLUX_USERNAME: c.user ?? 'admin',
                INFLUX_PASSWORD: pw,
              }
            : {}),
        },
        health: cmd(['influx', '-port', String(port), '-execute', 'SHOW DATABASES']),
      };
    case 'redis':
      return {
        ...base,
        command: [
          'redis-server',
          '--port',
          String(port),
          '--appendonly',
          'yes',
          ...(pw ? ['--requirepass', pw] : []),
        ],
        // redis-cli reads the password from REDISCLI_AUTH, so the health check needs no argument.
        ...(pw ? { environment: { REDISCLI_AUTH: pw } } : {}),
        health: cmd(['redis-cli', '-p', String(port), 'ping']),
      };
  }
}
