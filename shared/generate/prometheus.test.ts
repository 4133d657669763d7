import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { skipWithoutTool } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import { createContext } from './context.ts';
import { HEARTBEAT_SELECTOR } from './meta-monitoring.ts';
import { generatePrometheus } from './prometheus.ts';
import type { GeneratedPart } from './types.ts';
import { expectPromtoolAccepts } from '../../test-support/promtool.ts';

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function generate(design: string): GeneratedPart {
  const parsed = parseTopology(design);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return generatePrometheus(createContext(parsed.topology));
}

function config(part: GeneratedPart, instance: string): Config {
  const text = part.files[`prometheus/${instance}/prometheus.yml`];
  expect(text, `prometheus/${instance}/prometheus.yml`).toBeDefined();
  return yaml.load(text ?? '') as Config;
}

function job(cfg: Config, name: string): Config {
  const found = (cfg.scrape_configs as Config[]).find((j) => j.job_name === name);
  expect(found, `job ${name}`).toBeDefined();
  return found as Config;
}

/** The target groups a file_sd job's targets file holds. */
function targetsOf(part: GeneratedPart, instance: string, j: Config): Config[] {
  const file = (j.file_sd_configs as Config[] | undefined)?.[0]?.files?.[0] as string | undefined;
  expect(file, `job ${String(j.job_name)} reads a targets file`).toBeDefined();
  const text = part.files[`prometheus/${instance}/${file}`];
  expect(text, `prometheus/${instance}/${file}`).toBeDefined();
  return JSON.parse(text ?? '[]') as Config[];
}

const HEAD = 'apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: test }\n';

const FORMAT_EXAMPLE = `${HEAD}groups:
  - id: eu
    label: eu-west-1
    externalLabels: { datacenter: eu-west-1 }
nodes:
  - { id: eu-prom, kind: prometheus, name: prometheus-eu, group: eu,
      recordingRules: [ { record: "job:node_memory_MemTotal:sum",
                          expr: "sum without(instance)(node_memory_MemTotal{job=\\"node\\"})" } ] }
  - { id: eu-nodes, kind: targets, name: node, group: eu, exporter: node-exporter, count: 2, port: 9100 }
  - { id: global, kind: prometheus, name: prometheus-global, externalLabels: { datacenter: global } }
edges:
  - { id: e1, kind: scrape, from: eu-prom, to: eu-nodes }
  - { id: e2, kind: federate, from: global, to: eu-prom, match: ['{__name__=~"job:.*"}'] }
`;

const SHARDED = `${HEAD}groups:
  - { id: dc1, externalLabels: { datacenter: dc1 } }
nodes:
  - { id: leaf, kind: prometheus, name: leaf, group: dc1, shards: 4, externalLabels: { role: leaf },
      recordingRules: [ { record: "job:up:sum", expr: "sum by (job) (up)" } ] }
  - { id: nodes, kind: targets, name: node, exporter: node-exporter, count: 40, labCount: 6 }
  - { id: master, kind: prometheus, name: master, replicas: 2, externalLabels: { datacenter: global } }
edges:
  - { id: s, kind: scrape, from: leaf, to: nodes, interval: 30s, timeout: 10s }
  - { id: f, kind: federate, from: master, to: leaf, match: ['{__name__=~"job:.*"}'], interval: 1m }
`;

const HA_ALERTING = `${HEAD}nodes:
  - { id: p, kind: prometheus, name: prom, replicas: 2, externalLabels: { cluster: c1 },
      alertRules: [ { alert: TargetDown, expr: "up == 0", for: 5m, labels: { severity: page } } ] }
  - { id: single, kind: prometheus, name: solo, externalLabels: { cluster: c2 },
      alertRules: [ { alert: TargetDown, expr: "up == 0" } ] }
  - { id: am, kind: alertmanager, name: alertmanager, replicas: 3 }
  - { id: t, kind: targets, name: node, exporter: node-exporter, addresses: ["10.0.0.1:9100", "host-b:9100"] }
edges:
  - { id: s1, kind: scrape, from: p, to: t }
  - { id: s2, kind: scrape, from: single, to: am }
  - { id: a1, kind: alerting, from: p, to: am }
  - { id: a2, kind: alerting, from: single, to: am }
`;

const EXPLICIT_SHARDS = `${HEAD}nodes:
  - { id: a, kind: prometheus, name: shard-a, externalLabels: { shard: a } }
  - { id: b, kind: prometheus, name: shard-b, externalLabels: { shard: b } }
  - { id: c, kind: prometheus, name: sharded, shards: 3 }
  - { id: t, kind: targets, name: node, exporter: cadvisor, count: 5, labels: { team: infra } }
edges:
  - { id: ea, kind: scrape, from: a, to: t, shard: { modulus: 2, index: 0 } }
  - { id: eb, kind: scrape, from: b, to: t, shard: { modulus: 2, index: 1 } }
  - { id: ec, kind: scrape, from: c, to: t, shard: { modulus: 2, index: 1 }, job: cadvisor-half }
`;

const hashmod = (modulus: number, index: number) => [
  { source_labels: ['__address__'], modulus, target_label: '__tmp_hash', action: 'hashmod' },
  { source_labels: ['__tmp_hash'], regex: `^${index}$`, action: 'keep' },
];

describe('generatePrometheus: FORMAT.md example', () => {
  const part = generate(FORMAT_EXAMPLE);

  it('writes one config per server and only the rule files that exist', () => {
    expect(Object.keys(part.files).sort()).toEqual([
      'prometheus/prometheus-eu/prometheus.yml',
      'prometheus/prometheus-eu/rules/meta-monitoring.yml',
      'prometheus/prometheus-eu/rules/recording.yml',
      'prometheus/prometheus-eu/targets/node.json',
      'prometheus/prometheus-global/prometheus.yml',
      'prometheus/prometheus-global/rules/meta-monitoring.yml',
    ]);
    expect(config(part, 'prometheus-eu').rule_files).toEqual([
      'rules/recording.yml',
      'rules/meta-monitoring.yml',
    ]);
    expect(config(part, 'prometheus-global').rule_files).toEqual(['rules/meta-monitoring.yml']);
  });

  it('sets intervals and the effective external labels', () => {
    expect(config(part, 'prometheus-eu').global).toEqual({
      scrape_interval: '15s',
      evaluation_interval: '15s',
      external_labels: { datacenter: 'eu-west-1' },
    });
    expect(config(part, 'prometheus-global').global.external_labels).toEqual({
      datacenter: 'global',
    });
  });

  it('scrapes the targets its file lists (examples to replace) and federates with honor_labels', () => {
    const node = job(config(part, 'prometheus-eu'), 'node');
    expect(node).toEqual({
      job_name: 'node',
      metrics_path: '/metrics',
      file_sd_configs: [{ files: ['targets/node.json'] }],
    });
    expect(targetsOf(part, 'prometheus-eu', node)).toEqual([
      { targets: ['host-1.example.invalid:9100', 'host-2.example.invalid:9100'] },
    ]);
    expect(job(config(part, 'prometheus-global'), 'federate')).toEqual({
      job_name: 'federate',
      honor_labels: true,
      metrics_path: '/federate',
      params: { 'match[]': ['{__name__=~"job:.*"}', HEARTBEAT_SELECTOR] },
      static_configs: [{ targets: ['prometheus-eu:9090'] }],
    });
  });

  it.skipIf(skipWithoutTool('promtool'))('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});

describe('generatePrometheus: a sharded leaf federated by an HA master', () => {
  const part = generate(SHARDED);
  const shards = [0, 1, 2, 3].map((s) => `leaf-shard-${s}`);

  it('gives each shard the hashmod relabeling with its literal index', () => {
    shards.forEach((name, s) => {
      const node = job(config(part, name), 'node');
      expect(node.relabel_configs).toEqual(hashmod(4, s));
      expect(node.scrape_interval).toBe('30s');
      expect(node.scrape_timeout).toBe('10s');
      // Every shard reads the same targets file; its hashmod keeps its own part.
      expect(targetsOf(part, name, node)).toEqual(targetsOf(part, 'leaf-shard-0', node));
    });
  });

  it('labels each shard with group, node and shard labels, in that order', () => {
    shards.forEach((name, s) => {
      const labels = config(part, name).global.external_labels;
      expect(labels).toEqual({ datacenter: 'dc1', role: 'leaf', shard: String(s) });
      expect(Object.keys(labels)).toEqual(['datacenter', 'role', 'shard']);
    });
  });

  it('federates every shard from every master replica, honoring labels', () => {
    for (const r of [0, 1]) {
      const cfg = config(part, `master-${r}`);
      expect(cfg.global.external_labels).toEqual({ datacenter: 'global', replica: String(r) });
      const fed = job(cfg, 'federate');
      expect(fed.honor_labels).toBe(true);
      expect(fed.scrape_interval).toBe('1m');
      expect(fed.relabel_configs).toBeUndefined();
      expect(fed.static_configs).toEqual([{ targets: shards.map((s) => `${s}:9090`) }]);
    }
  });

  it('writes no alerting section, not even alert_relabel_configs, without Alertmanagers', () => {
    for (const r of [0, 1]) expect(config(part, `master-${r}`).alerting).toBeUndefined();
  });

  it.skipIf(skipWithoutTool('promtool'))('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});

describe('generatePrometheus: an HA pair alerting to a 3-replica Alertmanager', () => {
  const part = generate(HA_ALERTING);
  const allAlertmanagers = ['alertmanager-0:9093', 'alertmanager-1:9093', 'alertmanager-2:9093'];

  it('lists every Alertmanager instance on every server that alerts', () => {
    for (const name of ['prom-0', 'prom-1', 'solo']) {
      expect(config(part, name).alerting.alertmanagers).toEqual([
        { static_configs: [{ targets: allAlertmanagers }] },
      ]);
    }
  });

  it('drops the replica label from alerts of replicated servers only', () => {
    for (const name of ['prom-0', 'prom-1']) {
      expect(config(part, name).alerting.alert_relabel_configs).toEqual([
        { action: 'labeldrop', regex: 'replica' },
      ]);
    }
    expect(config(part, 'solo').alerting.alert_relabel_configs).toBeUndefined();
  });

  it('gives each replica its replica label and the same scrape jobs', () => {
    expect(config(part, 'prom-0').global.external_labels).toEqual({ cluster: 'c1', replica: '0' });
    expect(config(part, 'prom-1').global.external_labels).toEqual({ cluster: 'c1', replica: '1' });
    expect(config(part, 'prom-0').scrape_configs).toEqual(config(part, 'prom-1').scrape_configs);
    expect(targetsOf(part, 'prom-0', job(config(part, 'prom-0'), 'node'))).toEqual([
      { targets: ['10.0.0.1:9100', 'host-b:9100'] },
    ]);
    expect(job(config(part, 'solo'), 'alertmanager').static_configs).toEqual([
      { targets: allAlertmanagers },
    ]);
  });

  it.skipIf(skipWithoutTool('promtool'))('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});

describe('generatePrometheus: explicit shard partitions on scrape edges', () => {
  const part = generate(EXPLICIT_SHARDS);

  it('keeps the partition each edge names', () => {
    const a = job(config(part, 'shard-a'), 'node');
    expect(a.relabel_configs).toEqual(hashmod(2, 0));
    expect(targetsOf(part, 'shard-a', a)).toEqual([
      {
        targets: [
          'host-1.example.invalid:8080',
          'host-2.example.invalid:8080',
          'host-3.example.invalid:8080',
        ],
        labels: { team: 'infra' },
      },
    ]);
    expect(job(config(part, 'shard-b'), 'node').relabel_configs).toEqual(hashmod(2, 1));
  });

  it("lets an edge's partition replace the node's own sharding for that job", () => {
    for (const s of [0, 1, 2]) {
      const cfg = config(part, `sharded-shard-${s}`);
      expect(job(cfg, 'cadvisor-half').relabel_configs).toEqual(hashmod(2, 1));
      expect(cfg.global.external_labels).toEqual({ shard: String(s) });
    }
  });

  it.skipIf(skipWithoutTool('promtool'))('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});
