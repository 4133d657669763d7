import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { composeConfig, runTool, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { allocateHostPorts, escapeComposeValue, renderCompose } from './compose.ts';
import { createContext } from './context.ts';
import { designVars, renderEnvExample, renderWriteSecrets, WRITE_SECRETS_PATH } from './env.ts';
import { generateExport } from './index.ts';
import type { ServiceSpec } from './types.ts';

function design(text: string): Topology {
  const r = parseTopology(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Every node kind, core and extended, with replicas, shards and secrets. */
const EVERY_KIND = `
apiVersion: fedstudio/v1
kind: Topology
metadata: { name: every-kind, description: "All kinds | one design" }
groups: [ { id: eu, externalLabels: { datacenter: eu } } ]
nodes:
  - { id: p, kind: prometheus, name: prom, group: eu, replicas: 2, shards: 2, thanosSidecar: true }
  - { id: g, kind: prometheus, name: global, replicas: 2, externalLabels: { datacenter: global } }
  - { id: am, kind: alertmanager, name: am, replicas: 3,
      receivers: [ { name: hook, type: webhook, url: "\${HOOK_URL}" }, { name: pd, type: pagerduty, routingKey: "\${PD_KEY}" } ] }
  - { id: gr, kind: grafana, name: grafana, replicas: 2, adminPassword: "\${GRAFANA_ADMIN_PASSWORD}" }
  - { id: n, kind: targets, name: node, exporter: node-exporter, count: 100, notes: "ask \${ONLY_IN_NOTES}" }
  - { id: c, kind: targets, name: cadv, exporter: cadvisor, count: 2 }
  - { id: b, kind: targets, name: probe, exporter: blackbox, count: 1 }
  - { id: x, kind: targets, name: ext, exporter: custom, addresses: ["10.0.0.1:9100"] }
  - { id: i, kind: influxdb, name: influx, password: "\${INFLUX_PW}" }
  - { id: ch, kind: clickhouse, name: clickhouse }
  - { id: pg, kind: postgres, name: pg }
  - { id: r, kind: redis, name: redis, password: "\${REDIS_PW}" }
  - { id: m, kind: mysql, name: mysql }
  - { id: l, kind: loki, name: loki, replicas: 2, retention: 30d }
  - { id: t, kind: tempo, name: tempo }
  - { id: pt, kind: promtail, name: promtail }
  - { id: mi, kind: mimir, name: mimir }
  - { id: q, kind: thanos-query, name: query, replicas: 2 }
  - { id: s, kind: thanos-store, name: store }
  - { id: co, kind: thanos-compactor, name: compactor, retention: 90d }
  - { id: o, kind: object-store, name: minio }
edges:
  - { id: e1, kind: scrape, from: p, to: n }
  - { id: e2, kind: scrape, from: p, to: c }
  - { id: e3, kind: scrape, from: p, to: b }
  - { id: e4, kind: scrape, from: p, to: x }
  - { id: e5, kind: federate, from: g, to: p, match: ['{__name__=~"job:.*"}'] }
  - { id: e6, kind: alerting, from: p, to: am }
  - { id: e7, kind: datasource, from: gr, to: g }
  - { id: e8, kind: datasource, from: gr, to: l }
  - { id: e9, kind: datasource, from: gr, to: q }
  - { id: e10, kind: backend, from: gr, to: pg }
  - { id: e11, kind: remote-write, from: g, to: mi }
  - { id: e12, kind: logs, from: pt, to: l }
  - { id: e13, kind: store, from: q, to: p }
  - { id: e14, kind: store, from: q, to: s }
  - { id: e15, kind: objstore, from: p, to: o }
  - { id: e16, kind: objstore, from: s, to: o }
  - { id: e17, kind: objstore, from: co, to: o }
  - { id: e18, kind: objstore, from: mi, to: o }
  - { id: e19, kind: objstore, from: l, to: o }
  - { id: e20, kind: objstore, from: t, to: o }
`;

const SMALL = design(`
apiVersion: fedstudio/v1
kind: Topology
metadata: { name: hand-made }
nodes:
  - { id: a, kind: prometheus, name: a }
`);

type Compose = {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file: string }>;
  networks: Record<string, unknown>;
} & Record<string, unknown>;

const parse = (text: string) => yaml.load(text) as Compose;

function spec(name: string, over: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name,
    nodeId: 'a',
    imageKey: 'prometheus',
    image: 'prom/prometheus:v3.5.0',
    mounts: [],
    volumes: [],
    ports: [{ container: 9090, name: 'main' }],
    health: { type: 'http', port: 9090, path: '/-/ready' },
    dependsOn: [],
    ...over,
  };
}

const HAND_MADE: ServiceSpec[] = [
  spec('a-0', {
    command: ['--config.file=/etc/prometheus/prometheus.yml'],
    mounts: [{ source: 'prometheus/a-0', target: '/etc/prometheus' }],
    volumes: [{ name: 'a-0-data', target: '/prometheus' }],
    dependsOn: ['am', 'plain', 'not-in-the-stack'],
  }),
  spec('a-1', { volumes: [{ name: 'a-1-data', target: '/prometheus' }] }),
  spec('am', {
    imageKey: 'alertmanager',
    image: 'prom/alertmanager:v0.28.1',
    ports: [{ container: 9093, name: 'main' }],
    secrets: ['HOOK_URL'],
    health: { type: 'command', command: ['amtool', 'check-config', '/etc/am.yml'] },
  }),
  spec('plain', {
    imageKey: 'node-exporter',
    image: 'prom/node-exporter:v1.9.1',
    entrypoint: ['/bin/sh', '-c', 'exec node_exporter "$@"', 'x'],
    environment: { HOSTILE: 'a$b ${VAR} $$', PASSWORD: '${DB_PW}' },
    ports: [{ container: 9090, name: 'main' }],
    health: { type: 'none' },
    hostMounts: [{ source: '/var/log', target: '/var/log' }],
  }),
];

describe('allocateHostPorts', () => {
  it('starts at the container port and counts up past taken ports, in service order', () => {
    const ports = allocateHostPorts(HAND_MADE);
    expect(ports.map((p) => [p.service, p.host])).toEqual([
      ['a-0', 9090],
      ['a-1', 9091],
      ['am', 9093],
      ['plain', 9092],
    ]);
    expect(allocateHostPorts(HAND_MADE)).toEqual(ports);
  });

  it('wraps past 65535 to the first unprivileged port, so a node listening there still gets its replicas', () => {
    const near = ['a', 'b', 'c'].map((name) => ({
      name,
      ports: [{ container: 65534, name: 'main' }],
    }));
    expect(
      allocateHostPorts([{ name: 'x', ports: [{ container: 1024, name: 'main' }] }, ...near]).map(
        (p) => p.host,
      ),
    ).toEqual([1024, 65534, 65535, 1025]);
  });
});

describe('escapeComposeValue', () => {
  it('doubles every $ except intended ${VAR} references', () => {
    expect(escapeComposeValue('a$b ${VAR} $$')).toBe('a$$b ${VAR} $$$$');
    expect(escapeComposeValue('$${VAR} ${1X} ${A:-b} $')).toBe('$$${VAR} $${1X} $${A:-b} $$');
  });
});

describe('renderCompose (hand-made services)', () => {
  const doc = parse(renderCompose(createContext(SMALL), HAND_MADE));

  it('has no top-level name or version, one network and every named volume and secret', () => {
    expect(doc).not.toHaveProperty('name');
    expect(doc).not.toHaveProperty('version');
    expect(Object.keys(doc.networks)).toEqual(['monitoring']);
    expect(Object.keys(doc.volumes ?? {})).toEqual(['a-0-data', 'a-1-data']);
    expect(doc.secrets).toEqual({ HOOK_URL: { file: './secrets/HOOK_URL' } });
  });

  it('renders a service fully', () => {
    const a0 = doc.services['a-0'];
    expect(a0).toMatchObject({
      image: 'prom/prometheus:v3.5.0',
      hostname: 'a-0',
      command: ['--config.file=/etc/prometheus/prometheus.yml'],
      volumes: ['./prometheus/a-0:/etc/prometheus:ro', 'a-0-data:/prometheus'],
      ports: ['127.0.0.1:9090:9090'],
      networks: ['monitoring'],
      restart: 'unless-stopped',
      labels: {
        'io.fedstudio.project': 'hand-made',
        'io.fedstudio.node': 'a',
        'io.fedstudio.instance': 'a-0',
      },
      healthcheck: {
        test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:9090/-/ready'],
        interval: '10s',
        timeout: '5s',
        retries: 12,
        start_period: '10s',
      },
      // A dependency without a health check is only started; one the stack does not run is dropped.
      depends_on: { am: { condition: 'service_healthy' }, plain: { condition: 'service_started' } },
    });
    expect(a0).not.toHaveProperty('container_name');
    expect(doc.services.am).toMatchObject({
      secrets: ['HOOK_URL'],
      healthcheck: { test: ['CMD', 'amtool', 'check-config', '/etc/am.yml'] },
    });
    expect(doc.services.plain).not.toHaveProperty('healthcheck');
    expect(doc.services.plain).toMatchObject({
      entrypoint: ['/bin/sh', '-c', 'exec node_exporter "$$@"', 'x'],
      volumes: ['/var/log:/var/log:ro'],
      ports: ['127.0.0.1:9092:9090'],
    });
  });

  it('refuses two services of one name and secret names that are not variables', () => {
    const ctx = createContext(SMALL);
    expect(() => renderCompose(ctx, [spec('x'), spec('x')])).toThrow(/two services/);
    expect(() => renderCompose(ctx, [spec('x', { secrets: ['../etc'] })])).toThrow(/variable/);
  });
});

describe.skipIf(skipWithoutTool('docker-compose'))('docker-compose 1.29 accepts', () => {
  it('hand-made services, and reads $ as intended', async () => {
    const files = {
      'docker-compose.yml': renderCompose(createContext(SMALL), HAND_MADE),
      '.env': 'COMPOSE_PROJECT_NAME=hand-made\nVAR=value\nDB_PW=pw\n',
    };
    await withTree(files, (dir) => {
      const check = composeConfig(dir);
      expect(check.output).toBe('');
      expect(check.ok).toBe(true);
      const shown = runTool('docker-compose', ['-f', 'docker-compose.yml', 'config'], dir);
      expect(shown.ok).toBe(true);
      const resolved = parse(shown.output);
      // `config` prints the values as the containers get them, re-escaped for compose.
      expect(resolved.services.plain?.environment).toEqual({
        HOSTILE: 'a$$b value $$$$',
        PASSWORD: 'pw',
      });
      expect(resolved.services['a-0']?.depends_on).toMatchObject({
        am: { condition: 'service_healthy' },
        plain: { condition: 'service_started' },
      });
    });
  });

  it('the export of a design with every node kind', async () => {
    const t = design(EVERY_KIND);
    const out = generateExport(t);
    const doc = parse(out.files['docker-compose.yml'] ?? '');
    expect(doc).not.toHaveProperty('name');
    expect(doc).not.toHaveProperty('version');
    const hostPorts: string[] = [];
    for (const [name, s] of Object.entries(doc.services)) {
      expect(s.labels, name).toMatchObject({ 'io.fedstudio.instance': name });
      for (const p of (s.ports as string[] | undefined) ?? []) {
        expect(p).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
        hostPorts.push(p.split(':')[1] ?? '');
      }
      for (const v of (s.volumes as string[] | undefined) ?? []) {
        const source = v.split(':')[0] ?? '';
        if (!source.startsWith('.') && !source.startsWith('/'))
          expect(doc.volumes).toHaveProperty(source);
      }
      for (const d of Object.keys((s.depends_on as object | undefined) ?? {}))
        expect(doc.services).toHaveProperty(d);
    }
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    await withTree(out.files, (dir) => {
      const check = composeConfig(dir);
      expect(check.ok, check.output).toBe(true);
    });
  });
});

describe('.env and .env.example', () => {
  const t = design(EVERY_KIND);
  const out = generateExport(t);

  it('.env holds only the project name', () => {
    expect(out.files['.env']).toBe('COMPOSE_PROJECT_NAME=every-kind\n');
  });

  it('.env.example lists every variable the files use, with a why, and none named only in notes', () => {
    const example = out.files['.env.example'] ?? '';
    const listed = [...example.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=$/gm)].map((m) => m[1]);
    const used = new Set<string>(designVars(t));
    const configs = Object.entries(out.files).filter(
      ([p]) => p !== 'topology.yaml' && p !== 'README.md',
    );
    for (const [, text] of configs)
      for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) if (m[1]) used.add(m[1]);
    const objstore = (out.files['thanos/objstore-minio.yml'] ?? '').replace(/^#.*$/gm, '');
    for (const m of objstore.matchAll(/\$\(([A-Za-z_0-9]+)\)/g)) if (m[1]) used.add(m[1]);
    used.delete('IN_DESCRIPTION');
    for (const v of used) expect(listed, v).toContain(v);
    expect(listed).not.toContain('ONLY_IN_NOTES');
    // Every variable line follows a comment that says why.
    expect(example).not.toMatch(/^\s*\n[A-Za-z_][A-Za-z0-9_]*=$/m);
    expect(example).toMatch(/^COMPOSE_PROJECT_NAME=every-kind$/m);
    expect(example).toMatch(
      /# used by alertmanager "am" \(receivers\[0\]\.url\)\n(# secret file.*\n)?HOOK_URL=/,
    );
    expect(example).toMatch(/# password of PostgreSQL "pg".*\nPG_PASSWORD=/);
  });

  it('marks secret-file variables when given the services', () => {
    const example = renderEnvExample(createContext(t), out.vars, out.services);
    expect(example).toContain('# secret file: also written to secrets/HOOK_URL\nHOOK_URL=');
    expect(example).toContain(WRITE_SECRETS_PATH);
  });
});

describe('scripts/write-secrets.sh', () => {
  it('is generated only when a service mounts secrets', () => {
    expect(renderWriteSecrets([spec('x')])).toBeNull();
  });

  it('writes each secret from .env, unquoted, readable by containers, in a private folder', async () => {
    const script = renderWriteSecrets(HAND_MADE) ?? '';
    const files = {
      [WRITE_SECRETS_PATH]: script,
      '.env': 'COMPOSE_PROJECT_NAME=x\nOTHER=1\nHOOK_URL="https://h/x?a=1&b=$2"\n',
    };
    await withTree(files, (dir) => {
      const r = spawnSync('sh', [path.join(dir, WRITE_SECRETS_PATH)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const file = path.join(dir, 'secrets', 'HOOK_URL');
      expect(readFileSync(file, 'utf8')).toBe('https://h/x?a=1&b=$2');
      expect(statSync(file).mode & 0o777).toBe(0o644);
      expect(statSync(path.join(dir, 'secrets')).mode & 0o777).toBe(0o700);
      writeFileSync(path.join(dir, '.env'), 'HOOK_URL=\n');
      const empty = spawnSync('sh', [path.join(dir, WRITE_SECRETS_PATH)], { encoding: 'utf8' });
      expect(empty.status).not.toBe(0);
      expect(empty.stderr).toContain('HOOK_URL is not set');
    });
  });
});

describe('README.md', () => {
  it('names every top-level folder and every service URL', () => {
    const out = generateExport(design(EVERY_KIND));
    const readme = out.files['README.md'] ?? '';
    const folders = new Set(
      Object.keys(out.files)
        .filter((p) => p.includes('/'))
        .map((p) => p.split('/')[0]),
    );
    expect(folders.size).toBeGreaterThan(5);
    for (const f of folders) expect(readme).toContain(`\`${f}/\``);
    for (const p of allocateHostPorts(out.services))
      expect(readme).toContain(`127.0.0.1:${p.host}`);
    expect(readme).toContain('All kinds | one design');
    expect(readme).toContain('npx fedstudio export topology.yaml --out <dir> --force');
    expect(readme).toContain('examples to replace');
    expect(readme).toContain('service discovery');
  });
});
