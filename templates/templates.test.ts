// The templates: each parses, survives a save, is laid out, follows the naming conventions and
// shows the architecture of its seed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../shared/design/parse.ts';
import { DNS_LABEL } from '../shared/model/primitives.ts';
import type { NodeKind, Topology, TopologyEdge, TopologyNode } from '../shared/model/schema.ts';
import { serializeTopology } from '../shared/model/serialize.ts';
import { loadTemplates, templateFiles, TEMPLATES_DIR } from './load.ts';

const templates = loadTemplates();
const byId = new Map(templates.map((t) => [t.id, t.topology]));

function template(id: string): Topology {
  const t = byId.get(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}
const nodesOf = (t: Topology, kind: NodeKind): TopologyNode[] =>
  t.nodes.filter((n) => n.kind === kind);
const edgesOf = (t: Topology, kind: TopologyEdge['kind']): TopologyEdge[] =>
  (t.edges ?? []).filter((e) => e.kind === kind);
const node = (t: Topology, id: string): TopologyNode => {
  const n = t.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

describe('templates folder', () => {
  it('holds the designs of the seeds', () => {
    expect(templates.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'dc-federation',
        'hashmod-hierarchy',
        'ha-pair-alerting',
        'geo-federation',
        'grafana-federation',
        'training-stack',
        'thanos-ha',
      ]),
    );
    expect(templateFiles().length).toBe(templates.length);
  });
});

describe.each(templates)('template $id', ({ id, text, topology }) => {
  it('is named after its file and says which seed it comes from', () => {
    expect(topology.metadata.name).toBe(id);
    expect(text.split('\n')[0]).toMatch(/^# From seed 00[0-4] /);
  });

  it('has a short title, a blank line and a summary in its description', () => {
    const lines = (topology.metadata.description ?? '').split('\n');
    expect(lines[0]?.trim().length).toBeGreaterThan(0);
    expect(lines[0]?.length).toBeLessThanOrEqual(60);
    expect(lines[0]).not.toMatch(/\.$/);
    expect(lines[1]).toBe('');
    expect(lines.slice(2).join(' ').trim().length).toBeGreaterThan(40);
  });

  it('survives serialize and parse unchanged', () => {
    const saved = serializeTopology(topology);
    const again = parseTopology(saved);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.topology).toEqual(topology);
    expect(serializeTopology(again.topology)).toBe(saved);
  });

  it('places every node, and every group with its size', () => {
    for (const n of topology.nodes) expect(n.position, n.id).toBeDefined();
    for (const g of topology.groups ?? []) {
      expect(g.position, g.id).toBeDefined();
      expect(g.size, g.id).toBeDefined();
    }
  });

  it('places the nodes of a group inside its box', () => {
    const groups = new Map((topology.groups ?? []).map((g) => [g.id, g]));
    for (const n of topology.nodes) {
      if (n.group === undefined || !n.position) continue;
      const g = groups.get(n.group);
      if (!g?.position || !g.size) throw new Error(`group ${n.group} is not placed`);
      expect(n.position.x, n.id).toBeGreaterThanOrEqual(g.position.x);
      expect(n.position.y, n.id).toBeGreaterThanOrEqual(g.position.y);
      // A node card is about 180 x 80.
      expect(n.position.x + 180, n.id).toBeLessThanOrEqual(g.position.x + g.size.width);
      expect(n.position.y + 80, n.id).toBeLessThanOrEqual(g.position.y + g.size.height);
    }
  });

  it('does not stack two nodes on one spot', () => {
    const spots = topology.nodes.map((n) => `${n.position?.x},${n.position?.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it('follows the naming conventions', () => {
    const ref = /^[a-z][a-z0-9-]*$/;
    for (const n of topology.nodes) {
      expect(n.id, n.id).toMatch(ref);
      expect(n.name, n.id).toMatch(DNS_LABEL);
      if (n.kind === 'prometheus') expect(n.name).toMatch(/^prometheus(-|$)/);
      if (n.kind === 'alertmanager') expect(n.name).toMatch(/^alertmanager(-|$)/);
      if (n.kind === 'grafana') expect(n.name).toMatch(/^grafana(-|$)/);
      if (n.kind.startsWith('thanos-')) expect(n.name).toBe(n.kind);
    }
    for (const e of topology.edges ?? []) expect(e.id, e.id).toMatch(ref);
    for (const g of topology.groups ?? []) expect(g.id, g.id).toMatch(ref);
  });

  it('keeps secrets out: every secret field is a ${VAR}', () => {
    const raw = readFileSync(`${TEMPLATES_DIR}/${id}.topology.yaml`, 'utf8');
    for (const m of raw.matchAll(
      /^\s*-?\s*(password|adminPassword|token|accessKey|secretKey|routingKey|authPassword):\s*(\S+)/gm,
    )) {
      expect(m[2], m[0]).toMatch(/^\$\{[A-Z][A-Z0-9_]*\}$/);
    }
  });
});

describe('dc-federation', () => {
  const t = template('dc-federation');
  it('federates the job: series of two datacenters into a global pair', () => {
    const global = node(t, 'global');
    expect(global.kind === 'prometheus' && global.replicas).toBe(2);
    expect(global.kind === 'prometheus' && global.externalLabels).toEqual({ datacenter: 'global' });
    const fed = edgesOf(t, 'federate');
    expect(fed.map((e) => e.to).sort()).toEqual(['eu-prom', 'us-prom']);
    for (const e of fed) expect(e.kind === 'federate' && e.match).toEqual(['{__name__=~"job:.*"}']);
    expect((t.groups ?? []).map((g) => g.externalLabels?.datacenter).sort()).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
  });
  it("records 002's node.rules aggregate on each datacenter server", () => {
    for (const id of ['eu-prom', 'us-prom']) {
      const n = node(t, id);
      const records = n.kind === 'prometheus' ? (n.recordingRules ?? []).map((r) => r.record) : [];
      expect(records).toContain('job:node_memory_MemTotal:sum');
    }
  });
});

describe('hashmod-hierarchy', () => {
  const t = template('hashmod-hierarchy');
  it('has one node of four shards federated by a master on slave: series', () => {
    const sharded = nodesOf(t, 'prometheus').filter((n) => n.kind === 'prometheus' && n.shards);
    expect(sharded).toHaveLength(1);
    expect(sharded[0]?.kind === 'prometheus' && sharded[0].shards).toBe(4);
    const fed = edgesOf(t, 'federate');
    expect(fed).toHaveLength(1);
    expect(fed[0]?.to).toBe(sharded[0]?.id);
    expect(fed[0]?.kind === 'federate' && fed[0].match).toEqual(['{__name__=~"slave:.*"}']);
    const master = node(t, fed[0]?.from ?? '');
    const masterRules = master.kind === 'prometheus' ? (master.recordingRules ?? []) : [];
    expect(masterRules.length).toBeGreaterThan(0);
    for (const r of masterRules) {
      expect(r.record).toMatch(/^job:/);
      expect(r.expr).toMatch(/slave:/);
    }
  });
  it('scrapes thousands of targets', () => {
    const targets = nodesOf(t, 'targets');
    expect(targets.some((n) => n.kind === 'targets' && (n.count ?? 0) >= 1000)).toBe(true);
  });
});

describe('ha-pair-alerting', () => {
  const t = template('ha-pair-alerting');
  it('alerts from a Prometheus pair to a three-member Alertmanager cluster', () => {
    const prom = nodesOf(t, 'prometheus');
    expect(prom).toHaveLength(1);
    expect(prom[0]?.kind === 'prometheus' && prom[0].replicas).toBe(2);
    const am = nodesOf(t, 'alertmanager');
    expect(am[0]?.kind === 'alertmanager' && am[0].replicas).toBe(3);
    expect(edgesOf(t, 'alerting')).toHaveLength(1);
  });
  it('runs two Grafanas on a PostgreSQL backend', () => {
    const g = nodesOf(t, 'grafana');
    expect(g[0]?.kind === 'grafana' && g[0].replicas).toBe(2);
    const backend = edgesOf(t, 'backend');
    expect(backend.map((e) => node(t, e.to).kind)).toEqual(['postgres']);
    expect(
      edgesOf(t, 'datasource')
        .map((e) => node(t, e.to).kind)
        .sort(),
    ).toEqual(['alertmanager', 'prometheus']);
  });
});

describe('geo-federation', () => {
  it('federates three regions into a global pair that Grafana queries', () => {
    const t = template('geo-federation');
    expect((t.groups ?? []).map((g) => g.externalLabels?.region).sort()).toEqual([
      'ap-south',
      'eu-west',
      'us-east',
    ]);
    const fed = edgesOf(t, 'federate');
    expect(new Set(fed.map((e) => e.from)).size).toBe(1);
    expect(fed).toHaveLength(3);
    const global = node(t, fed[0]?.from ?? '');
    expect(global.kind === 'prometheus' && global.replicas).toBe(2);
    expect(edgesOf(t, 'datasource').map((e) => e.to)).toEqual([global.id]);
  });
});

describe('grafana-federation', () => {
  it('has three Grafanas, two of them federated with tokens', () => {
    const t = template('grafana-federation');
    expect(nodesOf(t, 'grafana')).toHaveLength(3);
    const g2g = edgesOf(t, 'datasource').filter((e) => node(t, e.to).kind === 'grafana');
    expect(g2g).toHaveLength(2);
    expect(new Set(g2g.map((e) => e.from)).size).toBe(1);
    for (const e of g2g) expect(e.kind === 'datasource' && e.token).toMatch(/^\$\{\w+\}$/);
    expect(nodesOf(t, 'influxdb')).toHaveLength(1);
    expect(nodesOf(t, 'clickhouse')).toHaveLength(1);
    expect(nodesOf(t, 'prometheus')).toHaveLength(0);
  });
});

describe('training-stack', () => {
  it("has 003's components, wired as the seed describes", () => {
    const t = template('training-stack');
    const kinds = new Set(t.nodes.map((n) => n.kind));
    for (const k of [
      'grafana',
      'prometheus',
      'alertmanager',
      'loki',
      'tempo',
      'promtail',
      'influxdb',
      'postgres',
      'redis',
      'targets',
    ] as const)
      expect(kinds.has(k), k).toBe(true);
    expect(edgesOf(t, 'logs')).toHaveLength(1);
    const sources = edgesOf(t, 'datasource').map((e) => node(t, e.to).kind);
    expect(sources).toEqual(
      expect.arrayContaining(['prometheus', 'loki', 'tempo', 'influxdb', 'postgres']),
    );
    expect(
      edgesOf(t, 'backend')
        .map((e) => node(t, e.to).kind)
        .sort(),
    ).toEqual(['postgres', 'redis']);
    const scraped = edgesOf(t, 'scrape').map((e) => node(t, e.to).kind);
    expect(scraped).toEqual(
      expect.arrayContaining(['targets', 'grafana', 'alertmanager', 'loki', 'tempo']),
    );
  });
});

describe('thanos-ha', () => {
  it('puts Thanos over an HA pair and one object store', () => {
    const t = template('thanos-ha');
    const prom = nodesOf(t, 'prometheus');
    expect(prom[0]?.kind === 'prometheus' && prom[0].replicas).toBe(2);
    expect(prom[0]?.kind === 'prometheus' && prom[0].thanosSidecar).toBe(true);
    for (const k of ['thanos-query', 'thanos-store', 'thanos-compactor', 'object-store'] as const)
      expect(nodesOf(t, k), k).toHaveLength(1);
    expect(
      edgesOf(t, 'store')
        .map((e) => node(t, e.to).kind)
        .sort(),
    ).toEqual(['prometheus', 'thanos-store']);
    expect(edgesOf(t, 'objstore')).toHaveLength(3);
    const query = nodesOf(t, 'thanos-query')[0];
    expect(edgesOf(t, 'datasource').map((e) => e.to)).toEqual([query?.id]);
  });
});
