import { describe, expect, it } from 'vitest';
import { addNode } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { emptyTopology } from '../store/design-store.ts';
import { nodeFields } from './fields.ts';
import { commonFields, setFieldOnNodes, sharedValue } from './multi-edit.ts';

function design(): Topology {
  let t = emptyTopology('multi');
  for (const kind of ['prometheus', 'prometheus', 'alertmanager'] as const) {
    const r = addNode(t, kind, { x: t.nodes.length * 200, y: 0 });
    if (!r.ok) throw new Error(r.message);
    t = r.topology;
  }
  return t;
}

describe('the fields several nodes share', () => {
  it('are all of one kind’s, but the name, rules and accepted findings', () => {
    const keys = commonFields(['prometheus', 'prometheus'], nodeFields).map((f) => f.key);
    expect(keys).toContain('scrapeInterval');
    expect(keys).toContain('notes');
    expect(keys).not.toContain('name');
    expect(keys).not.toContain('suppress');
    expect(keys).not.toContain('recordingRules');
  });

  it('are only those every kind has alike, across kinds', () => {
    const keys = commonFields(['prometheus', 'alertmanager'], nodeFields).map((f) => f.key);
    expect(keys).toContain('replicas');
    expect(keys).toContain('notes');
    expect(keys).not.toContain('scrapeInterval');
    expect(commonFields([], nodeFields)).toEqual([]);
  });
});

describe('setting a field on several nodes', () => {
  it('sets it on each, and reads back as their shared value', () => {
    const t = design();
    const ids = ['prometheus', 'prometheus-2'];
    expect(sharedValue(t.nodes, 'notes')).toEqual({ mixed: false, value: undefined });
    const r = setFieldOnNodes(t, ids, 'scrapeInterval', '30s');
    if (!r.ok) throw new Error(r.message);
    const proms = r.topology.nodes.filter((n) => ids.includes(n.id));
    expect(sharedValue(proms, 'scrapeInterval')).toEqual({ mixed: false, value: '30s' });
    expect(sharedValue(r.topology.nodes, 'scrapeInterval')).toEqual({ mixed: true });
    // Emptying the field removes it from each.
    const cleared = setFieldOnNodes(r.topology, ids, 'scrapeInterval', undefined);
    expect(cleared.ok && cleared.topology.nodes.every((n) => !('scrapeInterval' in n))).toBe(true);
  });

  it('refuses as a whole, naming the node, when one node’s schema refuses the value', () => {
    const r = setFieldOnNodes(design(), ['prometheus', 'alertmanager'], 'replicas', 99);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^prometheus: replicas: /);
  });
});
