import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test-support/cli.ts';
import { newNode } from '../design/edit.ts';
import { EDGE_SCHEMAS, IMAGE_KEYS, NODE_SCHEMAS } from '../model/schema.ts';
import { renderKindsMarkdown } from './docs.ts';
import {
  DEFAULT_IMAGES,
  EDGE_KINDS,
  edgeKinds,
  inferEdgeKind,
  NODE_KINDS,
  nodeKinds,
  type EdgeKindRegistry,
  type NodeKindRegistry,
} from './index.ts';
import { without } from '../../test-support/without.ts';

describe('the node kind registry', () => {
  it('has one module per kind of the schema, each of its own kind', () => {
    expect(nodeKinds()).toEqual(Object.keys(NODE_SCHEMAS));
    for (const kind of nodeKinds()) {
      const m = NODE_KINDS[kind];
      expect(m.kind).toBe(kind);
      expect(m.schema).toBe(NODE_SCHEMAS[kind]);
      expect(m.summary.length, kind).toBeGreaterThan(20);
    }
  });

  it('starts a node dropped from the palette with fields its schema accepts', () => {
    for (const kind of nodeKinds()) {
      const node = newNode(kind, 'a', 'a', { x: 0, y: 0 });
      expect(NODE_KINDS[kind].schema.safeParse(node).error, kind).toBeUndefined();
    }
  });

  it('pins every image key exactly once, each kind its own main image', () => {
    expect(Object.keys(DEFAULT_IMAGES).sort()).toEqual([...IMAGE_KEYS].sort());
    for (const m of Object.values(NODE_KINDS)) {
      if (m.image !== null) expect(m.images[m.image], m.kind).toBe(DEFAULT_IMAGES[m.image]);
    }
  });

  it('does not compile without a module for every kind', () => {
    const rest = without(NODE_KINDS, 'object-store');
    // @ts-expect-error object-store is missing: the registry is typed over every node kind
    const registry: NodeKindRegistry = rest;
    expect(Object.keys(registry)).not.toContain('object-store');
    // @ts-expect-error a module under another kind's key does not fit either
    const swapped: NodeKindRegistry = { ...NODE_KINDS, mimir: NODE_KINDS.loki };
    expect(swapped.mimir.kind).toBe('loki');
  });
});

describe('the edge kind registry', () => {
  it('has one module per edge kind of the schema, joining node kinds that exist', () => {
    expect(edgeKinds()).toEqual(Object.keys(EDGE_SCHEMAS));
    const kinds = new Set(nodeKinds());
    for (const kind of edgeKinds()) {
      const e = EDGE_KINDS[kind];
      expect(e.kind).toBe(kind);
      expect(e.schema).toBe(EDGE_SCHEMAS[kind]);
      for (const k of [...e.from, ...e.to]) expect(kinds, `${kind}: ${k}`).toContain(k);
    }
  });

  it('ranks every edge kind apart, so a drawn edge has one kind', () => {
    const ranks = Object.values(EDGE_KINDS).map((e) => e.intent);
    expect(new Set(ranks).size).toBe(ranks.length);
    const prom = { id: 'a', kind: 'prometheus', name: 'a' } as const;
    expect(inferEdgeKind(prom, { ...prom, id: 'b' })).toBe('federate');
  });

  it('does not compile without a module for every edge kind', () => {
    const rest = without(EDGE_KINDS, 'objstore');
    // @ts-expect-error objstore is missing: the registry is typed over every edge kind
    const registry: EdgeKindRegistry = rest;
    expect(Object.keys(registry)).not.toContain('objstore');
  });
});

describe('docs/kinds.md', () => {
  const text = readFileSync(path.join(ROOT, 'docs', 'kinds.md'), 'utf8');

  it('is made from the registry (run `node --import tsx scripts/gen-kinds-doc.ts`)', () => {
    expect(text).toBe(renderKindsMarkdown());
  });

  it('has a section for every node kind and edge kind', () => {
    for (const kind of [...nodeKinds(), ...edgeKinds()]) {
      expect(text, kind).toContain(`### \`${kind}\`: `);
    }
  });
});
