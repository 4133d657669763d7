import { describe, expect, it } from 'vitest';
import type { Topology } from '../model/schema.ts';
import { focusOf } from './focus.ts';

const t: Topology = {
  apiVersion: 'fedstudio/v1',
  kind: 'Topology',
  metadata: { name: 't' },
  nodes: [
    { id: 'global', kind: 'prometheus', name: 'global' },
    { id: 'leaf', kind: 'prometheus', name: 'leaf' },
  ],
  edges: [{ id: 'fed', kind: 'federate', from: 'global', to: 'leaf', match: ['{job="x"}'] }],
};

describe('focusOf', () => {
  it('points at the edge when the finding is about a connection of its first node', () => {
    expect(focusOf(t, { nodes: ['global', 'leaf'], edges: ['fed'] })).toBe('fed');
    expect(focusOf(t, { nodes: [], edges: ['fed'] })).toBe('fed');
  });
  it('points at the node when the edge only comes into it, or there is none', () => {
    expect(focusOf(t, { nodes: ['leaf'], edges: ['fed'] })).toBe('leaf');
    expect(focusOf(t, { nodes: ['leaf'], edges: [] })).toBe('leaf');
    expect(focusOf(t, { nodes: [], edges: [] })).toBe('');
  });
});
