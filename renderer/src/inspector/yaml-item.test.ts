import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EDGE_SCHEMAS, NODE_SCHEMAS } from '../../../shared/model/schema.ts';
import { buildTree, defaultFile } from '../preview/tree.ts';
import { itemYaml, parseItemYaml } from './yaml-item.ts';

describe('item YAML', () => {
  const node = {
    id: 'am',
    kind: 'alertmanager' as const,
    name: 'alertmanager',
    position: { x: 10, y: 20 },
  };
  it('round-trips an item and keeps its geometry out of the text', () => {
    const text = itemYaml(node);
    expect(text).not.toContain('position');
    const r = parseItemYaml(text, NODE_SCHEMAS.alertmanager, node);
    expect(r).toEqual({ ok: true, value: node });
  });
  it('accepts fields only YAML edits (route, receivers)', () => {
    const text = `${itemYaml(node)}route:\n  groupBy: [alertname]\nreceivers:\n  - name: x\n    type: webhook\n    url: http://x/\n`;
    const r = parseItemYaml(text, NODE_SCHEMAS.alertmanager, node);
    expect(r.ok).toBe(true);
  });
  it('names the line of a schema error and of a syntax error', () => {
    const edge = 'id: e\nkind: federate\nfrom: a\nto: b\nmatch: []\n';
    const r = parseItemYaml(edge, EDGE_SCHEMAS.federate, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 5 });
    const s = parseItemYaml('id: e\nkind: [\n', EDGE_SCHEMAS.federate, {});
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.errors[0]?.line).toBeGreaterThan(1);
  });
});

describe('file tree', () => {
  it('groups paths into sorted folders, folders first', () => {
    const tree = buildTree([
      'b.yml',
      'prometheus/p/prometheus.yml',
      'prometheus/p/rules/a.yml',
      'a.md',
    ]);
    expect(tree.map((e) => e.name)).toEqual(['prometheus', 'a.md', 'b.yml']);
    const p = tree[0];
    expect(p?.type === 'folder' && p.children[0]?.type === 'folder' && p.children[0].path).toBe(
      'prometheus/p',
    );
    expect(defaultFile(['README.md', 'prometheus/x/prometheus.yml'])).toBe(
      'prometheus/x/prometheus.yml',
    );
  });
});

describe('the YAML tab on hostile text', () => {
  const schema = z.object({ name: z.string() });
  it('refuses deep nesting and a second document with a line, without throwing', () => {
    const deep = parseItemYaml('name: ' + '['.repeat(5000), schema, {});
    expect(deep.ok).toBe(false);
    const two = parseItemYaml('name: a\n---\nname: b\n', schema, {});
    expect(two).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    const nul = parseItemYaml('name: a\u0000b\n', schema, {});
    expect(nul).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });
});

describe('the YAML tab speaks the design file’s language', () => {
  const node = { id: 'am', kind: 'alertmanager' as const, name: 'alertmanager' };
  it('says which key is unknown or missing, not zod’s wording', () => {
    const unknown = parseItemYaml(`${itemYaml(node)}colour: red\n`, NODE_SCHEMAS.alertmanager, {});
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]?.message).toBe('colour: unknown key "colour"');
    const missing = parseItemYaml('id: e\nkind: federate\nfrom: a\n', EDGE_SCHEMAS.federate, {});
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      const messages = missing.errors.map((e) => e.message);
      expect(messages).toContain('to: missing required "to"');
      expect(messages.join('\n')).not.toMatch(/Invalid input|expected string, received/);
    }
  });
});
