import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../templates/load.ts';
import { runTool, skipWithoutTool, withTree } from '../../../test-support/tools.ts';
import { parseTopology } from '../../design/parse.ts';
import type { Topology } from '../../model/schema.ts';
import { createContext } from '../context.ts';
import { scrapeConfigs } from '../prometheus-scrape.ts';
import { generateKubernetes, SECRET_EXAMPLE } from './index.ts';
import type { Manifest } from './meta.ts';
import { scrapeConfigSpec } from './scrape-config.ts';
import {
  manifestsOf,
  schemaErrors,
  undeclaredFields,
} from '../../../test-support/kubernetes-schemas.ts';

const templates = loadTemplates();

function design(text: string): Topology {
  const r = parseTopology(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Sharded, replicated, with rules, an HA Alertmanager, secrets and two clusters. */
const HELD_OUT = design(`
apiVersion: fedstudio/v1
kind: Topology
metadata: { name: held-out }
groups:
  - { id: eu, cluster: true, externalLabels: { dc: eu } }
  - { id: us, cluster: true, externalLabels: { dc: us } }
nodes:
  - id: shards
    kind: prometheus
    name: prom-eu
    group: eu
    replicas: 2
    shards: 3
    retention: 30d
    recordingRules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }]
    alertRules: [{ alert: TargetDown, expr: 'up == 0', for: 5m, labels: { severity: page } }]
  - { id: pus, kind: prometheus, name: prom-us, group: us }
  - { id: global, kind: prometheus, name: prom-global, replicas: 2 }
  - { id: nodes, kind: targets, name: nodes, group: eu, exporter: node-exporter, count: 40 }
  - { id: hosts, kind: targets, name: hosts, group: us, addresses: ['10.0.0.1:9100'] }
  - id: am
    kind: alertmanager
    name: am
    replicas: 3
    route: { receiver: oncall, routes: [{ receiver: chat, matchers: ['severity="info"'] }] }
    receivers:
      - { name: oncall, type: webhook, url: '\${ONCALL_URL}' }
      - { name: chat, type: slack, url: '\${SLACK_URL}' }
      - { name: pager, type: pagerduty, routingKey: '\${PD_KEY}' }
      - { name: mail, type: email, to: ops@example.com, authPassword: '\${SMTP_PASSWORD}' }
  - { id: pg, kind: postgres, name: pg, password: '\${PG_PASSWORD}' }
  - { id: graf, kind: grafana, name: graf, adminPassword: '\${GRAFANA_PW}' }
edges:
  - { id: s1, kind: scrape, from: shards, to: nodes }
  - { id: s2, kind: scrape, from: pus, to: hosts, job: node }
  - { id: f1, kind: federate, from: global, to: shards, match: ['{__name__=~"job:.*"}'] }
  - { id: f2, kind: federate, from: global, to: pus, match: ['{job="node"}'] }
  - { id: a1, kind: alerting, from: shards, to: am }
  - { id: d1, kind: datasource, from: graf, to: global }
  - { id: d2, kind: datasource, from: graf, to: pg }
  - { id: rw, kind: remote-write, from: pus, to: global, queue: { max_shards: 10, retry_on_http_429: true } }
`);

function docsOf(files: Record<string, string>): Manifest[] {
  return manifestsOf(files).map((m) => m.doc);
}

describe('Kubernetes export', () => {
  it.each([...templates.map((t) => [t.id, t.topology] as const), ['held-out', HELD_OUT] as const])(
    '%s: every document validates against the Kubernetes and Prometheus Operator schemas',
    (_id, topology) => {
      const out = generateKubernetes(topology);
      expect(docsOf(out.files).length).toBeGreaterThan(0);
      expect(schemaErrors(out.files)).toEqual([]);
      expect(undeclaredFields(out.files)).toEqual([]);
    },
  );

  it('the field check catches a field the operator does not define', () => {
    const files = {
      'base/p.yaml':
        'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: { name: p }\nspec: { replicas: 1, replica: 2 }\n',
    };
    expect(schemaErrors(files)).toEqual([]);
    expect(undeclaredFields(files)).toEqual([
      'base/p.yaml Prometheus/p: v1/PrometheusSpec.replica',
    ]);
  });

  it('remote write keeps its queue settings in the CRD names', () => {
    const docs = docsOf(generateKubernetes(HELD_OUT).files);
    const us = docs.find((d) => d.kind === 'Prometheus' && d.metadata.name === 'prom-us');
    expect((us?.spec as { remoteWrite: unknown }).remoteWrite).toEqual([
      {
        name: 'prom-global',
        url: 'http://prom-global-0:9090/api/v1/write',
        queueConfig: { maxShards: 10, retryOnRateLimit: true },
      },
    ]);
    const global = docs.find((d) => d.kind === 'Prometheus' && d.metadata.name === 'prom-global');
    expect(global?.spec).toMatchObject({ enableRemoteWriteReceiver: true });
  });

  it('a sharded HA design: Prometheus shards and replicas, a PrometheusRule per rule group, Alertmanager replicas', () => {
    const docs = docsOf(generateKubernetes(HELD_OUT).files);
    const prom = docs.find((d) => d.kind === 'Prometheus' && d.metadata.name === 'prom-eu');
    expect(prom?.spec).toMatchObject({
      replicas: 2,
      shards: 3,
      retention: '30d',
      replicaExternalLabelName: 'replica',
    });
    expect((prom?.spec as { externalLabels: object }).externalLabels).toEqual({
      dc: 'eu',
      shard: '$(SHARD)',
    });
    const rules = docs.filter((d) => d.kind === 'PrometheusRule');
    // The design's groups, and meta-monitoring's on every server (heartbeat, Watchdog, federator alerts).
    expect(rules.map((r) => r.metadata.name).sort()).toEqual([
      'prom-eu-alerts',
      'prom-eu-meta-monitoring',
      'prom-eu-recording',
      'prom-global-meta-monitoring',
      'prom-us-meta-monitoring',
    ]);
    for (const r of rules) {
      expect(r.metadata.name.startsWith(`${r.metadata.labels?.['fedstudio.io/prometheus']}-`)).toBe(
        true,
      );
    }
    const am = docs.find((d) => d.kind === 'Alertmanager');
    expect(am?.spec).toMatchObject({
      replicas: 3,
      alertmanagerConfiguration: { name: 'am-config' },
    });
    expect((prom?.spec as { alerting: unknown }).alerting).toEqual({
      alertmanagers: [
        { namespace: 'monitoring', name: 'am-alertmanager', port: 'web', apiVersion: 'v2' },
      ],
    });
  });

  it('each Prometheus selects only its own ScrapeConfigs and rules', () => {
    const docs = docsOf(generateKubernetes(HELD_OUT).files);
    for (const p of docs.filter((d) => d.kind === 'Prometheus')) {
      const sel = { matchLabels: { 'fedstudio.io/prometheus': p.metadata.name } };
      expect(p.spec).toMatchObject({ scrapeConfigSelector: sel, ruleSelector: sel });
    }
    const owners = docs
      .filter((d) => d.kind === 'ScrapeConfig')
      .map((d) => d.metadata.labels?.['fedstudio.io/prometheus']);
    // Design jobs, one federate job per match set, and meta-monitoring's self and Alertmanager jobs.
    expect(owners.sort()).toEqual([
      ...['prom-eu', 'prom-eu', 'prom-eu'],
      ...['prom-global', 'prom-global', 'prom-global'],
      ...['prom-us', 'prom-us'],
    ]);
  });

  it.each([...templates.map((t) => [t.id, t.topology] as const), ['held-out', HELD_OUT] as const])(
    '%s: the ScrapeConfigs hold the same jobs as the compose export',
    (_id, topology) => {
      const docs = docsOf(generateKubernetes(topology).files);
      const ctx = createContext(topology);
      for (const node of ctx.nodesOfKind('prometheus')) {
        const ours = docs
          .filter(
            (d) =>
              d.kind === 'ScrapeConfig' &&
              d.metadata.labels?.['fedstudio.io/prometheus'] === node.name,
          )
          .map((d) => d.spec);
        for (const instance of ctx.instances(node)) {
          // The operator adds its own hashmod for `shards`; the compose config writes it per server.
          const compose = scrapeConfigs(ctx, node, instance, { inlineTargets: true }).map((job) => {
            const relabel = (job.relabel_configs as Record<string, unknown>[] | undefined) ?? [];
            const own =
              instance.shard !== undefined &&
              relabel[0]?.action === 'hashmod' &&
              relabel[0].modulus === node.shards;
            const rest = own ? relabel.slice(2) : relabel;
            const head = { ...job };
            delete head.relabel_configs;
            return scrapeConfigSpec(rest.length > 0 ? { ...head, relabel_configs: rest } : head);
          });
          expect(ours).toEqual(compose);
        }
      }
    },
  );

  it('converts snake_case scrape fields to the CRD names and refuses a field it does not know', () => {
    expect(
      scrapeConfigSpec({
        job_name: 'j',
        honor_labels: true,
        metrics_path: '/federate',
        params: { 'match[]': ['up'] },
        static_configs: [{ targets: ['a:1'] }],
        relabel_configs: [
          { source_labels: ['__address__'], target_label: 't', modulus: 2, action: 'hashmod' },
        ],
      }),
    ).toEqual({
      jobName: 'j',
      honorLabels: true,
      metricsPath: '/federate',
      params: { 'match[]': ['up'] },
      staticConfigs: [{ targets: ['a:1'] }],
      relabelings: [
        { sourceLabels: ['__address__'], targetLabel: 't', modulus: 2, action: 'hashmod' },
      ],
    });
    // File discovery is listed inline for Kubernetes (no file sits beside the config there).
    expect(() => scrapeConfigSpec({ job_name: 'j', file_sd_configs: [] })).toThrow(
      /file_sd_configs/,
    );
  });

  it.each([...templates.map((t) => [t.id, t.topology] as const), ['held-out', HELD_OUT] as const])(
    '%s: no secret value anywhere; every ${VAR} is read from the Secret the example lists',
    (_id, topology) => {
      const out = generateKubernetes(topology);
      const example = yaml.load(out.files[SECRET_EXAMPLE] ?? '') as {
        stringData: Record<string, string>;
      };
      expect(Object.keys(example.stringData)).toEqual(out.secrets);
      expect(Object.values(example.stringData).every((v) => v === '')).toBe(true);
      for (const doc of docsOf(out.files)) {
        if (doc.kind === 'Secret') continue;
        // Config files keep `${VAR}` for the program to expand from its environment...
        const text = JSON.stringify(doc.kind === 'ConfigMap' ? { ...doc, data: {} } : doc);
        expect(text, `${doc.kind}/${doc.metadata.name}`).not.toMatch(/\$\{/);
        // ...and every such variable is one the Secret holds.
        if (
          doc.kind === 'ConfigMap' &&
          doc.metadata.labels?.['app.kubernetes.io/name'] === 'grafana'
        ) {
          // Grafana's provisioning reads them as $__env{VAR}.
          const provisioning = Object.entries(doc.data as Record<string, string>).filter(([k]) =>
            k.includes('provisioning'),
          );
          for (const [k, v] of provisioning) expect(v, k).not.toMatch(/\$\{/);
        }
        if (doc.kind === 'ConfigMap') {
          for (const m of JSON.stringify(doc.data).matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
            expect(out.secrets).toContain(m[1]);
          }
        }
      }
      for (const [path, text] of Object.entries(out.files)) {
        if (path === 'topology.yaml' || path === 'README.md') continue;
        expect(text, path).not.toMatch(/password:[ \t]*["']?[^"'\s$]/i);
      }
    },
  );

  it('secrets of the held-out design become Secret references', () => {
    const out = generateKubernetes(HELD_OUT);
    expect(out.secrets).toEqual([
      'GRAFANA_PW',
      'ONCALL_URL',
      'PD_KEY',
      'PG_PASSWORD',
      'SLACK_URL',
      'SMTP_PASSWORD',
    ]);
    const config = docsOf(out.files).find((d) => d.kind === 'AlertmanagerConfig');
    const receivers = (config?.spec as { receivers: Record<string, unknown>[] }).receivers;
    expect(receivers[0]).toEqual({
      name: 'oncall',
      webhookConfigs: [{ urlSecret: { name: 'held-out-secrets', key: 'ONCALL_URL' } }],
    });
    expect(out.files['README.md']).toContain('--from-literal=PD_KEY=...');
  });

  it('groups marked as clusters get an overlay each over one base; federation across them is listed', () => {
    const out = generateKubernetes(HELD_OUT);
    expect(Object.keys(out.files).filter((p) => p.endsWith('kustomization.yaml'))).toEqual([
      'base/kustomization.yaml',
      'overlays/eu/kustomization.yaml',
      'overlays/held-out/kustomization.yaml',
      'overlays/us/kustomization.yaml',
    ]);
    const eu = yaml.load(out.files['overlays/eu/kustomization.yaml'] ?? '') as {
      resources: string[];
    };
    // Targets nodes run no workload: production's exporters are the machines' own, and the
    // ScrapeConfig lists the targets to scrape (examples to replace without `addresses`).
    expect(eu.resources).toEqual(['../../base', 'prom-eu.yaml']);
    expect(out.files['README.md']).toContain('kubectl apply -k overlays/eu');
    expect(out.files['README.md']).toContain(
      '`prom-global` (held-out) federates `prom-eu` (eu), edge `f1`',
    );
  });

  it('a design without cluster groups is one base', () => {
    const t = templates.find((x) => x.id === 'ha-pair-alerting')?.topology;
    if (!t) throw new Error('template ha-pair-alerting is missing');
    const out = generateKubernetes(t);
    expect(Object.keys(out.files).filter((p) => p.endsWith('kustomization.yaml'))).toEqual([
      'base/kustomization.yaml',
    ]);
    expect(out.files['README.md']).toContain('kubectl apply -k base');
  });

  describe.skipIf(skipWithoutTool('kubectl'))('kubectl kustomize', () => {
    it.each([
      ...templates.map((t) => [t.id, t.topology] as const),
      ['held-out', HELD_OUT] as const,
    ])('%s: every folder builds offline', async (_id, topology) => {
      const out = generateKubernetes(topology);
      const dirs = Object.keys(out.files)
        .filter((p) => p.endsWith('/kustomization.yaml'))
        .map((p) => p.slice(0, -'/kustomization.yaml'.length));
      await withTree(out.files, (root) => {
        for (const d of dirs) {
          const r = runTool('kubectl', ['kustomize', `${root}/${d}`]);
          expect(r.ok, `${d}: ${r.output}`).toBe(true);
          const built = yaml.loadAll(r.output) as Manifest[];
          expect(
            built.every(
              (m) =>
                m.kind === 'Namespace' ||
                (m.metadata as { namespace?: string }).namespace === 'monitoring',
            ),
          ).toBe(true);
        }
      });
    });
  });
});
