import { describe, expect, it } from 'vitest';
import { formatModelError, parseTopology, type ModelError } from './parse.ts';
import { serializeTopology } from '../model/serialize.ts';

const EXAMPLE = `apiVersion: fedstudio/v1
kind: Topology
metadata:
  name: dc-and-global
groups:
  - id: eu
    label: eu-west-1
    externalLabels: { datacenter: eu-west-1 }
nodes:
  - id: eu-prom
    kind: prometheus
    name: prometheus-eu
    group: eu
    replicas: 1
  - id: eu-nodes
    kind: targets
    name: node
    group: eu
    exporter: node-exporter
    count: 2
    port: 9100
  - id: global
    kind: prometheus
    name: prometheus-global
    externalLabels: { datacenter: global }
edges:
  - id: e1
    kind: scrape
    from: eu-prom
    to: eu-nodes
  - id: e2
    kind: federate
    from: global
    to: eu-prom
    match: ['{__name__=~"job:.*"}']
`;

function errorsOf(text: string): ModelError[] {
  const r = parseTopology(text);
  if (r.ok) throw new Error('expected the design to be refused');
  return r.errors;
}

/** The line (1-based) of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i + 1;
}

describe('parseTopology', () => {
  it('reads FORMAT.md-shaped designs', () => {
    const r = parseTopology(EXAMPLE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.topology.nodes.map((n) => n.name)).toEqual([
      'prometheus-eu',
      'node',
      'prometheus-global',
    ]);
    expect(r.topology.edges?.[1]).toMatchObject({
      kind: 'federate',
      match: ['{__name__=~"job:.*"}'],
    });
  });

  it('names the line of malformed YAML', () => {
    const text = EXAMPLE.replace('    count: 2', '    count: [2');
    const [e] = errorsOf(text);
    expect(e?.line).toBeGreaterThanOrEqual(lineOf(text, 'count: [2'));
    expect(e?.message).toMatch(/flow|sequence|\]/i);
  });

  it('refuses duplicate mapping keys in YAML', () => {
    const text = EXAMPLE.replace('    count: 2', '    count: 2\n    count: 3');
    const [e] = errorsOf(text);
    expect(e?.message).toMatch(/unique|duplicate/i);
    expect(e?.line).toBe(lineOf(text, 'count: 3'));
  });

  it('names the path and line of an unknown key', () => {
    const text = EXAMPLE.replace('    replicas: 1', '    replicas: 1\n    replicaz: 2');
    const [e] = errorsOf(text);
    expect(e).toMatchObject({
      path: 'nodes[0].replicaz',
      line: lineOf(text, 'replicaz'),
      column: 5,
    });
    expect(e?.message).toContain('unknown key "replicaz"');
  });

  it('names the path, line and the allowed kinds of an unknown kind', () => {
    const text = EXAMPLE.replace('kind: targets', 'kind: tragets');
    const [e] = errorsOf(text);
    expect(e).toMatchObject({ path: 'nodes[1].kind', line: lineOf(text, 'tragets') });
    expect(e?.message).toContain('unknown node kind "tragets"');
    expect(e?.message).toContain('targets');
  });

  it('names an unknown edge kind', () => {
    const text = EXAMPLE.replace('kind: scrape', 'kind: scrap');
    expect(errorsOf(text)[0]).toMatchObject({
      path: 'edges[0].kind',
      line: lineOf(text, 'kind: scrap'),
    });
  });

  it('reports a dangling reference with the known ids', () => {
    const text = EXAMPLE.replace('to: eu-nodes', 'to: eu-nodez');
    const [e] = errorsOf(text);
    expect(e).toMatchObject({ path: 'edges[0].to', line: lineOf(text, 'eu-nodez') });
    expect(e?.message).toContain('unknown node "eu-nodez"');
    expect(e?.message).toContain('"eu-nodes"');
  });

  it('reports an unknown group', () => {
    const text = EXAMPLE.replace('    group: eu\n    replicas', '    group: us\n    replicas');
    expect(errorsOf(text)[0]).toMatchObject({
      path: 'nodes[0].group',
      line: lineOf(text, 'group: us'),
    });
  });

  it('reports duplicate ids and names', () => {
    const dupId = EXAMPLE.replace('id: global', 'id: eu-prom');
    expect(errorsOf(dupId)[0]).toMatchObject({
      path: 'nodes[2].id',
      line: lineOf(dupId, 'name: prometheus-global') - 2,
    });
    const dupName = EXAMPLE.replace('name: prometheus-global', 'name: prometheus-eu');
    const [e] = errorsOf(dupName);
    expect(e?.path).toBe('nodes[2].name');
    expect(e?.message).toContain('duplicate name "prometheus-eu"');
    const groupClash = EXAMPLE.replace('id: global', 'id: eu');
    expect(errorsOf(groupClash)[0]?.message).toContain('duplicate id "eu"');
    const dupEdge = EXAMPLE.replace('id: e2', 'id: e1');
    expect(errorsOf(dupEdge)[0]).toMatchObject({
      path: 'edges[1].id',
      line: lineOf(dupEdge, 'id: e1') + 4,
    });
  });

  it('reports instance names that collide once replicas expand', () => {
    const text = EXAMPLE.replace('name: prometheus-global', 'name: prometheus-eu-0').replace(
      '    replicas: 1',
      '    replicas: 2',
    );
    expect(errorsOf(text).some((e) => e.message.includes('instance name "prometheus-eu-0"'))).toBe(
      true,
    );
  });

  it('reports a bad name as not a DNS label', () => {
    const text = EXAMPLE.replace('name: node', 'name: Node_1');
    const [e] = errorsOf(text);
    expect(e).toMatchObject({ path: 'nodes[1].name', line: lineOf(text, 'Node_1') });
    expect(e?.message).toContain('DNS label');
    const long = EXAMPLE.replace('name: node', `name: ${'n'.repeat(41)}`);
    expect(errorsOf(long)[0]?.message).toContain('at most 40');
  });

  it('refuses an impossible pairing, naming both kinds and the allowed ones', () => {
    const text = EXAMPLE.replace(
      'kind: scrape\n    from: eu-prom\n    to: eu-nodes',
      'kind: alerting\n    from: eu-prom\n    to: eu-nodes',
    );
    const [e] = errorsOf(text);
    expect(e?.path).toBe('edges[0].kind');
    expect(e?.message).toContain('from prometheus "prometheus-eu" to targets "node"');
    expect(e?.message).toContain('allowed edges are: scrape');
  });

  it('refuses a store edge to a Prometheus without a sidecar', () => {
    const text = EXAMPLE.replace(
      'edges:\n',
      'edges:\n  - { id: s, kind: store, from: q, to: eu-prom }\n',
    ).replace('nodes:\n', 'nodes:\n  - { id: q, kind: thanos-query, name: query }\n');
    expect(errorsOf(text)[0]?.message).toContain('thanosSidecar: true');
  });

  it('refuses a bad duration with the path and line', () => {
    const text = EXAMPLE.replace(
      "match: ['{__name__",
      "interval: 5 minutes\n    match: ['{__name__",
    );
    const [e] = errorsOf(text);
    expect(e).toMatchObject({ path: 'edges[1].interval', line: lineOf(text, '5 minutes') });
    expect(e?.message).toContain('Prometheus duration');
  });

  it('reports a missing required field at its parent', () => {
    const text = EXAMPLE.replace('    match: [\'{__name__=~"job:.*"}\']\n', '');
    const [e] = errorsOf(text);
    expect(e?.path).toBe('edges[1].match');
    expect(e?.message).toContain('missing');
    expect(e?.line).toBe(lineOf(text, 'id: e2'));
  });

  it('refuses a group_by entry that is not a label name', () => {
    const text = EXAMPLE.replace(
      'nodes:\n',
      'nodes:\n  - { id: am, kind: alertmanager, name: am, route: { groupBy: [alertname, "a b"] } }\n',
    );
    expect(errorsOf(text)[0]?.path).toBe('nodes[0].route.groupBy[1]');
  });

  it('refuses secrets written into a design', () => {
    const text = EXAMPLE.replace(
      'nodes:\n',
      'nodes:\n  - { id: g, kind: grafana, name: grafana, adminPassword: hunter2 }\n',
    );
    const [e] = errorsOf(text);
    expect(e?.path).toBe('nodes[0].adminPassword');
    expect(e?.message).toContain('${VAR}');
  });

  it('refuses an unknown apiVersion and says which it reads', () => {
    const text = EXAMPLE.replace('fedstudio/v1', 'fedstudio/v9');
    expect(errorsOf(text)[0]).toMatchObject({ path: 'apiVersion', line: 1 });
    expect(errorsOf(text)[0]?.message).toContain('fedstudio/v1');
  });

  it('formats errors as file:line:column: path: message', () => {
    const text = EXAMPLE.replace('count: 2', 'count: 0');
    const [e] = errorsOf(text);
    expect(formatModelError(e!, 'x.topology.yaml')).toMatch(
      /^x\.topology\.yaml:\d+:\d+: nodes\[1\]\.count: /,
    );
  });

  it('refuses a document that is not a mapping', () => {
    expect(errorsOf('- a\n- b\n')[0]?.message).toContain('mapping');
    expect(errorsOf('')[0]?.message).toContain('mapping');
  });
});

describe('serializeTopology', () => {
  it('round-trips and writes keys in the canonical order', () => {
    const r = parseTopology(EXAMPLE);
    if (!r.ok) throw new Error('example must parse');
    const text = serializeTopology(r.topology);
    const again = parseTopology(text);
    expect(again.ok && again.topology).toEqual(r.topology);
    expect(serializeTopology(again.ok ? again.topology : r.topology)).toBe(text);
    // id, kind, name lead every node, whatever order the model had.
    const shuffled = {
      ...r.topology,
      nodes: r.topology.nodes.map(
        (n) => Object.fromEntries(Object.entries(n).reverse()) as typeof n,
      ),
    };
    expect(serializeTopology(shuffled)).toBe(text);
    expect(text).toMatch(/- id: eu-prom\n {4}kind: prometheus\n {4}name: prometheus-eu\n/);
  });

  it('keeps hostile strings as data', () => {
    const hostile = 'a"b\'c\n- d: {e}\n#f ${G} --- ...';
    const r = parseTopology(EXAMPLE);
    if (!r.ok) throw new Error('example must parse');
    const t = structuredClone(r.topology);
    t.metadata.description = hostile;
    t.groups![0]!.externalLabels = { datacenter: hostile };
    const back = parseTopology(serializeTopology(t));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.topology.metadata.description).toBe(hostile);
      expect(back.topology.groups?.[0]?.externalLabels).toEqual({ datacenter: hostile });
    }
  });
});
