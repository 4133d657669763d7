import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';
import type { Finding } from '../types.ts';

/** A datacenter server with a recording rule, its targets, and a global server federating it. */
function dcAndGlobal(edge: string, extra = ''): string {
  return topo(`
groups:
  - { id: eu, label: eu-west-1, externalLabels: { datacenter: eu-west-1 } }
nodes:
  - id: eu-prom
    kind: prometheus
    name: prometheus-eu
    group: eu
    recordingRules:
      - { record: "job:node_memory_MemTotal:sum", expr: "sum without(instance)(node_memory_MemTotal)" }
  - { id: eu-nodes, kind: targets, name: node, group: eu, exporter: node-exporter, count: 2 }
  - { id: global, kind: prometheus, name: prometheus-global, replicas: 2, externalLabels: { datacenter: global } }
${extra}
edges:
  - { id: s1, kind: scrape, from: eu-prom, to: eu-nodes }
  - ${edge}
`);
}

function fed(match: string, more = ''): string {
  return dcAndGlobal(
    `{ id: f1, kind: federate, from: global, to: eu-prom, match: [${JSON.stringify(match)}]${more} }`,
  );
}

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('fed-match-everything', () => {
  it.each(['{__name__=~".+"}', '{__name__!=""}', '{job=~".+"}', '{__name__=~".+", job!="x"}'])(
    'reports %s',
    (sel) => {
      const f = only(findingsOf('fed-match-everything', fed(sel)));
      expect(f).toMatchObject({ rule: 'fed-match-everything', severity: 'error' });
      expect(f.nodes).toEqual(['global', 'eu-prom']);
      expect(f.edges).toEqual(['f1']);
      expect(f.message).toBe(
        `prometheus-global federates every series of prometheus-eu with ${sel}`,
      );
    },
  );

  it.each(['{__name__=~"job:.*"}', '{job="node"}', '{__name__=~"(?i)job:.*"}', '{job=~".*"}'])(
    'leaves %s alone',
    (sel) => {
      expect(findingsOf('fed-match-everything', fed(sel))).toEqual([]);
    },
  );
});

describe('fed-match-invalid', () => {
  it('reports a selector whose matchers all match the empty string', () => {
    const f = only(findingsOf('fed-match-invalid', fed('{job=~".*"}')));
    expect(f).toMatchObject({ rule: 'fed-match-invalid', severity: 'error' });
    expect(f.nodes).toEqual(['global', 'eu-prom']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toContain('prometheus-global federates prometheus-eu with {job=~".*"}');
    expect(f.message).toContain('HTTP 400');
  });

  it('reports a selector that does not parse, with the parser reason', () => {
    const f = only(findingsOf('fed-match-invalid', fed('{job=')));
    expect(f.message).toContain('unexpected end of input');
    expect(f.message).toContain('prometheus-global');
  });

  it.each(['sum(up)', 'up[5m]', '{}', '{job!="x"}'])('reports %s', (sel) => {
    expect(findingsOf('fed-match-invalid', fed(sel))).toHaveLength(1);
  });

  it.each(['{__name__=~"job:.*"}', '{job=~".+"}', '{__name__=~".+", job=~".*"}', 'up'])(
    'leaves %s alone',
    (sel) => {
      expect(findingsOf('fed-match-invalid', fed(sel))).toEqual([]);
    },
  );
});

describe('fed-raw-series', () => {
  it.each([
    '{job="node"}',
    'node_cpu_seconds_total',
    '{__name__=~"node_.*"}',
    '{__name__=~"job:.*|node_.*"}',
    '{__name__=~".+", job="node"}',
  ])('reports %s', (sel) => {
    const f = only(findingsOf('fed-raw-series', fed(sel)));
    expect(f).toMatchObject({ rule: 'fed-raw-series', severity: 'warning' });
    expect(f.nodes).toEqual(['global', 'eu-prom']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toContain('prometheus-global federates raw series');
    expect(f.message).toContain(`from prometheus-eu with ${sel}`);
  });

  it.each([
    '{__name__=~"job:.*"}',
    '{__name__=~"^job:.*", job="node"}',
    'job:node_memory_MemTotal:sum',
    // fed-match-everything's and fed-match-invalid's, not reported twice
    '{__name__=~".+"}',
    '{job=~".*"}',
  ])('leaves %s alone', (sel) => {
    expect(findingsOf('fed-raw-series', fed(sel))).toEqual([]);
  });
});

describe('fed-honor-labels', () => {
  it('reports honorLabels: false', () => {
    const f = only(
      findingsOf('fed-honor-labels', fed('{__name__=~"job:.*"}', ', honorLabels: false')),
    );
    expect(f).toMatchObject({ rule: 'fed-honor-labels', severity: 'error' });
    expect(f.nodes).toEqual(['global', 'eu-prom']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toContain(
      'prometheus-global federates prometheus-eu with honorLabels: false',
    );
  });

  it('accepts the default and honorLabels: true', () => {
    expect(findingsOf('fed-honor-labels', fed('{__name__=~"job:.*"}'))).toEqual([]);
    expect(
      findingsOf('fed-honor-labels', fed('{__name__=~"job:.*"}', ', honorLabels: true')),
    ).toEqual([]);
  });
});

/** A federator over two sources, with the given extra fields on each source. */
function twoSources(a: string, b: string, groups = ''): string {
  return topo(`
${groups}
nodes:
  - { id: a, kind: prometheus, name: prometheus-a${a} }
  - { id: b, kind: prometheus, name: prometheus-b${b} }
  - { id: g, kind: prometheus, name: prometheus-global, externalLabels: { datacenter: global } }
edges:
  - { id: fa, kind: federate, from: g, to: a, match: ['{__name__=~"job:.*"}'] }
  - { id: fb, kind: federate, from: g, to: b, match: ['{__name__=~"job:.*"}'] }
`);
}

describe('fed-external-labels-missing', () => {
  it('reports a federated source without labels', () => {
    const findings = findingsOf(
      'fed-external-labels-missing',
      twoSources('', ', externalLabels: { datacenter: us }'),
    );
    const f = only(findings);
    expect(f).toMatchObject({ rule: 'fed-external-labels-missing', severity: 'error' });
    expect(f.nodes).toEqual(['a', 'g']);
    expect(f.edges).toEqual(['fa']);
    expect(f.message).toBe(
      "prometheus-a is federated by prometheus-global but has no external labels, so its series cannot be told from other sources'",
    );
  });

  it('does not count the generated replica label as identifying a source', () => {
    const f = only(
      findingsOf(
        'fed-external-labels-missing',
        twoSources(', replicas: 2', ', externalLabels: { datacenter: us }'),
      ),
    );
    expect(f.nodes).toEqual(['a', 'g']);
    expect(f.message).toContain('besides the generated replica label');
  });

  it('accepts labels from the group or the node, and does not look at unfederated nodes', () => {
    const groups = `groups:\n  - { id: eu, externalLabels: { datacenter: eu } }`;
    expect(
      findingsOf(
        'fed-external-labels-missing',
        twoSources(', group: eu', ', externalLabels: { datacenter: us }', groups),
      ),
    ).toEqual([]);
    // prometheus-eu federates nothing into itself; only its source is checked
    expect(findingsOf('fed-external-labels-missing', fed('{__name__=~"job:.*"}'))).toEqual([]);
  });
});

describe('fed-external-labels-clash', () => {
  it('reports two sources with identical labels', () => {
    const f = only(
      findingsOf(
        'fed-external-labels-clash',
        twoSources(', externalLabels: { datacenter: eu }', ', externalLabels: { datacenter: eu }'),
      ),
    );
    expect(f).toMatchObject({ rule: 'fed-external-labels-clash', severity: 'error' });
    expect(f.nodes).toEqual(['a', 'b', 'g']);
    expect(f.edges).toEqual(['fa', 'fb']);
    expect(f.message).toBe(
      'prometheus-global federates prometheus-a and prometheus-b, which have servers with the same external labels {datacenter="eu"}, so their series collide',
    );
  });

  it('compares per server: a group label and replicas on both sides still clash', () => {
    const groups = `groups:\n  - { id: eu, externalLabels: { datacenter: eu } }`;
    const f = only(
      findingsOf(
        'fed-external-labels-clash',
        twoSources(
          ', group: eu, replicas: 2',
          ', replicas: 2, externalLabels: { datacenter: eu }',
          groups,
        ),
      ),
    );
    expect(f.message).toContain('{datacenter="eu", replica="0"}');
  });

  it('accepts distinct labels, and the replicas of one node', () => {
    expect(
      findingsOf(
        'fed-external-labels-clash',
        twoSources(', externalLabels: { datacenter: eu }', ', externalLabels: { datacenter: us }'),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        'fed-external-labels-clash',
        twoSources(
          ', replicas: 2, externalLabels: { datacenter: eu }',
          ', externalLabels: { datacenter: us }',
        ),
      ),
    ).toEqual([]);
  });

  it('leaves sources without labels to fed-external-labels-missing', () => {
    expect(findingsOf('fed-external-labels-clash', twoSources('', ''))).toEqual([]);
  });
});

describe('fed-cycle', () => {
  const chain = (edges: string) =>
    topo(`
nodes:
  - { id: a, kind: prometheus, name: prometheus-a, externalLabels: { dc: a } }
  - { id: b, kind: prometheus, name: prometheus-b, externalLabels: { dc: b } }
  - { id: c, kind: prometheus, name: prometheus-c, externalLabels: { dc: c } }
edges:
${edges}
`);
  const e = (id: string, from: string, to: string) =>
    `  - { id: ${id}, kind: federate, from: ${from}, to: ${to}, match: ['{__name__=~"job:.*"}'] }`;

  it('reports a cycle once, naming its nodes in order', () => {
    const f = only(
      findingsOf(
        'fed-cycle',
        chain([e('e1', 'b', 'c'), e('e2', 'c', 'a'), e('e3', 'a', 'b')].join('\n')),
      ),
    );
    expect(f).toMatchObject({ rule: 'fed-cycle', severity: 'error' });
    expect(f.nodes).toEqual(['a', 'b', 'c']);
    expect(f.edges).toEqual(['e3', 'e1', 'e2']);
    expect(f.message).toBe(
      'federate edges form a cycle prometheus-a -> prometheus-b -> prometheus-c -> prometheus-a',
    );
  });

  it('reports a node federating itself', () => {
    const f = only(findingsOf('fed-cycle', chain(e('e1', 'a', 'a'))));
    expect(f.nodes).toEqual(['a']);
    expect(f.edges).toEqual(['e1']);
    expect(f.message).toBe('prometheus-a federates itself');
  });

  it('reports each of two cycles through one node', () => {
    const findings = findingsOf(
      'fed-cycle',
      chain(
        [e('e1', 'a', 'b'), e('e2', 'b', 'a'), e('e3', 'a', 'c'), e('e4', 'c', 'a')].join('\n'),
      ),
    );
    expect(findings.map((f) => f.nodes)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  it('accepts a tree, even one where two paths meet', () => {
    expect(
      findingsOf(
        'fed-cycle',
        chain([e('e1', 'a', 'b'), e('e2', 'a', 'c'), e('e3', 'b', 'c')].join('\n')),
      ),
    ).toEqual([]);
  });
});

describe('fed-ha-duplicates', () => {
  it('reports federating a replicated node', () => {
    const t = topo(`
nodes:
  - { id: dc, kind: prometheus, name: prometheus-dc, replicas: 2, externalLabels: { dc: eu } }
  - { id: g, kind: prometheus, name: prometheus-global }
edges:
  - { id: f1, kind: federate, from: g, to: dc, match: ['{__name__=~"job:.*"}'] }
`);
    const f = only(findingsOf('fed-ha-duplicates', t));
    expect(f).toMatchObject({ rule: 'fed-ha-duplicates', severity: 'warning' });
    expect(f.nodes).toEqual(['g', 'dc']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toContain('prometheus-global federates all 2 replicas of prometheus-dc');
  });

  it('accepts a replicated federator over a single source', () => {
    // prometheus-global has replicas: 2, prometheus-eu has 1
    expect(findingsOf('fed-ha-duplicates', fed('{__name__=~"job:.*"}'))).toEqual([]);
  });
});

describe('fed-partial-shard-group', () => {
  /** Seed 002: four slaves split one target group by hashmod; the master lists slave0, 1, 3 and "slave4". */
  const slaves = (federated: string[]) =>
    topo(`
nodes:
  - { id: app, kind: targets, name: some-job, count: 4000 }
${[0, 1, 2, 3, 4]
  .map(
    (i) =>
      `  - { id: slave${i}, kind: prometheus, name: slave${i}, externalLabels: { slave: "${i}" }, recordingRules: [ { record: "slave:up:sum", expr: "sum(up)" } ] }`,
  )
  .join('\n')}
  - { id: master, kind: prometheus, name: master, externalLabels: { slave: master } }
edges:
${[0, 1, 2, 3]
  .map(
    (i) =>
      `  - { id: s${i}, kind: scrape, from: slave${i}, to: app, shard: { modulus: 4, index: ${i} } }`,
  )
  .join('\n')}
${federated
  .map(
    (id) =>
      `  - { id: f-${id}, kind: federate, from: master, to: ${id}, match: ['{__name__=~"^slave:.*"}'] }`,
  )
  .join('\n')}
`);

  it("catches seed 002's master that federates slave0, slave1, slave3 and slave4 but not slave2", () => {
    const f = only(
      findingsOf('fed-partial-shard-group', slaves(['slave0', 'slave1', 'slave3', 'slave4'])),
    );
    expect(f).toMatchObject({ rule: 'fed-partial-shard-group', severity: 'warning' });
    expect(f.nodes).toEqual(['master', 'slave2', 'slave0', 'slave1', 'slave3', 'app']);
    expect(f.edges).toEqual(['f-slave0', 'f-slave1', 'f-slave3', 's2']);
    expect(f.message).toBe(
      'master federates slave0, slave1 and slave3 but not slave2, so it sees only part of some-job, which they split by hashmod',
    );
  });

  it('accepts federating every slave, or none', () => {
    expect(
      findingsOf('fed-partial-shard-group', slaves(['slave0', 'slave1', 'slave2', 'slave3'])),
    ).toEqual([]);
    expect(findingsOf('fed-partial-shard-group', slaves(['slave4']))).toEqual([]);
  });

  it('accepts federating a node with shards: its instances are all federated', () => {
    const t = topo(`
nodes:
  - { id: app, kind: targets, name: app, count: 100 }
  - { id: leaf, kind: prometheus, name: leaf, shards: 4, externalLabels: { dc: eu } }
  - { id: g, kind: prometheus, name: prometheus-global }
edges:
  - { id: s1, kind: scrape, from: leaf, to: app }
  - { id: f1, kind: federate, from: g, to: leaf, match: ['{__name__=~"job:.*"}'] }
`);
    expect(findingsOf('fed-partial-shard-group', t)).toEqual([]);
  });

  it('is suppressed by the federator', () => {
    const yaml = slaves(['slave0', 'slave1', 'slave3']).replace(
      'name: master,',
      'name: master, suppress: [fed-partial-shard-group],',
    );
    const f = only(findingsOf('fed-partial-shard-group', yaml));
    expect(f.suppressed).toBe(true);
    const other = only(
      findingsOf('fed-partial-shard-group', slaves(['slave0', 'slave1', 'slave3'])),
    );
    expect(other.suppressed).toBeUndefined();
  });
});

describe('fed-interval', () => {
  it('reports an edge interval of 2m', () => {
    const f = only(findingsOf('fed-interval', fed('{__name__=~"job:.*"}', ', interval: 2m')));
    expect(f).toMatchObject({ rule: 'fed-interval', severity: 'warning' });
    expect(f.nodes).toEqual(['global', 'eu-prom']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toContain('prometheus-global federates prometheus-eu every 2m');
  });

  it("reports an interval inherited from the federator's scrape interval", () => {
    const yaml = fed('{__name__=~"job:.*"}').replace(
      'name: prometheus-global,',
      'name: prometheus-global, scrapeInterval: 3m,',
    );
    const f = only(findingsOf('fed-interval', yaml));
    expect(f.message).toContain('every 3m, inherited from its scrape interval');
  });

  it('accepts 1m and the default', () => {
    expect(findingsOf('fed-interval', fed('{__name__=~"job:.*"}', ', interval: 1m'))).toEqual([]);
    expect(findingsOf('fed-interval', fed('{__name__=~"job:.*"}', ', interval: 119s'))).toEqual([]);
    expect(findingsOf('fed-interval', fed('{__name__=~"job:.*"}'))).toEqual([]);
  });
});

describe('fed-as-proxy', () => {
  const proxy = (source: string, extra = '', match = '{job="node"}') =>
    topo(`
nodes:
  - { id: edge, kind: prometheus, name: prometheus-edge, externalLabels: { dc: edge }${source} }
  - { id: t, kind: targets, name: node, count: 10 }
  - { id: central, kind: prometheus, name: prometheus-central }
  - { id: am, kind: alertmanager, name: alertmanager }
  - { id: graf, kind: grafana, name: grafana }
edges:
  - { id: s1, kind: scrape, from: edge, to: t }
  - { id: f1, kind: federate, from: central, to: edge, match: ['${match}'] }
${extra}
`);

  it('reports a bare scraping server whose raw series are federated', () => {
    const f = only(findingsOf('fed-as-proxy', proxy('')));
    expect(f).toMatchObject({ rule: 'fed-as-proxy', severity: 'warning' });
    expect(f.nodes).toEqual(['edge', 'central']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toBe(
      'prometheus-edge has no rules, alerting or Grafana of its own while prometheus-central federates raw series from it, so it serves only as a scrape proxy',
    );
  });

  it('reports federating everything from it too', () => {
    expect(findingsOf('fed-as-proxy', proxy('', '', '{__name__=~".+"}'))).toHaveLength(1);
  });

  it.each([
    ['a recording rule', ', recordingRules: [ { record: "job:up:sum", expr: "sum(up)" } ]', ''],
    ['an alert rule', ', alertRules: [ { alert: Down, expr: "up == 0" } ]', ''],
    ['an alerting edge', '', '  - { id: a1, kind: alerting, from: edge, to: am }'],
    ['a Grafana data source', '', '  - { id: d1, kind: datasource, from: graf, to: edge }'],
  ])('accepts a source with %s', (_, source, extra) => {
    expect(findingsOf('fed-as-proxy', proxy(source, extra))).toEqual([]);
  });

  it('accepts federating only aggregates from a bare server', () => {
    expect(findingsOf('fed-as-proxy', proxy('', '', '{__name__=~"job:.*"}'))).toEqual([]);
  });
});
