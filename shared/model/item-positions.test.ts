import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcePositions } from './item-positions.ts';
import { lazyLocator } from './locate.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from './schema.ts';

function topologyOf(text: string): Topology {
  const r = parseTopology(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Every item's place as the position-keeping parser of the `yaml` library finds it. */
function byYamlLibrary(text: string, t: Topology): Map<string, { line: number; column: number }> {
  const locate = lazyLocator(text);
  const out = new Map<string, { line: number; column: number }>();
  (t.groups ?? []).forEach((g, i) => out.set(g.id, locate(['groups', i])));
  t.nodes.forEach((n, i) => out.set(n.id, locate(['nodes', i])));
  (t.edges ?? []).forEach((e, i) => out.set(e.id, locate(['edges', i])));
  return out;
}

// Block and flow styles, comments and blank lines between items, an anchored group, an item
// starting on the line after its dash, CRLF line breaks and a byte-order mark.
const STYLES = [
  '\ufeffapiVersion: fedstudio/v1',
  'kind: Topology',
  'metadata: { name: styles }',
  'groups:',
  '  - &eu',
  '    id: eu',
  '    label: eu-west-1',
  'nodes:',
  '  # the leaf',
  '',
  '  - id: leaf',
  '    kind: prometheus',
  '    name: prom-leaf',
  '    group: eu',
  '  -   {id: global, kind: prometheus, name: prom-global}',
  '  -',
  '    id: nodes',
  '    kind: targets',
  '    name: node',
  '    exporter: node-exporter',
  'edges: [{id: s1, kind: scrape, from: leaf, to: nodes},',
  '  {id: f1, kind: federate, from: global, to: leaf, match: [\'{job="node"}\']}]',
  '',
].join('\r\n');

describe('sourcePositions', () => {
  it('places every item where the position-keeping parser does, in every style', () => {
    const t = topologyOf(STYLES);
    const ours = sourcePositions(STYLES, t);
    expect(ours).toEqual(byYamlLibrary(STYLES, t));
    expect(ours.get('global')).toEqual({ line: 15, column: 7 });
    expect(ours.get('f1')).toEqual({ line: 22, column: 3 });
  });

  it('agrees with the position-keeping parser on every template', () => {
    const dir = path.resolve(import.meta.dirname, '../../templates');
    const files = readdirSync(dir).filter((f) => f.endsWith('.topology.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const t = topologyOf(text);
      expect(sourcePositions(text, t), f).toEqual(byYamlLibrary(text, t));
    }
  });

  it('places only the items asked for, and none for a clean design', () => {
    const t = topologyOf(STYLES);
    expect([...sourcePositions(STYLES, t, ['f1', 'eu']).keys()].sort()).toEqual(['eu', 'f1']);
    expect(sourcePositions(STYLES, t, []).size).toBe(0);
    expect(sourcePositions(STYLES, t, ['no-such-item']).size).toBe(0);
  });
});
