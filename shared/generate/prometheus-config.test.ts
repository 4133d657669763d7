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

function generate(design: string | object): GeneratedPart {
  const text = typeof design === 'string' ? design : yaml.dump(design);
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return generatePrometheus(createContext(parsed.topology));
}

function config(part: GeneratedPart, instance: string): Config {
  const text = part.files[`prometheus/${instance}/prometheus.yml`];
  expect(text, `prometheus/${instance}/prometheus.yml`).toBeDefined();
  return yaml.load(text ?? '') as Config;
}

const HEAD = 'apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: test }\n';
const skipPromtool = skipWithoutTool('promtool');

describe('global section', () => {
  const part =
    generate(`${HEAD}defaults: { scrapeInterval: 30s, scrapeTimeout: 20s, evaluationInterval: 1m }
nodes:
  - { id: a, kind: prometheus, name: inherits }
  - { id: b, kind: prometheus, name: faster, scrapeInterval: 10s, evaluationInterval: 30s }
`);

  it('takes intervals from the node, else the design defaults', () => {
    expect(config(part, 'inherits').global).toEqual({
      scrape_interval: '30s',
      scrape_timeout: '20s',
      evaluation_interval: '1m',
    });
  });

  it('keeps a design-wide timeout within a shorter node interval', () => {
    expect(config(part, 'faster').global).toEqual({
      scrape_interval: '10s',
      scrape_timeout: '10s',
      evaluation_interval: '30s',
    });
  });

  it('falls back to 15s without defaults', () => {
    const bare = generate(`${HEAD}nodes: [ { id: a, kind: prometheus, name: bare } ]\n`);
    expect(config(bare, 'bare')).toEqual({
      global: { scrape_interval: '15s', evaluation_interval: '15s' },
      // Meta-monitoring: every server scrapes itself, as the upstream example config does.
      scrape_configs: [
        {
          job_name: 'prometheus',
          metrics_path: '/metrics',
          static_configs: [{ targets: ['localhost:9090'] }],
        },
      ],
    });
  });

  it.skipIf(skipPromtool)('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});

describe('scrape jobs', () => {
  const part = generate(`${HEAD}nodes:
  - { id: p, kind: prometheus, name: prom }
  - { id: other, kind: prometheus, name: other, replicas: 2 }
  - { id: t1, kind: targets, name: node-a, exporter: node-exporter, count: 1 }
  - { id: t2, kind: targets, name: node-b, exporter: blackbox, count: 1, metricsPath: /probe-metrics }
  - { id: loki, kind: loki, name: loki }
  - { id: s3, kind: object-store, name: s3 }
edges:
  - { id: e1, kind: scrape, from: p, to: t1, job: node }
  - { id: e2, kind: scrape, from: p, to: t2, job: node }
  - { id: e3, kind: scrape, from: p, to: loki, metricsPath: /custom }
  - { id: e4, kind: scrape, from: p, to: s3, job: federate }
  - { id: e5, kind: scrape, from: p, to: other }
  - { id: e6, kind: federate, from: p, to: other, match: ['{__name__=~"job:.*"}'], honorLabels: false }
`);
  const jobs = config(part, 'prom').scrape_configs as Config[];

  it('makes job names unique and keeps the intended job label', () => {
    expect(jobs.map((j) => j.job_name)).toEqual([
      'node',
      'node-2',
      'loki',
      'federate',
      'other',
      'federate-2',
      'prometheus',
    ]);
    expect(jobs[0]?.relabel_configs).toBeUndefined();
    // The probe job renames its job first, then hands each target to the blackbox exporter.
    expect(jobs[1]?.relabel_configs?.[0]).toEqual({
      target_label: 'job',
      replacement: 'node',
      action: 'replace',
    });
    expect(jobs[5]?.relabel_configs).toEqual([
      { target_label: 'job', replacement: 'federate', action: 'replace' },
    ]);
  });

  it('uses catalog ports and paths unless the node or edge says otherwise', () => {
    // Targets nodes use file discovery; without addresses their file holds examples to replace.
    expect(jobs[0]?.file_sd_configs).toEqual([{ files: ['targets/node.json'] }]);
    expect(JSON.parse(part.files['prometheus/prom/targets/node.json'] ?? '')).toEqual([
      { targets: ['host-1.example.invalid:9100'] },
    ]);
    expect(jobs[0]?.metrics_path).toBe('/metrics');
    // A probe always asks its blackbox exporter's /probe, whatever metricsPath says.
    expect(jobs[1]?.metrics_path).toBe('/probe');
    expect(jobs[1]?.params).toEqual({ module: ['http_2xx'] });
    expect(jobs[1]?.relabel_configs?.at(-1)).toEqual({
      target_label: '__address__',
      replacement: 'node-b-0:9115',
      action: 'replace',
    });
    expect(jobs[2]).toMatchObject({
      metrics_path: '/custom',
      static_configs: [{ targets: ['loki:3100'] }],
    });
    expect(jobs[3]).toMatchObject({
      metrics_path: '/minio/v2/metrics/cluster',
      static_configs: [{ targets: ['s3:9000'] }],
    });
    expect(jobs[4]?.static_configs).toEqual([{ targets: ['other-0:9090', 'other-1:9090'] }]);
  });

  it('writes honor_labels: false only when the edge says so', () => {
    expect(jobs[5]?.honor_labels).toBe(false);
  });

  it.skipIf(skipPromtool)('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});

describe('remote write', () => {
  const part = generate(`${HEAD}nodes:
  - { id: p, kind: prometheus, name: prom }
  - { id: m, kind: mimir, name: mimir, replicas: 2 }
  - { id: r, kind: prometheus, name: receiver, replicas: 2 }
edges:
  - { id: e1, kind: remote-write, from: p, to: m, queue: { max_shards: 20, batch_send_deadline: 5s, retry_on_http_429: true } }
  - { id: e2, kind: remote-write, from: p, to: r }
`);

  it('pushes to Mimir and to a Prometheus receiver with the edge queue settings', () => {
    expect(config(part, 'prom').remote_write).toEqual([
      {
        name: 'mimir',
        url: 'http://mimir-0:9009/api/v1/push',
        queue_config: { max_shards: 20, batch_send_deadline: '5s', retry_on_http_429: true },
      },
      { name: 'receiver', url: 'http://receiver-0:9090/api/v1/write' },
    ]);
    expect(config(part, 'receiver-0').remote_write).toBeUndefined();
  });

  it.skipIf(skipPromtool)('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});

describe('external labels holding $', () => {
  const part =
    generate(`${HEAD}groups: [ { id: g, externalLabels: { price: "5$", env: "\${DEPLOY_ENV}" } } ]
nodes:
  - { id: p, kind: prometheus, name: prom, group: g, externalLabels: { home: "$HOME and \${REGION}" } }
`);

  it('keeps ${VAR} for Prometheus to expand and doubles every other $', () => {
    expect(config(part, 'prom').global.external_labels).toEqual({
      price: '5$$',
      env: '${DEPLOY_ENV}',
      home: '$$HOME and ${REGION}',
    });
  });

  it('passes the variables into the container and turns expansion on', () => {
    const svc = part.services[0];
    expect(svc?.environment).toEqual({ DEPLOY_ENV: '${DEPLOY_ENV}', REGION: '${REGION}' });
    expect(svc?.command).toContain('--enable-feature=expand-external-labels');
  });

  it('leaves labels without $ alone', () => {
    const plain = generate(
      `${HEAD}nodes: [ { id: p, kind: prometheus, name: p, externalLabels: { a: b } } ]\n`,
    );
    expect(plain.services[0]?.environment).toBeUndefined();
    expect(plain.services[0]?.command?.some((c) => c.startsWith('--enable-feature'))).toBe(false);
  });

  it.skipIf(skipPromtool)('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});

/** Text that breaks naive YAML templating: every value must come back exactly as written. */
const HOSTILE: Record<string, string> = {
  quotes: `say "hi" and 'bye'`,
  newlines: 'line one\nline two\n\nline four\n',
  braces: '{ a: b } [c] }{',
  colon: 'key: value',
  hash: 'x # not a comment',
  template: '{{ }} and {{ .Value }}',
  dash: '- item',
  doc_start: '---',
  doc_end: '...',
  doc_markers: '--- a\n...\n---\n',
  padded: '  padded  ',
  yaml_syntax: '*alias &anchor !tag | > %',
  truthy: 'yes',
  nullish: 'null',
  numeric: '0x10',
  backslash: 'C:\\path\\n',
  unicode: 'ünï ✓ \t tab',
};

describe('hostile names and labels', () => {
  const groupLabels = { group_colon: 'g: v', group_doc: '---' };
  const part = generate({
    apiVersion: 'fedstudio/v1',
    kind: 'Topology',
    metadata: { name: 'hostile' },
    groups: [{ id: 'g', externalLabels: groupLabels }],
    nodes: [
      { id: 'p', kind: 'prometheus', name: 'prom', group: 'g', externalLabels: HOSTILE },
      { id: 'src', kind: 'prometheus', name: 'src' },
      { id: 't', kind: 'targets', name: 'node', count: 1, labels: HOSTILE },
    ],
    edges: [
      { id: 's', kind: 'scrape', from: 'p', to: 't', job: 'job: x\n- y # {{ }}\n---' },
      { id: 'f', kind: 'federate', from: 'p', to: 'src', match: ['{job="a: b # c", x=~"\\\\d+"}'] },
    ],
  });
  const cfg = config(part, 'prom');

  it('comes back verbatim, with no extra keys', () => {
    expect(Object.keys(cfg)).toEqual(['global', 'rule_files', 'scrape_configs']);
    expect(cfg.global.external_labels).toStrictEqual({ ...groupLabels, ...HOSTILE });
    const [scrape, federate] = cfg.scrape_configs as Config[];
    expect(Object.keys(scrape ?? {})).toEqual(['job_name', 'metrics_path', 'file_sd_configs']);
    expect(scrape?.job_name).toBe('job: x\n- y # {{ }}\n---');
    // The targets file is named after the job, with what a file name cannot hold replaced.
    const file = scrape?.file_sd_configs?.[0]?.files?.[0] as string;
    expect(file).toMatch(/^targets\/[A-Za-z0-9_.-]+\.json$/);
    expect(JSON.parse(part.files[`prometheus/prom/${file}`] ?? '')).toStrictEqual([
      { targets: ['host-1.example.invalid:9100'], labels: HOSTILE },
    ]);
    expect(federate?.params).toStrictEqual({
      'match[]': ['{job="a: b # c", x=~"\\\\d+"}', HEARTBEAT_SELECTOR],
    });
  });

  it.skipIf(skipPromtool)('passes promtool', async () => {
    await expectPromtoolAccepts(part);
  });
});
