import { describe, expect, it } from 'vitest';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { buildDesignGraph } from './design-graph.ts';
import { jobNamesByEdge } from './jobs.ts';

function design(body: string): Topology {
  const r = parseTopology(
    `apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: g }\n${body}`,
  );
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

const T = design(`
groups:
  - { id: eu, externalLabels: { region: eu, dc: eu-1 } }
nodes:
  - { id: p, kind: prometheus, name: prom, group: eu, replicas: 2, shards: 2, externalLabels: { dc: eu-2 } }
  - { id: g, kind: prometheus, name: global }
  - { id: n, kind: targets, name: node, count: 5 }
  - { id: n2, kind: targets, name: node2, count: 1 }
edges:
  - { id: s1, kind: scrape, from: p, to: n, job: node }
  - { id: s2, kind: scrape, from: p, to: n2, job: node }
  - { id: f, kind: federate, from: g, to: p, match: ['{job="node"}'] }
`);

describe('design graph', () => {
  const graph = buildDesignGraph(T);

  it('expands a node into its shard and replica servers', () => {
    expect(graph.instances('p').map((i) => i.name)).toEqual([
      'prom-shard-0-0',
      'prom-shard-0-1',
      'prom-shard-1-0',
      'prom-shard-1-1',
    ]);
    expect(graph.instances('n').map((i) => i.name)).toEqual(['node-0', 'node-1', 'node-2']);
  });

  it("gives effective labels: the group's, then the node's own, then shard and replica", () => {
    const [first] = graph.instances('p');
    expect(graph.externalLabels(graph.node('p'), first)).toEqual({
      region: 'eu',
      dc: 'eu-2',
      shard: '0',
      replica: '0',
    });
    expect(graph.externalLabels(graph.node('g'))).toEqual({});
  });

  it('finds edges by end and kind, and resolves their end nodes', () => {
    expect(graph.outgoing('p', 'scrape').map((e) => e.id)).toEqual(['s1', 's2']);
    expect(graph.incoming('p', 'federate').map((e) => e.id)).toEqual(['f']);
    expect(graph.edgesOfKind('federate').map((e) => e.id)).toEqual(['f']);
    const resolved = graph.resolve(graph.findEdge('f')!);
    expect([resolved?.source.name, resolved?.target.name]).toEqual(['global', 'prom']);
    expect(graph.resolve({ ...graph.findEdge('f')!, to: 'gone' })).toBeUndefined();
  });

  it('says which node is missing when asked for one by id', () => {
    expect(graph.findNode('gone')).toBeUndefined();
    expect(() => graph.node('gone')).toThrow('no node "gone"');
  });

  it('names a repeated job apart and relabels it back to the name the rules expect', () => {
    const jobs = jobNamesByEdge(graph, graph.nodesOfKind('prometheus')[0]!);
    expect(jobs.get('s1')).toEqual({ jobName: 'node', relabel: [] });
    expect(jobs.get('s2')?.jobName).toBe('node-2');
    expect(jobs.get('s2')?.relabel).toEqual([
      { target_label: 'job', replacement: 'node', action: 'replace' },
    ]);
  });
});
