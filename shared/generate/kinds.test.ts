import { describe, expect, it } from 'vitest';
import { NODE_KINDS, nodeKinds } from '../kinds/index.ts';
import type { NodeKind, Topology } from '../model/schema.ts';
import { createContext } from './context.ts';
import { generateExport } from './index.ts';
import { labStandIns } from './targets.ts';
import { NODE_GENERATORS, type NodeGeneratorRegistry } from './kinds.ts';
import { without } from '../../test-support/without.ts';

function lone(kind: NodeKind): Topology {
  return {
    apiVersion: 'fedstudio/v1',
    kind: 'Topology',
    metadata: { name: `lone-${kind}` },
    nodes: [{ id: 'n', kind, name: 'lone' }],
  };
}

describe('the generator registry', () => {
  it('has a generator for every node kind, which runs a container for a lone node of it', () => {
    expect(Object.keys(NODE_GENERATORS).sort()).toEqual(nodeKinds().sort());
    for (const kind of nodeKinds()) {
      const ctx = createContext(lone(kind));
      const part = NODE_GENERATORS[kind](ctx);
      // Production scrapes the hosts a targets node discovers; only the lab runs exporters
      // standing in for them.
      const services = kind === 'targets' ? labStandIns(ctx) : part.services;
      const own = services.filter((s) => s.nodeId === 'n');
      expect(own.length, kind).toBeGreaterThan(0);
      // The container a kind runs is the one its module pins.
      const image = NODE_KINDS[kind].image;
      if (image !== null) expect(own[0]!.imageKey, kind).toBe(image);
    }
  });

  it('generates nothing for a kind the design does not use', () => {
    const t = lone('prometheus');
    for (const kind of nodeKinds().filter((k) => k !== 'prometheus')) {
      const part = NODE_GENERATORS[kind](createContext(t));
      expect(part.services, kind).toEqual([]);
      expect(part.files, kind).toEqual({});
    }
  });

  it('gives every folder of an export the README line of the kind that writes it', () => {
    for (const kind of nodeKinds()) {
      const readme = generateExport(lone(kind)).files['README.md']!;
      expect(readme, kind).not.toContain('Generated configuration mounted read-only');
    }
  });

  it('does not compile without a generator for every kind', () => {
    const rest = without(NODE_GENERATORS, 'mimir');
    // @ts-expect-error mimir is missing: the registry is typed over every node kind
    const registry: NodeGeneratorRegistry = rest;
    expect(Object.keys(registry)).not.toContain('mimir');
  });
});
