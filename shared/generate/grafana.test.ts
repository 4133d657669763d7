import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@grafana/schema';
import { parseTopology } from '../design/parse.ts';
import { createContext } from './context.ts';
import { generateGrafana } from './grafana.ts';
import { renderIni } from './grafana-ini.ts';
import type { DataSource } from './grafana-datasources.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

function design(nodes: string, edges = '  []'): string {
  return `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: grafana-test }
nodes:
${nodes}
edges:
${edges}
`;
}

function generate(text: string): GeneratedPart {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return generateGrafana(createContext(parsed.topology));
}

function file(part: GeneratedPart, p: string): string {
  const text = part.files[p];
  if (text === undefined)
    throw new Error(`no file ${p}; have ${Object.keys(part.files).join(', ')}`);
  return text;
}

/** What Grafana reads from a provisioning file: `$$` is its escape for a literal `$`. */
function unescapeGrafana<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/\$\$/g, '$')) as T;
}

function dataSources(part: GeneratedPart, grafana: string): DataSource[] {
  const doc = yaml.load(
    file(part, `grafana/${grafana}/provisioning/datasources/datasources.yml`),
  ) as {
    apiVersion: number;
    datasources: DataSource[];
  };
  expect(doc.apiVersion).toBe(1);
  return doc.datasources;
}

function byName(list: DataSource[], name: string): DataSource {
  const ds = list.find((d) => d.name === name);
  if (!ds) throw new Error(`no data source ${name}; have ${list.map((d) => d.name).join(', ')}`);
  return ds;
}

function service(part: GeneratedPart, name: string): ServiceSpec {
  const s = part.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
}

function dashboard(part: GeneratedPart, grafana: string): Dashboard {
  return JSON.parse(file(part, `grafana/${grafana}/dashboards/overview.json`)) as Dashboard;
}

const EVERY_KIND = design(
  `  - { id: g, kind: grafana, name: grafana, adminPassword: "\${GF_ADMIN}" }
  - id: prom
    kind: prometheus
    name: prom
    scrapeInterval: 30s
    recordingRules: [ { record: "job:up:sum", expr: "sum by (job) (up)" } ]
  - { id: leaf, kind: prometheus, name: leaf }
  - { id: am, kind: alertmanager, name: am, replicas: 2 }
  - { id: influx, kind: influxdb, name: influx, database: sensors, user: reader, password: "\${INFLUX_PASSWORD}" }
  - { id: ch, kind: clickhouse, name: ch, database: sales, user: grafana, password: "\${CH_PASSWORD}" }
  - { id: pg, kind: postgres, name: pg, database: app, user: app, password: "\${PG_PASSWORD}" }
  - { id: my, kind: mysql, name: my, database: shop, user: shop }
  - { id: loki, kind: loki, name: loki }
  - { id: tempo, kind: tempo, name: tempo }
  - { id: mimir, kind: mimir, name: mimir }
  - { id: tq, kind: thanos-query, name: thanos-query }`,
  `  - { id: f, kind: federate, from: prom, to: leaf, match: ['{__name__=~"job:.*"}'] }
  - { id: d1, kind: datasource, from: g, to: prom }
  - { id: d2, kind: datasource, from: g, to: am }
  - { id: d3, kind: datasource, from: g, to: influx, name: Sensors }
  - { id: d4, kind: datasource, from: g, to: ch, default: true }
  - { id: d5, kind: datasource, from: g, to: pg }
  - { id: d6, kind: datasource, from: g, to: my }
  - { id: d7, kind: datasource, from: g, to: loki }
  - { id: d8, kind: datasource, from: g, to: tempo }
  - { id: d9, kind: datasource, from: g, to: mimir }
  - { id: d10, kind: datasource, from: g, to: tq }`,
);

describe('Grafana data sources', () => {
  const part = generate(EVERY_KIND);
  const list = dataSources(part, 'grafana');

  it('writes one data source per edge, of the type its target needs', () => {
    expect(list.map((d) => [d.name, d.type, d.url])).toEqual([
      ['prom', 'prometheus', 'http://prom:9090'],
      ['am', 'alertmanager', 'http://am-0:9093'],
      ['Sensors', 'influxdb', 'http://influx:8086'],
      ['ch', 'grafana-clickhouse-datasource', undefined],
      ['pg', 'grafana-postgresql-datasource', 'pg:5432'],
      ['my', 'mysql', 'my:3306'],
      ['loki', 'loki', 'http://loki:3100'],
      ['tempo', 'tempo', 'http://tempo:3200'],
      ['mimir', 'prometheus', 'http://mimir:9009/prometheus'],
      ['thanos-query', 'prometheus', 'http://thanos-query:10902'],
    ]);
    for (const d of list) {
      expect(d.access).toBe('proxy');
      expect(d.uid.length).toBeLessThanOrEqual(40);
    }
    expect(new Set(list.map((d) => d.uid)).size).toBe(list.length);
  });

  it('carries each kind’s settings, secrets as ${VAR}', () => {
    expect(byName(list, 'prom').jsonData).toMatchObject({ timeInterval: '30s' });
    expect(byName(list, 'am').jsonData).toMatchObject({ implementation: 'prometheus' });
    expect(byName(list, 'Sensors')).toMatchObject({
      user: 'reader',
      database: 'sensors',
      jsonData: { dbName: 'sensors', version: 'InfluxQL' },
      secureJsonData: { password: '${INFLUX_PASSWORD}' },
    });
    expect(byName(list, 'ch')).toMatchObject({
      jsonData: {
        host: 'ch',
        port: 9000,
        protocol: 'native',
        username: 'grafana',
        defaultDatabase: 'sales',
      },
      secureJsonData: { password: '${CH_PASSWORD}' },
    });
    expect(byName(list, 'pg')).toMatchObject({
      user: 'app',
      jsonData: { database: 'app', sslmode: 'disable' },
      secureJsonData: { password: '${PG_PASSWORD}' },
    });
    expect(byName(list, 'my')).toMatchObject({ user: 'shop', jsonData: { database: 'shop' } });
    // The data store generator makes up a password variable where the design names none.
    expect(byName(list, 'my').secureJsonData).toEqual({ password: '${MY_PASSWORD}' });
    expect(service(part, 'grafana').environment).toMatchObject({ MY_PASSWORD: '${MY_PASSWORD}' });
  });

  it('makes exactly one data source the default: the one an edge names', () => {
    expect(list.filter((d) => d.isDefault).map((d) => d.name)).toEqual(['ch']);
    const plain = dataSources(
      generate(
        design(
          `  - { id: g, kind: grafana, name: g }
  - { id: a, kind: loki, name: a }
  - { id: b, kind: tempo, name: b }`,
          `  - { id: e1, kind: datasource, from: g, to: a }
  - { id: e2, kind: datasource, from: g, to: b }`,
        ),
      ),
      'g',
    );
    expect(plain.map((d) => d.isDefault)).toEqual([true, false]);
  });

  it('passes every referenced variable in and installs the ClickHouse plugin', () => {
    const env = service(part, 'grafana').environment ?? {};
    expect(env).toMatchObject({
      GF_ADMIN: '${GF_ADMIN}',
      INFLUX_PASSWORD: '${INFLUX_PASSWORD}',
      CH_PASSWORD: '${CH_PASSWORD}',
      PG_PASSWORD: '${PG_PASSWORD}',
      GF_INSTALL_PLUGINS: 'grafana-clickhouse-datasource',
    });
    expect(part.vars).toBeUndefined();
  });

  it('builds an overview dashboard with panels for what each source holds', () => {
    const d = dashboard(part, 'grafana');
    expect(d.uid).toBe('fedstudio-grafana');
    expect(d.schemaVersion).toBeGreaterThanOrEqual(39);
    const panels = d.panels ?? [];
    expect(panels.length).toBeGreaterThan(10);
    const exprs = panels
      .flatMap((p) => ('targets' in p ? (p.targets ?? []) : []))
      .map((t) => t.expr);
    expect(exprs).toContain('sum by (job) (up)');
    expect(exprs).toContain('max by (job) (scrape_duration_seconds)');
    expect(exprs).toContain('job:up:sum');
    const promUid = byName(list, 'prom').uid;
    const promPanels = panels.filter(
      (p) => p.type !== 'row' && 'datasource' in p && p.datasource?.uid === promUid,
    );
    expect(promPanels.map((p) => p.title)).toEqual([
      'Targets up by job',
      'Scrape duration by job',
      'job:up:sum',
      'Federated series',
    ]);
    const federated = promPanels.at(-1);
    expect(federated && 'targets' in federated ? federated.targets : []).toEqual([
      { refId: 'A', expr: '{__name__=~"job:.*"}', range: true },
    ]);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
  });

  it('provisions the dashboards folder and mounts everything', () => {
    const provider = yaml.load(
      file(part, 'grafana/grafana/provisioning/dashboards/dashboards.yml'),
    ) as {
      providers: { type: string; options: { path: string } }[];
    };
    expect(provider.providers[0]).toMatchObject({
      type: 'file',
      options: { path: '/var/lib/grafana/dashboards' },
    });
    const s = service(part, 'grafana');
    expect(s.mounts).toEqual([
      { source: 'grafana/grafana/grafana.ini', target: '/etc/grafana/grafana.ini' },
      { source: 'grafana/grafana/provisioning', target: '/etc/grafana/provisioning' },
      { source: 'grafana/grafana/dashboards', target: '/var/lib/grafana/dashboards' },
    ]);
    expect(s.volumes).toEqual([{ name: 'grafana-data', target: '/var/lib/grafana' }]);
    expect(s.ports).toEqual([{ container: 3000, name: 'web' }]);
    expect(s.health).toEqual({ type: 'http', port: 3000, path: '/api/health' });
    expect(s.imageKey).toBe('grafana');
  });
});

// Seed 000: one Grafana over InfluxDB, one over ClickHouse, a third federating both.
const SEED_000 = design(
  `  - { id: influx, kind: influxdb, name: influxdb, database: sensors, password: "\${INFLUX_PASSWORD}" }
  - { id: ch, kind: clickhouse, name: clickhouse, password: "\${CH_PASSWORD}" }
  - { id: g1, kind: grafana, name: grafana-influxdb }
  - { id: g2, kind: grafana, name: grafana-clickhouse }
  - { id: g3, kind: grafana, name: grafana-federation }`,
  `  - { id: e1, kind: datasource, from: g1, to: influx }
  - { id: e2, kind: datasource, from: g2, to: ch }
  - { id: e3, kind: datasource, from: g3, to: g1, token: "\${G1_TOKEN}" }
  - { id: e4, kind: datasource, from: g3, to: g2, token: "\${G2_TOKEN}", default: true }`,
);

describe('Grafana federation', () => {
  const part = generate(SEED_000);
  const upInflux = dataSources(part, 'grafana-influxdb')[0];
  const upCh = dataSources(part, 'grafana-clickhouse')[0];
  const fed = dataSources(part, 'grafana-federation');

  it('points at the upstream data sources’ proxy by their uids, with the token header', () => {
    expect(upInflux && upCh).toBeTruthy();
    expect(fed.map((d) => d.name)).toEqual([
      'grafana-influxdb / influxdb',
      'grafana-clickhouse / clickhouse',
    ]);
    const [influx, ch] = fed;
    expect(influx).toMatchObject({
      type: 'influxdb',
      url: `http://grafana-influxdb:3000/api/datasources/proxy/uid/${upInflux?.uid}`,
      database: 'sensors',
      jsonData: { httpHeaderName1: 'Authorization', dbName: 'sensors' },
      secureJsonData: { httpHeaderValue1: 'Bearer ${G1_TOKEN}' },
      isDefault: false,
    });
    expect(ch).toMatchObject({
      type: 'grafana-clickhouse-datasource',
      url: `http://grafana-clickhouse:3000/api/datasources/proxy/uid/${upCh?.uid}`,
      jsonData: {
        httpHeaderName1: 'Authorization',
        host: 'grafana-clickhouse',
        port: 3000,
        protocol: 'http',
        path: `/api/datasources/proxy/uid/${upCh?.uid}`,
      },
      secureJsonData: { httpHeaderValue1: 'Bearer ${G2_TOKEN}' },
      isDefault: true,
    });
    // The upstream's own credentials stay upstream: its proxy adds them.
    expect(JSON.stringify(fed)).not.toContain('INFLUX_PASSWORD');
    expect(JSON.stringify(fed)).not.toContain('CH_PASSWORD');
    const env = service(part, 'grafana-federation').environment ?? {};
    expect(env).toMatchObject({
      G1_TOKEN: '${G1_TOKEN}',
      G2_TOKEN: '${G2_TOKEN}',
      GF_INSTALL_PLUGINS: 'grafana-clickhouse-datasource',
    });
  });

  it('adds no header without a token, and stops at one hop around a cycle', () => {
    const p = generate(
      design(
        `  - { id: a, kind: grafana, name: a }
  - { id: b, kind: grafana, name: b }
  - { id: l, kind: loki, name: l }
  - { id: t, kind: tempo, name: t }`,
        `  - { id: e1, kind: datasource, from: a, to: b }
  - { id: e2, kind: datasource, from: b, to: a }
  - { id: e3, kind: datasource, from: a, to: l }
  - { id: e4, kind: datasource, from: b, to: t }`,
      ),
    );
    const a = dataSources(p, 'a');
    const b = dataSources(p, 'b');
    expect(a.map((d) => d.name)).toEqual(['l', 'b / t']);
    expect(b.map((d) => d.name)).toEqual(['t', 'a / l']);
    expect(a[1]?.url).toBe(`http://b:3000/api/datasources/proxy/uid/${b[0]?.uid}`);
    expect(a[1]?.jsonData?.httpHeaderName1).toBeUndefined();
    expect(a[1]?.secureJsonData).toBeUndefined();
  });

  it('keeps uids unique and within 40 characters for long names', () => {
    const long = 'g'.repeat(40);
    const p = generate(
      design(
        `  - { id: up, kind: grafana, name: ${long} }
  - { id: down, kind: grafana, name: down }
  - { id: p, kind: prometheus, name: ${'p'.repeat(40)} }`,
        `  - { id: e1, kind: datasource, from: up, to: p }
  - { id: e2, kind: datasource, from: up, to: p, name: again }
  - { id: e3, kind: datasource, from: down, to: up }
  - { id: e4, kind: datasource, from: down, to: p }`,
      ),
    );
    const up = dataSources(p, long);
    const down = dataSources(p, 'down');
    for (const list of [up, down]) {
      expect(new Set(list.map((d) => d.uid)).size).toBe(list.length);
      for (const d of list) expect(d.uid.length).toBeLessThanOrEqual(40);
    }
    expect(down.slice(1).map((d) => d.url)).toEqual(
      up.map((u) => `http://${long}:3000/api/datasources/proxy/uid/${u.uid}`),
    );
    expect((dashboard(p, long).uid ?? '').length).toBeLessThanOrEqual(40);
  });
});

describe('Grafana HA', () => {
  const part = generate(
    design(
      `  - { id: g, kind: grafana, name: grafana, replicas: 3 }
  - { id: pg, kind: postgres, name: grafana-db, database: grafana, user: grafana, password: "\${GRAFANA_DB_PASSWORD}" }
  - { id: r, kind: redis, name: cache }`,
      `  - { id: b1, kind: backend, from: g, to: pg }
  - { id: b2, kind: backend, from: g, to: r }`,
    ),
  );
  const ini = file(part, 'grafana/grafana/grafana.ini');

  it('shares the database and lists every replica as an alerting peer', () => {
    expect(ini).toContain(
      [
        '[database]',
        'type = postgres',
        'host = grafana-db:5432',
        'name = grafana',
        'user = grafana',
        'password = $__env{GRAFANA_DB_PASSWORD}',
        'ssl_mode = disable',
      ].join('\n'),
    );
    expect(ini).toContain('[remote_cache]\ntype = redis\nconnstr = addr=cache:6379\n');
    expect(ini).toContain(
      [
        '[unified_alerting]',
        'enabled = true',
        'ha_listen_address = 0.0.0.0:9094',
        'ha_peers = grafana-0:9094,grafana-1:9094,grafana-2:9094',
      ].join('\n'),
    );
    expect(ini).toContain('[server]\nhttp_port = 3000\n');
  });

  it('gives each replica its own advertise address and a generated admin password', () => {
    expect(part.services.map((s) => s.name)).toEqual(['grafana-0', 'grafana-1', 'grafana-2']);
    for (const s of part.services) {
      expect(s.environment).toMatchObject({
        GF_UNIFIED_ALERTING_HA_ADVERTISE_ADDRESS: `${s.name}:9094`,
        GRAFANA_ADMIN_PASSWORD: '${GRAFANA_ADMIN_PASSWORD}',
        GRAFANA_DB_PASSWORD: '${GRAFANA_DB_PASSWORD}',
      });
      expect(s.volumes).toEqual([{ name: `${s.name}-data`, target: '/var/lib/grafana' }]);
    }
    expect(ini).toContain(
      '[security]\nadmin_user = admin\nadmin_password = $__env{GRAFANA_ADMIN_PASSWORD}\n',
    );
    expect(part.vars).toEqual([
      { name: 'GRAFANA_ADMIN_PASSWORD', why: 'admin password of Grafana grafana' },
    ]);
  });

  it('keeps HA settings off a single replica', () => {
    const single = generate(design('  - { id: g, kind: grafana, name: my-grafana }'));
    const text = file(single, 'grafana/my-grafana/grafana.ini');
    expect(text).toContain('[unified_alerting]\nenabled = true\n');
    expect(text).not.toContain('ha_peers');
    expect(text).not.toContain('[database]');
    expect(single.services[0]?.environment).toEqual({
      MY_GRAFANA_ADMIN_PASSWORD: '${MY_GRAFANA_ADMIN_PASSWORD}',
    });
    expect(single.vars?.[0]?.name).toBe('MY_GRAFANA_ADMIN_PASSWORD');
    const d = dashboard(single, 'my-grafana');
    expect(d.panels?.[0]?.type).toBe('text');
  });
});

describe('hostile values', () => {
  const hostile = 'x"y\'z\n- name: injected: {{ $labels.instance }} $HOME ${NOT_CLOSED $$';
  // Recording rule names and database names are words (the schema refuses others); the rest is free text.
  const record = 'job:up:sum';
  const database = 'db.x@host-1';
  const text = design(
    `  - { id: g, kind: grafana, name: grafana }
  - id: p
    kind: prometheus
    name: prom
    recordingRules: [ { record: ${JSON.stringify(record)}, expr: "up" } ]
  - { id: i, kind: influxdb, name: influx, database: ${JSON.stringify(database)} }`,
    `  - { id: e1, kind: datasource, from: g, to: p, name: ${JSON.stringify(hostile)} }
  - { id: e2, kind: datasource, from: g, to: i, name: "\${DS_NAME} costs $5" }`,
  );
  const part = generate(text);

  it('come out of the provisioning file as data, with `$` escaped for Grafana', () => {
    const raw = dataSources(part, 'grafana');
    expect(raw).toHaveLength(2);
    const list = unescapeGrafana(raw);
    expect(list[0]?.name).toBe(hostile);
    expect(list[1]?.name).toBe('${DS_NAME} costs $5');
    expect(list[1]?.database).toBe(database);
    expect(raw[1]?.name).toBe('${DS_NAME} costs $$5');
    // Every other `$` is doubled, so Grafana expands nothing but the design's own ${VAR}.
    expect(JSON.stringify(raw)).not.toMatch(/(^|[^$])\$(?!\$|\{DS_NAME\})/);
    expect(service(part, 'grafana').environment).toMatchObject({ DS_NAME: '${DS_NAME}' });
  });

  it('come out of the dashboard as data', () => {
    const panels = dashboard(part, 'grafana').panels ?? [];
    expect(panels.map((p) => p.title)).toContain(hostile);
    const rule = panels.find((p) => p.title === record && p.type === 'timeseries');
    const expr = rule && 'targets' in rule ? rule.targets?.[0]?.expr : undefined;
    expect(expr).toBe(record);
  });

  it('are refused in grafana.ini when they hold a line break', () => {
    expect(() => renderIni({ database: { user: 'a\nadmin_password = x' } })).toThrow(
      /user in \[database\] contains a line break/,
    );
    // A design cannot carry one there: the schema refuses it when the design is read.
    expect(() =>
      generate(
        design(
          `  - { id: g, kind: grafana, name: grafana }
  - { id: pg, kind: postgres, name: pg, user: "a\\n[security]" }`,
          '  - { id: b, kind: backend, from: g, to: pg }',
        ),
      ),
    ).toThrow(/nodes\[1\]\.user.*must be letters, digits/);
    expect(renderIni({ s: { k: ' padded ' } })).toBe('[s]\nk = """ padded """\n');
    expect(() => renderIni({ 's]\n[x': { k: 'v' } })).toThrow(/section name/);
  });
});
