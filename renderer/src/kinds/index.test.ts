import { describe, expect, it } from 'vitest';
import { EDGE_KINDS, edgeKinds, NODE_KINDS, nodeKinds } from '../../../shared/kinds/index.ts';
import { EDGE_VIEWS, NODE_VIEWS, type EdgeViewRegistry, type NodeViewRegistry } from './index.ts';
import { without } from '../../../test-support/without.ts';

const files = import.meta.glob<string>('../../../assets/icons/*.svg', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const iconFile = (kind: string) => files[`../../../assets/icons/${kind}.svg`];

/** Fields every node or edge has, which the inspector shows around a kind's own. */
const NODE_COMMON = new Set(['id', 'kind', 'name', 'group', 'position', 'notes', 'suppress']);
const EDGE_COMMON = new Set(['id', 'kind', 'from', 'to', 'notes', 'suppress']);

/** A kind's form fields and YAML-only fields must be exactly its own schema fields. */
function expectEveryFieldEditable(
  what: string,
  shape: Record<string, unknown>,
  common: ReadonlySet<string>,
  view: { fields: readonly { key: string }[]; yamlOnly?: readonly string[] },
) {
  const own = Object.keys(shape).filter((k) => !common.has(k));
  const edited = [...view.fields.map((f) => f.key), ...(view.yamlOnly ?? [])];
  expect(new Set(edited).size, `${what}: a field listed twice`).toBe(edited.length);
  expect([...edited].sort(), what).toEqual([...own].sort());
}

describe('the node view registry', () => {
  it('gives every node kind its own icon file, not another kind’s', () => {
    expect(Object.keys(NODE_VIEWS).sort()).toEqual(nodeKinds().sort());
    for (const kind of nodeKinds()) {
      const icon = NODE_VIEWS[kind].icon;
      expect(icon, kind).toMatch(/^<svg[\s>]/);
      expect(icon, kind).toBe(iconFile(kind));
    }
  });

  it('lets the inspector edit every field of every node kind, in the form or the YAML tab', () => {
    for (const kind of nodeKinds()) {
      expect(NODE_VIEWS[kind].kind).toBe(kind);
      expect(NODE_VIEWS[kind].fields.length, kind).toBeGreaterThan(0);
      expectEveryFieldEditable(kind, NODE_KINDS[kind].schema.shape, NODE_COMMON, NODE_VIEWS[kind]);
    }
  });

  it('does not compile without a view for every node kind', () => {
    const rest = without(NODE_VIEWS, 'tempo');
    // @ts-expect-error tempo is missing: the registry is typed over every node kind
    const registry: NodeViewRegistry = rest;
    expect(Object.keys(registry)).not.toContain('tempo');
  });
});

describe('the edge view registry', () => {
  it('draws every edge kind and lets the inspector edit every field of it', () => {
    expect(Object.keys(EDGE_VIEWS).sort()).toEqual(edgeKinds().sort());
    for (const kind of edgeKinds()) {
      const v = EDGE_VIEWS[kind];
      expect(v.kind).toBe(kind);
      expect(v.colour, kind).toMatch(/^#[0-9a-f]{6}$/);
      expectEveryFieldEditable(kind, EDGE_KINDS[kind].schema.shape, EDGE_COMMON, v);
    }
  });

  it('does not compile without a view for every edge kind', () => {
    const rest = without(EDGE_VIEWS, 'logs');
    // @ts-expect-error logs is missing: the registry is typed over every edge kind
    const registry: EdgeViewRegistry = rest;
    expect(Object.keys(registry)).not.toContain('logs');
  });
});
