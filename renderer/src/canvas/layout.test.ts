import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../../shared/design/parse.ts';
import { NODE_SIZE } from './kinds.ts';
import { layoutTopology } from './layout.ts';
import { rolePartitions } from './layout-roles.ts';

const sources = import.meta.glob<string>('../../../templates/*.topology.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const templates = Object.entries(sources).map(([file, text]) => {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return [file.split('/').at(-1)!.replace('.topology.yaml', ''), parsed.topology] as const;
});

describe.each(templates)('auto-layout of %s', (_, t) => {
  it('keeps members inside their group, nodes apart, and reads top-down by role', async () => {
    const laid = await layoutTopology(t, () => NODE_SIZE);
    const at = (id: string) => laid.nodes.get(id)!;
    expect(laid.nodes.size).toBe(t.nodes.length);
    for (const n of t.nodes) {
      if (n.group === undefined) continue;
      const g = laid.groups.get(n.group)!;
      const p = at(n.id);
      expect(p.x, `${n.id} in ${n.group}`).toBeGreaterThanOrEqual(g.x);
      expect(p.y).toBeGreaterThanOrEqual(g.y);
      expect(p.x + NODE_SIZE.width).toBeLessThanOrEqual(g.x + g.width);
      expect(p.y + NODE_SIZE.height).toBeLessThanOrEqual(g.y + g.height);
    }
    const ids = t.nodes.map((n) => n.id);
    for (const [i, a] of ids.entries())
      for (const b of ids.slice(i + 1)) {
        const p = at(a);
        const q = at(b);
        const apart =
          p.x + NODE_SIZE.width <= q.x ||
          q.x + NODE_SIZE.width <= p.x ||
          p.y + NODE_SIZE.height <= q.y ||
          q.y + NODE_SIZE.height <= p.y;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
    // Within a graph (a group, or the top level), a node in a higher role partition is never drawn
    // below one in a lower one; a group as a whole sits in its highest member's partition.
    const part = rolePartitions(t);
    const groupOf = new Map(t.nodes.map((n) => [n.id, n.group]));
    const partOfGroup = (g: string) =>
      Math.min(...t.nodes.filter((n) => n.group === g).map((n) => part.get(n.id)!));
    // The top-level item holding a node (its group, or itself): its partition and its top.
    const item = (id: string, other: string) => {
      const g = groupOf.get(id);
      if (g === undefined || g === groupOf.get(other)) return { p: part.get(id)!, y: at(id).y };
      return { p: partOfGroup(g), y: laid.groups.get(g)!.y };
    };
    for (const e of t.edges ?? []) {
      const a = item(e.from, e.to);
      const b = item(e.to, e.from);
      if (a.p < b.p) expect(a.y, e.id).toBeLessThan(b.y);
      if (a.p > b.p) expect(a.y, e.id).toBeGreaterThan(b.y);
    }
  });
});

describe('role partitions', () => {
  it('put Grafana above federators, federators above leaves, leaves above targets', () => {
    const geo = templates.find(([id]) => id === 'geo-federation')![1];
    const part = rolePartitions(geo);
    const of = (kind: string) =>
      geo.nodes.filter((n) => n.kind === kind).map((n) => part.get(n.id)!);
    const grafana = Math.max(...of('grafana'));
    const servers = of('prometheus').sort((a, b) => a - b);
    expect(grafana).toBeLessThan(servers[0]!);
    expect(servers[0]!).toBeLessThan(servers.at(-1)!);
    expect(servers.at(-1)!).toBeLessThan(Math.min(...of('targets')));
  });
});
