import { describe, expect, it } from 'vitest';
import { addNode, moveItems } from '../../../shared/design/edit.ts';
import { createDesignStore, emptyTopology, selectDirty } from './design-store.ts';

const add = (kind: 'prometheus' | 'targets') => ({
  label: `add ${kind}`,
  undoable: true,
  run: (t: ReturnType<typeof emptyTopology>) => addNode(t, kind, { x: 0, y: 0 }),
});

describe('the design store', () => {
  it('undoes and redoes every undoable command, and is clean again at the saved version', () => {
    const store = createDesignStore();
    const s = () => store.getState();
    s().load(emptyTopology('x'), 'x.topology.yaml');
    expect(selectDirty(s())).toBe(false);
    s().apply(add('prometheus'));
    s().apply(add('targets'));
    expect(s().topology.nodes.map((n) => n.name)).toEqual(['prometheus', 'node']);
    expect(selectDirty(s())).toBe(true);
    s().undo();
    s().undo();
    expect(s().topology.nodes).toEqual([]);
    expect(selectDirty(s())).toBe(false);
    s().redo();
    expect(s().topology.nodes.map((n) => n.name)).toEqual(['prometheus']);
    expect(selectDirty(s())).toBe(true);
    s().markSaved('x.topology.yaml');
    s().apply(add('targets'));
    s().undo();
    expect(selectDirty(s())).toBe(false);
  });

  it('makes a whole drag one undo step', () => {
    const store = createDesignStore();
    const s = () => store.getState();
    s().apply(add('prometheus'));
    const before = s().topology;
    s().checkpoint();
    for (let i = 1; i <= 5; i++) {
      s().apply({
        label: 'drag',
        undoable: false,
        run: (t) => moveItems(t, new Map([['prometheus', { x: i * 10, y: 0 }]])),
      });
    }
    s().apply({
      label: 'drop',
      undoable: true,
      run: (t) => moveItems(t, new Map([['prometheus', { x: 60, y: 0 }]])),
    });
    expect(s().topology.nodes[0]?.position).toEqual({ x: 60, y: 0 });
    s().undo();
    expect(s().topology).toBe(before);
  });

  it('refuses a command that breaks the design, says why, and changes nothing', () => {
    const store = createDesignStore();
    const s = () => store.getState();
    s().apply(add('prometheus'));
    const before = s().topology;
    const ok = s().apply({
      label: 'rename',
      undoable: true,
      run: () => ({ ok: false, message: 'the name is taken' }) as const,
    });
    expect(ok).toBe(false);
    expect(s().topology).toBe(before);
    expect(s().notice).toMatchObject({
      kind: 'error',
      text: expect.stringContaining('the name is taken'),
    });
  });
});
