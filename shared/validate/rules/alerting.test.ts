import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';
import type { Finding } from '../types.ts';

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

/**
 * A datacenter server scraping node exporters, alerting to an Alertmanager, and a global server
 * federating its aggregates with the given alert expression and extra scrape edges.
 */
function globalAlert(expr: string, opts: { globalEdges?: string; globalExtra?: string } = {}) {
  return topo(`
nodes:
  - { id: eu-prom, kind: prometheus, name: prometheus-eu, externalLabels: { dc: eu } }
  - { id: eu-nodes, kind: targets, name: node, count: 5 }
  - id: global
    kind: prometheus
    name: prometheus-global
    externalLabels: { dc: global }
    recordingRules:
      - { record: "dc:up:sum", expr: "sum(job:up:sum)" }
      - { record: "fleet_ok", expr: "sum(job:up:sum) > 0" }
    alertRules:
      - { alert: Fleet, expr: ${JSON.stringify(expr)} }
${opts.globalExtra ?? ''}
  - id: am
    kind: alertmanager
    name: alertmanager
    replicas: 2
    receivers: [ { name: oncall, type: webhook, url: "http://hook" } ]
edges:
  - { id: s1, kind: scrape, from: eu-prom, to: eu-nodes }
  - { id: f1, kind: federate, from: global, to: eu-prom, match: ['{__name__=~"job:.*"}'] }
  - { id: a1, kind: alerting, from: global, to: am }
  - { id: a2, kind: alerting, from: eu-prom, to: am }
${opts.globalEdges ?? ''}
`);
}

describe('alert-too-high', () => {
  it.each([
    ['up{job="node"} == 0', 'up'],
    ['absent(job:node_up:sum)', 'absent()'],
    ['absent_over_time(job:node_up:sum[5m])', 'absent_over_time()'],
    ['count by (instance) (job:node_cpu:rate5m) > 1', 'the instance label'],
    ['node_load1 > 10', 'raw series node_load1'],
  ])('reports %s on a federator that scrapes nothing', (expr, what) => {
    const f = only(findingsOf('alert-too-high', globalAlert(expr)));
    expect(f).toMatchObject({ rule: 'alert-too-high', severity: 'warning' });
    expect(f.nodes).toEqual(['global', 'eu-prom']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toBe(
      `prometheus-global's alert Fleet uses ${what} of targets it does not scrape, so it sees them only through federating prometheus-eu`,
    );
    expect(f.fix).toBe('Move Fleet to prometheus-eu, which scrapes the targets.');
  });

  it("does not report up of the federator's own federation jobs", () => {
    expect(findingsOf('alert-too-high', globalAlert('up{job="federate"} == 0'))).toEqual([]);
    // Meta-monitoring's job scraping the federator itself is its own too.
    expect(findingsOf('alert-too-high', globalAlert('up{job="prometheus"} == 0'))).toEqual([]);
    // Another job's up is still about targets.
    expect(
      findingsOf('alert-too-high', globalAlert('up{job="federate"} == 0 or up{job="node"} == 0')),
    ).toHaveLength(1);
  });

  it('names every signal of one expression', () => {
    const f = only(findingsOf('alert-too-high', globalAlert('up{instance="a"} + node_load1 == 0')));
    expect(f.message).toContain('uses up, the instance label and raw series node_load1 of');
  });

  it('points the fix at the scraping server below a middle tier', () => {
    const design = globalAlert('dc:up:sum == 0', {
      globalExtra:
        '  - { id: top, kind: prometheus, name: prometheus-top, alertRules: [ { alert: Top, expr: "up == 0" } ] }',
      globalEdges:
        '  - { id: f2, kind: federate, from: top, to: global, match: [\'{__name__=~"dc:.*"}\'] }',
    });
    const f = only(findingsOf('alert-too-high', design));
    expect(f.nodes).toEqual(['top', 'global']);
    expect(f.fix).toBe('Move Top to prometheus-eu, which scrapes the targets.');
  });

  it.each([
    'sum(job:node_up:sum) < 3',
    'dc:up:sum == 0',
    'fleet_ok == 0', // recorded on the node itself, whatever its name
  ])('does not report aggregates only: %s', (expr) => {
    expect(findingsOf('alert-too-high', globalAlert(expr))).toEqual([]);
  });

  it('does not report a federator that also scrapes targets itself', () => {
    const design = globalAlert('up{job="node"} == 0 or node_load1 > 10', {
      globalExtra: '  - { id: g-nodes, kind: targets, name: global-node, count: 2 }',
      globalEdges: '  - { id: s2, kind: scrape, from: global, to: g-nodes }',
    });
    expect(findingsOf('alert-too-high', design)).toEqual([]);
  });

  it('does not report the scraping server, nor an expression that does not parse', () => {
    const leaf = topo(`
nodes:
  - { id: p, kind: prometheus, name: prometheus-eu, alertRules: [ { alert: Down, expr: "up == 0" } ] }
  - { id: t, kind: targets, name: node }
edges:
  - { id: s, kind: scrape, from: p, to: t }
`);
    expect(findingsOf('alert-too-high', leaf)).toEqual([]);
    expect(findingsOf('alert-too-high', globalAlert('up ==== 0'))).toEqual([]);
  });
});

describe('alert-no-alertmanager', () => {
  const design = (edges: string) =>
    topo(`
nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    alertRules:
      - { alert: NodeDown, expr: "up == 0" }
      - { alert: DiskFull, expr: "node_filesystem_avail_bytes == 0" }
  - { id: am, kind: alertmanager, name: alertmanager, replicas: 2, receivers: [ { name: r, type: webhook, url: "http://x" } ] }
  - { id: q, kind: prometheus, name: prometheus-quiet }
edges:
${edges}
`);

  it('reports alert rules without an alerting edge', () => {
    const f = only(findingsOf('alert-no-alertmanager', design('  []')));
    expect(f).toMatchObject({ rule: 'alert-no-alertmanager', severity: 'error', nodes: ['p'] });
    expect(f.edges).toEqual([]);
    expect(f.message).toBe(
      'prometheus-eu has 2 alert rules but no alerting edge to an Alertmanager, so its alerts notify no one',
    );
  });

  it('does not report a server with an alerting edge, nor one without alert rules', () => {
    expect(
      findingsOf('alert-no-alertmanager', design('  - { id: a, kind: alerting, from: p, to: am }')),
    ).toEqual([]);
  });

  it('is suppressed by the node', () => {
    const yaml = design('  []').replace(
      'name: prometheus-eu\n',
      'name: prometheus-eu\n    suppress: [alert-no-alertmanager]\n',
    );
    expect(only(findingsOf('alert-no-alertmanager', yaml)).suppressed).toBe(true);
  });
});

describe('am-single', () => {
  const design = (replicas: string, edges: string) =>
    topo(`
nodes:
  - { id: eu, kind: prometheus, name: prometheus-eu }
  - { id: us, kind: prometheus, name: prometheus-us }
  - { id: am, kind: alertmanager, name: alertmanager${replicas}, receivers: [ { name: r, type: webhook, url: "http://x" } ] }
edges:
${edges}
`);
  const both =
    '  - { id: a1, kind: alerting, from: eu, to: am }\n  - { id: a2, kind: alerting, from: us, to: am }';

  it.each(['', ', replicas: 1'])('reports a single Alertmanager receiving alerts (%s)', (r) => {
    const f = only(findingsOf('am-single', design(r, both)));
    expect(f).toMatchObject({ rule: 'am-single', severity: 'warning' });
    expect(f.nodes).toEqual(['am', 'eu', 'us']);
    expect(f.edges).toEqual(['a1', 'a2']);
    expect(f.message).toBe(
      'alertmanager receives the alerts of prometheus-eu and prometheus-us but runs a single replica, so no notification goes out while it is down',
    );
  });

  it('does not report a cluster, nor a single one that receives nothing', () => {
    expect(findingsOf('am-single', design(', replicas: 3', both))).toEqual([]);
    expect(findingsOf('am-single', design('', '  []'))).toEqual([]);
  });
});

describe('am-no-receivers', () => {
  const design = (receivers: string) =>
    topo(`
nodes:
  - { id: p, kind: prometheus, name: prometheus-eu }
  - { id: am, kind: alertmanager, name: alertmanager, replicas: 2${receivers} }
edges:
  - { id: a1, kind: alerting, from: p, to: am }
`);

  it.each(['', ', receivers: []'])('reports an Alertmanager without receivers (%s)', (r) => {
    const f = only(findingsOf('am-no-receivers', design(r)));
    expect(f).toMatchObject({ rule: 'am-no-receivers', severity: 'warning', nodes: ['am'] });
    expect(f.message).toBe('alertmanager has no receivers, so the alerts it gets notify no one');
  });

  it('does not report one with a receiver', () => {
    expect(
      findingsOf(
        'am-no-receivers',
        design(', receivers: [ { name: r, type: webhook, url: "http://x" } ]'),
      ),
    ).toEqual([]);
  });
});
