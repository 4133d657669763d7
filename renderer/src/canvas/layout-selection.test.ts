import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../../shared/design/parse.ts';
import geoText from '../../../templates/geo-federation.topology.yaml?raw';
import { NODE_SIZE } from './kinds.ts';
import { layoutTopology } from './layout.ts';
import { anchorLayout, selectionPart } from './layout-selection.ts';

const parsed = parseTopology(geoText);
if (!parsed.ok) throw new Error('geo-federation does not parse');
const geo = parsed.topology;
const size = () => NODE_SIZE;

describe('layout of a selection', () => {
  it('moves only the selected nodes, starting where they started', async () => {
    const picked = geo.nodes.filter((n) => n.group === 'eu-west').map((n) => n.id);
    const part = selectionPart(geo, new Set(picked));
    expect(part.nodes.map((n) => n.id).sort()).toEqual([...picked].sort());
    expect(part.groups).toEqual([]);
    const laid = anchorLayout(part, await layoutTopology(part, size));
    expect([...laid.nodes.keys()].sort()).toEqual([...picked].sort());
    expect(laid.groups.size).toBe(0);
    const before = part.nodes.map((n) => n.position!);
    const after = [...laid.nodes.values()];
    expect(Math.min(...after.map((p) => p.x))).toBe(Math.min(...before.map((p) => p.x)));
    expect(Math.min(...after.map((p) => p.y))).toBe(Math.min(...before.map((p) => p.y)));
  });

  it('lays out a selected group with all its members and resizes its box', async () => {
    const part = selectionPart(geo, new Set(['us-east']));
    const members = geo.nodes.filter((n) => n.group === 'us-east').map((n) => n.id);
    expect(part.nodes.map((n) => n.id).sort()).toEqual([...members].sort());
    const laid = anchorLayout(part, await layoutTopology(part, size));
    const box = laid.groups.get('us-east')!;
    const g = geo.groups!.find((x) => x.id === 'us-east')!;
    expect({ x: box.x, y: box.y }).toEqual(g.position);
    for (const id of members) {
      const p = laid.nodes.get(id)!;
      expect(p.x).toBeGreaterThanOrEqual(box.x);
      expect(p.y + NODE_SIZE.height).toBeLessThanOrEqual(box.y + box.height);
    }
  });
});
