import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { webhookPlaceholder } from '../generate/alertmanager.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { planLab } from './plan.ts';
import { renderLabFiles } from './render.ts';
import { HASH_LABEL, INSTANCE_LABEL, LAB_LABEL, NODE_LABEL, type LabPlan } from './types.ts';

function parse(text: string): Topology {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.topology;
}

const DC = parse(readFileSync('templates/dc-federation.topology.yaml', 'utf8'));

const SHARDED = parse(`apiVersion: fedstudio/v1
kind: Topology
metadata: { name: sharded-lab }
images: { alertmanager: example.org/am:1 }
nodes:
  - { id: leaf, kind: prometheus, name: prom-leaf, shards: 2, externalLabels: { datacenter: dc1 } }
  - { id: nodes, kind: targets, name: node, exporter: node-exporter, count: 50 }
  - { id: few, kind: targets, name: few, exporter: node-exporter, count: 10, labCount: 1 }
  - { id: global, kind: prometheus, name: prom-global }
  - { id: am, kind: alertmanager, name: am, replicas: 3 }
edges:
  - { id: s1, kind: scrape, from: leaf, to: nodes, job: node }
  - { id: s2, kind: scrape, from: leaf, to: few, job: node }
  - { id: f1, kind: federate, from: global, to: leaf, match: ['{__name__=~"job:.*"}'] }
  - { id: a1, kind: alerting, from: leaf, to: am }
`);

function container(plan: LabPlan, instance: string) {
  const c = plan.containers.find((x) => x.instance === instance);
  if (!c) throw new Error(`no container ${instance}`);
  return c;
}

describe('planLab', () => {
  it('runs one container per instance, targets at labCount / min(count, 3)', () => {
    const plan = planLab(SHARDED);
    expect(plan.containers.map((c) => c.instance).sort()).toEqual(
      [
        'am-0',
        'am-1',
        'am-2',
        'few-0',
        'node-0',
        'node-1',
        'node-2',
        'prom-global',
        'prom-leaf-shard-0',
        'prom-leaf-shard-1',
      ].sort(),
    );
    expect(plan.name).toBe('sharded-lab');
    expect(plan.network).toBe('fedstudio_sharded-lab');
  });

  it('labels every container with the lab, its node and its instance, and names volumes per lab', () => {
    const plan = planLab(DC);
    const c = container(plan, 'prometheus-eu-west-1');
    expect(c.labels).toMatchObject({
      [LAB_LABEL]: 'dc-federation',
      [NODE_LABEL]: 'eu-prom',
      [INSTANCE_LABEL]: 'prometheus-eu-west-1',
      [HASH_LABEL]: c.configHash,
    });
    expect(c.volumes).toEqual([
      { name: 'fedstudio_dc-federation_prometheus-eu-west-1-data', target: '/prometheus' },
    ]);
    expect(plan.volumes).toContain('fedstudio_dc-federation_prometheus-eu-west-1-data');
    expect(plan.labels).toEqual({ [LAB_LABEL]: 'dc-federation' });
  });

  it('probes health over HTTP from the host on the published port', () => {
    const plan = planLab(DC);
    expect(container(plan, 'prometheus-global-0').health).toEqual({
      type: 'http',
      containerPort: 9090,
      path: '/-/ready',
    });
    expect(container(plan, 'node-eu-west-1-0').health).toEqual({
      type: 'http',
      containerPort: 9100,
      path: '/metrics',
    });
    expect(container(plan, 'alertmanager-0').ui).toEqual({ containerPort: 9093, path: '/' });
  });

  it('starts every container after what it depends on', () => {
    const plan = planLab(DC);
    const at = (n: string) => plan.startOrder.indexOf(n);
    expect(plan.startOrder).toHaveLength(plan.containers.length);
    for (const c of plan.containers)
      for (const d of c.dependsOn) expect(at(d)).toBeLessThan(at(c.instance));
    expect(at('prometheus-eu-west-1')).toBeLessThan(at('prometheus-global-0'));
    expect(at('alertmanager-1')).toBeLessThan(at('prometheus-us-east-1'));
  });

  it('resolves images: catalog default < design images: < FEDSTUDIO_IMAGE_<KEY>', () => {
    const plain = planLab(SHARDED);
    expect(container(plain, 'node-0')).toMatchObject({
      image: 'prom/node-exporter:v1.9.1',
      imageSource: 'default',
    });
    expect(container(plain, 'am-0')).toMatchObject({
      image: 'example.org/am:1',
      imageSource: 'design',
    });
    const env = planLab(SHARDED, {
      imageOverrides: {
        FEDSTUDIO_IMAGE_ALERTMANAGER: 'local/am:dev',
        FEDSTUDIO_IMAGE_NODE_EXPORTER: '',
      },
    });
    expect(container(env, 'am-0')).toMatchObject({ image: 'local/am:dev', imageSource: 'env' });
    expect(container(env, 'node-0').imageSource).toBe('default');
  });

  it('maps every scrape and federate edge to its job on each scraping server', () => {
    const plan = planLab(SHARDED);
    expect(plan.edges).toEqual([
      {
        id: 's1',
        kind: 'scrape',
        from: 'leaf',
        to: 'nodes',
        scrapers: ['prom-leaf-shard-0', 'prom-leaf-shard-1'],
        job: 'node',
      },
      // The second target group called `node` gets a suffixed job (its `job` label stays `node`).
      {
        id: 's2',
        kind: 'scrape',
        from: 'leaf',
        to: 'few',
        scrapers: ['prom-leaf-shard-0', 'prom-leaf-shard-1'],
        job: 'node-2',
      },
      {
        id: 'f1',
        kind: 'federate',
        from: 'global',
        to: 'leaf',
        scrapers: ['prom-global'],
        // The federator's one federate job; this edge's part of it is the leaf's shards.
        job: 'federate',
        targets: ['prom-leaf-shard-0:9090', 'prom-leaf-shard-1:9090'],
      },
    ]);
    const config = yaml.load(plan.files['prometheus/prom-leaf-shard-0/prometheus.yml'] ?? '') as {
      scrape_configs: { job_name: string }[];
    };
    expect(config.scrape_configs.map((j) => j.job_name)).toEqual([
      'node',
      'node-2',
      'prometheus',
      'alertmanager',
    ]);
  });

  it('runs Alertmanager without a shell: the webhook secret is rendered on the host', () => {
    const plan = planLab(DC);
    const am = container(plan, 'alertmanager-0');
    // The program is the image's ENTRYPOINT, whatever path the image keeps it at.
    expect(am.entrypoint).toBeUndefined();
    expect(am.command?.[0]).toMatch(/^--/);
    expect(am.command).toContain('--config.file=/etc/alertmanager/alertmanager.yml');
    expect(am.command).toContain('--cluster.peer=alertmanager-1:9094');
    expect(JSON.stringify(am)).not.toContain('/bin/sh');
    expect(am.binds).toEqual([
      { source: 'alertmanager/alertmanager.rendered', target: '/etc/alertmanager' },
    ]);
    expect(plan.vars).toEqual([{ name: 'ONCALL_WEBHOOK_URL', kind: 'url' }]);
    const files = renderLabFiles(plan, {
      ONCALL_WEBHOOK_URL: ' http://hooks.example/x?a=b#c: d\n',
    });
    const rendered = files['alertmanager/alertmanager.rendered/alertmanager.yml'] ?? '';
    const config = yaml.load(rendered) as { receivers: { webhook_configs: { url: string }[] }[] };
    expect(config.receivers[0]?.webhook_configs[0]?.url).toBe('http://hooks.example/x?a=b#c: d');
    expect(rendered).not.toContain(webhookPlaceholder('ONCALL_WEBHOOK_URL'));
    expect(() => renderLabFiles(plan, {})).toThrow(/ONCALL_WEBHOOK_URL/);
  });

  it('leaves the export-only files out: the lab writes its own .env', () => {
    const files = Object.keys(planLab(DC).files);
    expect(files).not.toContain('.env');
    expect(files).not.toContain('docker-compose.yml');
    expect(files).toContain('prometheus/prometheus-global-0/prometheus.yml');
  });
});

describe('config hash', () => {
  const hashes = (t: Topology) =>
    Object.fromEntries(planLab(t).containers.map((c) => [c.instance, c.configHash]));

  it('is stable for the same design', () => {
    expect(hashes(DC)).toEqual(hashes(DC));
  });

  it('changes only for the instances whose config changed', () => {
    const changed = structuredClone(DC);
    const eu = changed.nodes.find((n) => n.id === 'eu-prom');
    if (eu?.kind !== 'prometheus') throw new Error('no eu-prom');
    eu.retention = '30d';
    const before = hashes(DC);
    const after = hashes(changed);
    const differ = Object.keys(before).filter((k) => before[k] !== after[k]);
    expect(differ).toEqual(['prometheus-eu-west-1']);
  });

  it('changes with a mounted file (a recording rule) and with the image', () => {
    const changed = structuredClone(DC);
    const global = changed.nodes.find((n) => n.id === 'global');
    if (global?.kind !== 'prometheus') throw new Error('no global');
    global.recordingRules = [{ record: 'x:y:sum', expr: 'sum(up)' }];
    const before = hashes(DC);
    const after = hashes(changed);
    expect(
      Object.keys(before)
        .filter((k) => before[k] !== after[k])
        .sort(),
    ).toEqual(['prometheus-global-0', 'prometheus-global-1']);
    const image = planLab(DC, { imageOverrides: { FEDSTUDIO_IMAGE_NODE_EXPORTER: 'x/y:1' } });
    expect(image.containers.find((c) => c.instance === 'node-eu-west-1-0')?.configHash).not.toBe(
      before['node-eu-west-1-0'],
    );
  });
});
