import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { composeConfig, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { renderCompose } from './compose.ts';
import { createContext } from './context.ts';
import { dataStoreConnection, generateDatastores } from './datastores.ts';
import type { ServiceSpec } from './types.ts';

function design(nodes: string): Topology {
  const r = parseTopology(`
apiVersion: fedstudio/v1
kind: Topology
metadata: { name: stores }
nodes:
${nodes}
`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const STORES = design(`
  - { id: pg, kind: postgres, name: pg-main, version: "16.4", database: grafana, user: grafana }
  - { id: my, kind: mysql, name: mysql, port: 3307, password: "\${MYSQL_PW}" }
  - { id: ch, kind: clickhouse, name: ch }
  - { id: in, kind: influxdb, name: influx, password: "\${INFLUX_PW}", database: metrics }
  - { id: in2, kind: influxdb, name: influx-open }
  - { id: r, kind: redis, name: redis, password: "\${REDIS_PW}" }
  - { id: r2, kind: redis, name: cache }
`);

const part = generateDatastores(createContext(STORES));
const svc = (name: string): ServiceSpec => {
  const s = part.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
};

describe('generateDatastores', () => {
  it('runs one container per data store, with a data volume and its port', () => {
    expect(part.services.map((s) => s.name).sort()).toEqual(
      ['cache', 'ch', 'influx', 'influx-open', 'mysql', 'pg-main', 'redis'].sort(),
    );
    for (const s of part.services) {
      expect(s.volumes).toEqual([{ name: `${s.name}-data`, target: expect.stringMatching(/^\//) }]);
      expect(s.ports).toHaveLength(1);
    }
    expect(svc('mysql').ports[0]?.container).toBe(3307);
    expect(svc('mysql').command).toEqual(['--port=3307']);
  });

  it('replaces the image tag with the node version', () => {
    expect(svc('pg-main').image).toBe('postgres:16.4');
    expect(svc('redis').image).toBe('redis:7.4.5');
  });

  it('generates a password variable only for images that need one and have none', () => {
    expect(part.vars?.map((v) => v.name).sort()).toEqual(['CH_PASSWORD', 'PG_MAIN_PASSWORD']);
    for (const v of part.vars ?? []) expect(v.why).toMatch(/password/);
    expect(svc('pg-main').environment).toEqual({
      POSTGRES_USER: 'grafana',
      POSTGRES_DB: 'grafana',
      POSTGRES_PASSWORD: '${PG_MAIN_PASSWORD}',
    });
    expect(svc('mysql').environment).toMatchObject({
      MYSQL_PASSWORD: '${MYSQL_PW}',
      MYSQL_RANDOM_ROOT_PASSWORD: 'yes',
      MYSQL_DATABASE: 'monitoring',
      MYSQL_USER: 'monitoring',
    });
    expect(svc('ch').environment).toMatchObject({ CLICKHOUSE_PASSWORD: '${CH_PASSWORD}' });
  });

  it('gives redis --requirepass and its health check the password only when one is set', () => {
    expect(svc('redis').command).toEqual(expect.arrayContaining(['--requirepass', '${REDIS_PW}']));
    expect(svc('redis').environment).toEqual({ REDISCLI_AUTH: '${REDIS_PW}' });
    expect(svc('cache').command).not.toContain('--requirepass');
    expect(svc('cache').environment).toBeUndefined();
    expect(svc('cache').health).toEqual({
      type: 'command',
      command: ['redis-cli', '-p', '6379', 'ping'],
    });
  });

  it('turns on InfluxDB auth with a password, and lets its health check log in', () => {
    expect(svc('influx').environment).toMatchObject({
      INFLUXDB_DB: 'metrics',
      INFLUXDB_HTTP_AUTH_ENABLED: 'true',
      INFLUXDB_ADMIN_PASSWORD: '${INFLUX_PW}',
      INFLUX_PASSWORD: '${INFLUX_PW}',
    });
    expect(svc('influx-open').environment).toEqual({ INFLUXDB_DB: 'monitoring' });
  });

  it('health checks postgres over TCP with its user', () => {
    expect(svc('pg-main').health).toEqual({
      type: 'command',
      command: ['pg_isready', '-h', '127.0.0.1', '-p', '5432', '-U', 'grafana'],
    });
  });

  it('tells clients how to connect, with the same defaults and password variable', () => {
    const pg = STORES.nodes.find((n) => n.id === 'pg');
    const ch = STORES.nodes.find((n) => n.id === 'ch');
    if (pg?.kind !== 'postgres' || ch?.kind !== 'clickhouse') throw new Error('fixture');
    expect(dataStoreConnection(pg)).toEqual({
      host: 'pg-main',
      port: 5432,
      user: 'grafana',
      database: 'grafana',
      passwordVar: 'PG_MAIN_PASSWORD',
    });
    expect(dataStoreConnection(ch)).toMatchObject({ user: 'default', passwordVar: 'CH_PASSWORD' });
  });
});

describe.skipIf(skipWithoutTool('docker-compose'))('data stores in docker-compose', () => {
  it('pass docker-compose config', async () => {
    const text = renderCompose(createContext(STORES), part.services);
    const doc = yaml.load(text) as { services: Record<string, { healthcheck?: unknown }> };
    expect(Object.keys(doc.services)).toHaveLength(7);
    await withTree(
      { 'docker-compose.yml': text, '.env': 'COMPOSE_PROJECT_NAME=stores\n' },
      (dir) => {
        const r = composeConfig(dir);
        expect(r.ok, r.output).toBe(true);
      },
    );
  });
});
