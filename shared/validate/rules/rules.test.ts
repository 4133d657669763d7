import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';

describe('rule-invalid-promql', () => {
  const bad = topo(`nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    recordingRules:
      - { record: "job:up:sum", expr: "sum by (job) (up" }
    alertRules:
      - { alert: NodeDown, expr: "up{job=\\"node\\"} == " }
      - { alert: Fine, expr: "up == 0" }
`);

  it('reports each rule whose expression does not parse, with the parser’s reason', () => {
    const f = findingsOf('rule-invalid-promql', bad);
    expect(f).toHaveLength(2);
    for (const x of f) {
      expect(x.severity).toBe('error');
      expect(x.nodes).toEqual(['p']);
      expect(x.edges).toEqual([]);
      expect(x.message).toContain('prometheus-eu');
      expect(x.message).toMatch(/at character \d+|end of input/);
    }
    expect(f.map((x) => x.message).join('\n')).toContain('recording rule job:up:sum');
    expect(f.map((x) => x.message).join('\n')).toContain('alert NodeDown');
  });

  it('accepts expressions that parse', () => {
    const ok = topo(`nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    recordingRules:
      - { record: "job:up:sum", expr: "sum by (job) (up)" }
    alertRules:
      - { alert: NodeDown, expr: "up{job=\\"node\\"} == 0" }
`);
    expect(findingsOf('rule-invalid-promql', ok)).toEqual([]);
  });
});

describe('rule-name-convention', () => {
  const withRecord = (record: string) =>
    topo(`nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    recordingRules:
      - { record: "${record}", expr: "sum(up)" }
`);

  it.each([
    ['node_up_sum', /1 ":"-separated parts/],
    ['job:up', /2 ":"-separated parts/],
    ['job:up:sum:extra', /4 ":"-separated parts/],
    [':up:sum', /empty part/],
    ['job::sum', /empty part/],
  ])('warns about %s', (record, reason) => {
    const f = findingsOf('rule-name-convention', withRecord(record));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.nodes).toEqual(['p']);
    expect(f[0]?.message).toContain(`prometheus-eu's recording rule ${record}`);
    expect(f[0]?.message).toMatch(reason);
  });

  it.each(['job:up:sum', 'instance_path:requests:rate5m', 'job:node_cpu_seconds:avg_rate5m'])(
    'accepts %s',
    (record) => {
      expect(findingsOf('rule-name-convention', withRecord(record))).toEqual([]);
    },
  );
});

describe('rule-labels-clash-external', () => {
  it('reports a rule label that is an external label of its server (group, node or generated)', () => {
    const f = findingsOf(
      'rule-labels-clash-external',
      topo(`groups:
  - { id: eu, externalLabels: { datacenter: eu-west-1 } }
nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    group: eu
    replicas: 2
    externalLabels: { team: infra }
    recordingRules:
      - { record: "job:up:sum", expr: "sum(up)", labels: { datacenter: global, team: infra } }
    alertRules:
      - { alert: NodeDown, expr: "up == 0", labels: { replica: "x", severity: page } }
`),
    );
    expect(f).toHaveLength(2);
    const rec = f.find((x) => x.message.includes('job:up:sum'));
    expect(rec?.severity).toBe('warning');
    expect(rec?.nodes).toEqual(['p']);
    expect(rec?.message).toContain('prometheus-eu');
    expect(rec?.message).toContain('datacenter, team');
    const alert = f.find((x) => x.message.includes('NodeDown'));
    expect(alert?.message).toContain('label replica');
    expect(alert?.message).not.toContain('severity');
  });

  it('accepts rule labels the server does not set', () => {
    const f = findingsOf(
      'rule-labels-clash-external',
      topo(`nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    externalLabels: { datacenter: eu-west-1 }
    alertRules:
      - { alert: NodeDown, expr: "up == 0", labels: { severity: page, replica: "0" } }
`),
    );
    expect(f).toEqual([]);
  });

  it('is reported as suppressed when the node suppresses it', () => {
    const f = findingsOf(
      'rule-labels-clash-external',
      topo(`nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    externalLabels: { team: infra }
    suppress: [rule-labels-clash-external]
    alertRules:
      - { alert: NodeDown, expr: "up == 0", labels: { team: infra } }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.suppressed).toBe(true);
  });
});
