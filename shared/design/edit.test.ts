import { describe, expect, it } from 'vitest';
import {
  addEdge,
  addGroup,
  addNode,
  groupAt,
  moveItems,
  placeItems,
  regroupNodes,
  removeItems,
  type EditResult,
  uniqueName,
} from './edit.ts';
import { copyFragment, duplicateOffset, pasteFragment } from './fragment.ts';
import type { Topology } from '../model/schema.ts';

const empty = (): Topology => ({
  apiVersion: 'fedstudio/v1',
  kind: 'Topology',
  metadata: { name: 'test' },
  nodes: [],
  edges: [],
});

function done(r: EditResult): Extract<EditResult, { ok: true }> {
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** global federates leaf; leaf scrapes node; both leaf and node sit in group dc. */
function sample(): Topology {
  return {
    ...empty(),
    groups: [
      { id: 'dc', label: 'dc', position: { x: 0, y: 100 }, size: { width: 400, height: 300 } },
    ],
    nodes: [
      { id: 'global', kind: 'prometheus', name: 'global', position: { x: 100, y: 0 } },
      { id: 'leaf', kind: 'prometheus', name: 'leaf', group: 'dc', position: { x: 20, y: 140 } },
      {
        id: 'node',
        kind: 'targets',
        name: 'node',
        group: 'dc',
        exporter: 'node-exporter',
        position: { x: 20, y: 300 },
      },
      { id: 'am', kind: 'alertmanager', name: 'am', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'fed', kind: 'federate', from: 'global', to: 'leaf', match: ['{job="x"}'] },
      { id: 'scr', kind: 'scrape', from: 'leaf', to: 'node' },
    ],
  };
}

describe('addNode', () => {
  it('adds a node with a unique name and id, selected by its id', () => {
    const a = done(addNode(empty(), 'prometheus', { x: 10.4, y: 20.6 }));
    const b = done(addNode(a.topology, 'prometheus', { x: 0, y: 0 }));
    expect(a.ids).toEqual(['prometheus']);
    expect(b.ids).toEqual(['prometheus-2']);
    expect(b.topology.nodes.map((n) => n.name)).toEqual(['prometheus', 'prometheus-2']);
    expect(a.topology.nodes[0]!.position).toEqual({ x: 10, y: 21 });
  });

  it('fills in targets and alertmanager defaults and a group', () => {
    const t = done(addNode(sample(), 'targets', { x: 0, y: 0 }, 'dc')).topology;
    const n = t.nodes.at(-1)!;
    expect(n).toMatchObject({ kind: 'targets', name: 'node-2', group: 'dc', count: 3 });
    const am = done(addNode(empty(), 'alertmanager', { x: 0, y: 0 })).topology.nodes[0]!;
    expect(am).toMatchObject({ replicas: 2 });
    // Its receiver is a variable of .env, not a host the design does not run.
    expect(am).toMatchObject({
      receivers: [{ name: 'oncall', type: 'webhook', url: '${ALERT_WEBHOOK_URL}' }],
    });
  });

  it('refuses a group that does not exist', () => {
    expect(addNode(empty(), 'grafana', { x: 0, y: 0 }, 'nowhere').ok).toBe(false);
  });
});

describe('addEdge', () => {
  it('infers federate between two Prometheus servers and scrape to targets', () => {
    const t = sample();
    const fed = done(addEdge(t, 'global', 'node'));
    expect(fed.topology.edges!.at(-1)).toMatchObject({
      kind: 'scrape',
      from: 'global',
      to: 'node',
    });
    const t2 = done(addNode(t, 'prometheus', { x: 0, y: 0 })).topology;
    const e = done(addEdge(t2, 'prometheus', 'leaf')).topology.edges!.at(-1)!;
    expect(e).toMatchObject({ kind: 'federate', match: ['{__name__=~"job:.*"}'] });
  });

  it('infers alerting from Prometheus to Alertmanager, and takes an explicit kind', () => {
    // Both scrape and alerting fit; a user drawing that edge means alerting.
    const inferred = done(addEdge(sample(), 'leaf', 'am')).topology.edges!.at(-1)!;
    expect(inferred).toMatchObject({ kind: 'alerting', from: 'leaf', to: 'am' });
    const e = done(addEdge(sample(), 'leaf', 'am', 'scrape')).topology.edges!.at(-1)!;
    expect(e).toMatchObject({ kind: 'scrape', from: 'leaf', to: 'am' });
  });

  it('refuses impossible pairings, duplicates and missing ends', () => {
    const t = sample();
    const r = addEdge(t, 'node', 'leaf');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/no edge kind/);
    expect(addEdge(t, 'global', 'leaf').ok).toBe(false); // already federates
    expect(addEdge(t, 'global', 'ghost').ok).toBe(false);
    const bad = addEdge(t, 'global', 'am', 'federate');
    expect(bad.ok).toBe(false);
    expect(t).toEqual(sample()); // nothing changed
  });
});

describe('removeItems', () => {
  it('removes a node and every edge touching it', () => {
    const t = removeItems(sample(), new Set(['leaf']));
    expect(t.nodes.map((n) => n.id)).toEqual(['global', 'node', 'am']);
    expect(t.edges).toEqual([]);
  });

  it('removes a group but keeps its members ungrouped', () => {
    const t = removeItems(sample(), new Set(['dc']));
    expect(t.groups).toEqual([]);
    expect(t.nodes.find((n) => n.id === 'leaf')!.group).toBeUndefined();
    expect('group' in t.nodes.find((n) => n.id === 'node')!).toBe(false);
  });

  it('removes an edge alone', () => {
    const t = removeItems(sample(), new Set(['scr']));
    expect(t.edges!.map((e) => e.id)).toEqual(['fed']);
    expect(t.nodes).toHaveLength(4);
  });
});

describe('moveItems', () => {
  it('moves a node and leaves the others as they were (same objects)', () => {
    const before = sample();
    const t = moveItems(before, new Map([['global', { x: 5.6, y: 7.2 }]]));
    expect(t.nodes[0]!.position).toEqual({ x: 6, y: 7 });
    expect(t.nodes[1]).toBe(before.nodes[1]);
  });

  it('moves a group with its members', () => {
    const t = moveItems(sample(), new Map([['dc', { x: 50, y: 110 }]]));
    expect(t.groups![0]!.position).toEqual({ x: 50, y: 110 });
    expect(t.nodes.find((n) => n.id === 'leaf')!.position).toEqual({ x: 70, y: 150 });
    expect(t.nodes.find((n) => n.id === 'node')!.position).toEqual({ x: 70, y: 310 });
    expect(t.nodes.find((n) => n.id === 'global')!.position).toEqual({ x: 100, y: 0 });
  });

  it('gives a member moved with its group its own position', () => {
    const moves = new Map([
      ['dc', { x: 50, y: 100 }],
      ['leaf', { x: 200, y: 200 }],
    ]);
    const t = moveItems(sample(), moves);
    expect(t.nodes.find((n) => n.id === 'leaf')!.position).toEqual({ x: 200, y: 200 });
    expect(t.nodes.find((n) => n.id === 'node')!.position).toEqual({ x: 70, y: 300 });
  });
});

describe('copyFragment and pasteFragment', () => {
  it('copies a group with its members and inner edges', () => {
    const f = copyFragment(sample(), new Set(['dc']));
    expect(f.groups.map((g) => g.id)).toEqual(['dc']);
    expect(f.nodes.map((n) => n.id)).toEqual(['leaf', 'node']);
    expect(f.edges.map((e) => e.id)).toEqual(['scr']);
  });

  it('pastes with fresh ids and names, shifted, with edges and group rewired', () => {
    const t = sample();
    const f = copyFragment(t, new Set(['dc']));
    const r = done(pasteFragment(t, f, { x: 30, y: 30 }));
    expect(r.ids).toEqual(['dc-2', 'leaf-2', 'node-2', 'scr-2']);
    const leaf2 = r.topology.nodes.find((n) => n.id === 'leaf-2')!;
    expect(leaf2).toMatchObject({ name: 'leaf-2', group: 'dc-2', position: { x: 50, y: 170 } });
    expect(r.topology.edges!.find((e) => e.id === 'scr-2')).toMatchObject({
      from: 'leaf-2',
      to: 'node-2',
    });
    expect(r.topology.groups!.at(-1)!.position).toEqual({ x: 30, y: 130 });
  });

  it('gives a copied group external label values of its own', () => {
    const t = sample();
    t.groups![0]!.externalLabels = { datacenter: 'eu', region: 'west' };
    const once = done(pasteFragment(t, copyFragment(t, new Set(['dc'])), { x: 0, y: 0 }));
    expect(once.topology.groups!.at(-1)!.externalLabels).toEqual({
      datacenter: 'eu-copy',
      region: 'west-copy',
    });
    const twice = done(
      pasteFragment(once.topology, copyFragment(t, new Set(['dc'])), { x: 0, y: 0 }),
    );
    expect(twice.topology.groups!.at(-1)!.externalLabels?.datacenter).toBe('eu-copy-2');
    expect(t.groups![0]!.externalLabels.datacenter).toBe('eu');
  });

  it('duplicates a group beside the original, and nodes a step away', () => {
    const t = sample();
    const withGroup = duplicateOffset(copyFragment(t, new Set(['dc'])), 40);
    expect(withGroup).toEqual({ x: 440, y: 0 });
    const r = done(pasteFragment(t, copyFragment(t, new Set(['dc'])), withGroup));
    const [a, b] = r.topology.groups!;
    expect(b!.position!.x).toBeGreaterThanOrEqual(a!.position!.x + a!.size!.width);
    expect(duplicateOffset(copyFragment(t, new Set(['am'])), 40)).toEqual({ x: 40, y: 40 });
  });

  it('keeps a lone pasted member in its original group', () => {
    const t = sample();
    const r = done(pasteFragment(t, copyFragment(t, new Set(['leaf'])), { x: 10, y: 0 }));
    expect(r.topology.nodes.at(-1)).toMatchObject({ id: 'leaf-2', group: 'dc' });
  });
});

describe('placeItems', () => {
  it('sets node positions and group boxes without moving members along', () => {
    const t = placeItems(
      sample(),
      new Map([['leaf', { x: 1, y: 2 }]]),
      new Map([['dc', { x: -10, y: -20, width: 500.4, height: 250 }]]),
    );
    expect(t.nodes.find((n) => n.id === 'leaf')!.position).toEqual({ x: 1, y: 2 });
    expect(t.nodes.find((n) => n.id === 'node')!.position).toEqual({ x: 20, y: 300 });
    expect(t.groups![0]).toMatchObject({
      position: { x: -10, y: -20 },
      size: { width: 500, height: 250 },
    });
  });
});

describe('groupAt and regroupNodes', () => {
  it('finds the smallest group holding a point', () => {
    let t = sample();
    t = done(addGroup(t, { x: 10, y: 120, width: 100, height: 100 }, 'rack')).topology;
    expect(groupAt(t, { x: 50, y: 150 })).toBe('rack');
    expect(groupAt(t, { x: 300, y: 350 })).toBe('dc');
    expect(groupAt(t, { x: 900, y: 900 })).toBeUndefined();
  });

  it('puts dragged nodes in the group under their centre, or in none', () => {
    let t = moveItems(sample(), new Map([['global', { x: 100, y: 200 }]]));
    t = moveItems(t, new Map([['node', { x: 700, y: 700 }]]));
    const size = () => ({ width: 180, height: 60 });
    const r = regroupNodes(t, ['global', 'node', 'leaf'], size);
    expect(r.nodes.find((n) => n.id === 'global')!.group).toBe('dc');
    expect(r.nodes.find((n) => n.id === 'node')!.group).toBeUndefined();
    expect(r.nodes.find((n) => n.id === 'leaf')!.group).toBe('dc');
    const same = sample();
    expect(regroupNodes(same, ['leaf'], size)).toBe(same);
  });
});

describe('uniqueName', () => {
  it('counts on from a numbered name instead of stacking suffixes', () => {
    expect(uniqueName('prom', new Set())).toBe('prom');
    expect(uniqueName('prom', new Set(['prom']))).toBe('prom-2');
    expect(uniqueName('prom-3', new Set(['prom', 'prom-2', 'prom-3']))).toBe('prom-4');
    expect(uniqueName('prom-3', new Set(['prom-3']))).toBe('prom-2');
  });
});
