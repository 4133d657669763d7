import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../templates/load.ts';
import { planLab } from '../lab/plan.ts';
import { generateExport } from '../generate/index.ts';
import { BOUNDS, containerCount } from './bounds.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from './schema.ts';

const HEAD = 'apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: t }\n';

function errorsOf(text: string) {
  const r = parseTopology(text);
  return r.ok ? [] : r.errors;
}

describe('bounded numbers', () => {
  it('refuses replicas: 1000000000 at once, with the path, the line and the maximum', () => {
    const text = `${HEAD}nodes:\n  - id: p\n    kind: prometheus\n    name: p\n    replicas: 1000000000\n`;
    const started = performance.now();
    const errors = errorsOf(text);
    // Generous: reading must not expand the billion servers (it used to hang).
    expect(performance.now() - started).toBeLessThan(2000);
    expect(errors).toEqual([
      {
        path: 'nodes[0].replicas',
        line: 8,
        column: 15,
        message: 'must be at most 10: HA needs two or three copies, not more',
      },
    ]);
  });

  it.each([
    ['prometheus', 'shards', BOUNDS.shards],
    ['alertmanager', 'replicas', BOUNDS.replicas],
    ['loki', 'replicas', BOUNDS.replicas],
    ['targets', 'count', BOUNDS.count],
    ['targets', 'labCount', BOUNDS.labCount],
  ])('%s.%s: the maximum is read, one more is refused', (kind, field, max) => {
    const design = (n: number) =>
      `${HEAD}nodes:\n  - { id: n, kind: ${kind}, name: n, ${field}: ${n} }\n`;
    expect(errorsOf(design(max))).toEqual([]);
    const errors = errorsOf(design(max + 1));
    expect(errors.map((e) => e.path)).toEqual([`nodes[0].${field}`]);
    expect(errors[0]?.message).toContain(`at most ${max.toLocaleString('en')}`);
  });

  it('bounds the lists: nodes, rules per node, receivers', () => {
    const nodes = Array.from(
      { length: BOUNDS.nodes + 1 },
      (_, i) => `  - { id: n${i}, kind: redis, name: n${i} }`,
    );
    expect(errorsOf(`${HEAD}nodes:\n${nodes.join('\n')}\n`)[0]?.message).toBe(
      `at most ${BOUNDS.nodes} nodes (docs/format-extensions.md)`,
    );
    const rules = Array.from(
      { length: BOUNDS.rulesPerNode + 1 },
      (_, i) => `      - { record: "job:r${i}:sum", expr: "sum(up)" }`,
    );
    const errors = errorsOf(
      `${HEAD}nodes:\n  - id: p\n    kind: prometheus\n    name: p\n    recordingRules:\n${rules.join('\n')}\n`,
    );
    expect(errors.map((e) => e.path)).toEqual(['nodes[0].recordingRules']);
    const receivers = Array.from(
      { length: BOUNDS.receivers + 1 },
      (_, i) => `      - { name: r${i}, type: webhook, url: "http://h:1/" }`,
    );
    expect(
      errorsOf(
        `${HEAD}nodes:\n  - id: a\n    kind: alertmanager\n    name: a\n    receivers:\n${receivers.join('\n')}\n`,
      ).map((e) => e.path),
    ).toEqual(['nodes[0].receivers']);
  });

  it('bounds explicit shard partitions as it bounds shards', () => {
    const text = `${HEAD}nodes:
  - { id: p, kind: prometheus, name: p }
  - { id: t, kind: targets, name: t }
edges:
  - { id: s, kind: scrape, from: p, to: t, shard: { modulus: 100000000, index: 0 } }
`;
    expect(errorsOf(text).map((e) => e.path)).toEqual(['edges[0].shard.modulus']);
  });
});

describe('the containers of a whole design', () => {
  it('are bounded before anything expands them, at the largest node', () => {
    // 80 nodes of 10 × 64 servers with sidecars: 80 × 1,280 = 102,400 containers.
    const nodes = Array.from(
      { length: 80 },
      (_, i) =>
        `  - { id: p${i}, kind: prometheus, name: p${i}, replicas: 10, shards: 64, thanosSidecar: true }`,
    );
    const errors = errorsOf(`${HEAD}nodes:\n${nodes.join('\n')}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('nodes[0]');
    expect(errors[0]?.line).toBe(5);
    expect(errors[0]?.message).toBe(
      `the design would run 102,400 containers (this node 1,280); a design holds at most ${BOUNDS.designContainers.toLocaleString('en')}: lower replicas, shards or labCount`,
    );
  });
});

describe('containerCount', () => {
  const variants: [string, Topology][] = loadTemplates().map((t) => [t.id, t.topology]);
  const base = variants[0]?.[1];
  if (base) {
    variants.push([
      'sidecars, custom exporters and addresses',
      {
        ...base,
        nodes: [
          { id: 'p', kind: 'prometheus', name: 'p', replicas: 2, shards: 3, thanosSidecar: true },
          { id: 'c', kind: 'targets', name: 'c', exporter: 'custom', count: 50 },
          { id: 'a', kind: 'targets', name: 'a', addresses: ['h:9100'] },
          { id: 't', kind: 'targets', name: 't', count: 100, labCount: 4 },
          { id: 'g', kind: 'grafana', name: 'g', replicas: 2 },
        ],
        edges: [],
        groups: [],
      },
    ]);
  }

  // The lab runs the export's services and its stand-in exporters: the larger of the two.
  it.each(variants)('counts the containers the lab runs (%s)', (_id, t) => {
    const counted = t.nodes.reduce((n, node) => n + containerCount(node), 0);
    expect(counted).toBe(planLab(t).containers.length);
    expect(counted).toBeGreaterThanOrEqual(generateExport(t).services.length);
  });
});
