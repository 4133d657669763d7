import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fedstudio } from '../test-support/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'fedstudio-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: small }
nodes:
  - { id: p, kind: prometheus, name: prom, externalLabels: { dc: a } }
  - { id: t, kind: targets, name: node, exporter: node-exporter, count: 2 }
edges:
  - { id: e, kind: scrape, from: p, to: t }
`;

describe('fedstudio', () => {
  it('lists templates as text and JSON', () => {
    const text = fedstudio(['templates']);
    expect(text.code).toBe(0);
    const json = JSON.parse(fedstudio(['templates', '--format', 'json']).stdout) as { templates: { id: string; title: string }[] };
    expect(json.templates.length).toBeGreaterThanOrEqual(7);
    for (const t of json.templates) {
      expect(text.stdout).toContain(t.id);
      expect(t.title.length).toBeGreaterThan(0);
    }
  });

  it('creates a design from a template, named after its file', () => {
    const [first] = (JSON.parse(fedstudio(['templates', '--format', 'json']).stdout) as { templates: { id: string }[] }).templates;
    const file = path.join(work, 'my-stack.topology.yaml');
    const r = fedstudio(['new', '--template', first!.id, file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('name: my-stack');
    expect(fedstudio(['validate', file]).code).toBe(0);
    const again = fedstudio(['new', '--template', first!.id, file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(fedstudio(['new', '--template', 'nope', path.join(work, 'x.yaml')]).stderr).toContain('known templates');
  });

  it('validates a good design with exit 0 and JSON findings', () => {
    const file = path.join(work, 'good.topology.yaml');
    writeFileSync(file, GOOD);
    const r = fedstudio(['validate', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('findings');
  });

  it('exits 2 on unusable input with file:line:column and the field', () => {
    const file = path.join(work, 'bad.topology.yaml');
    writeFileSync(file, GOOD.replace('count: 2', 'count: 2, colour: red'));
    const r = fedstudio(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:6:`);
    expect(r.stderr).toContain('nodes[1].colour');
    const json = fedstudio(['validate', file, '--format', 'json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).errors[0]).toMatchObject({ file, line: 6, path: 'nodes[1].colour' });
    const ex = fedstudio(['export', file, '--out', path.join(work, 'never')]);
    expect(ex.code).toBe(2);
    expect(ex.stderr).toContain('nodes[1].colour');
    expect(existsSync(path.join(work, 'never'))).toBe(false);
    expect(fedstudio(['validate', path.join(work, 'missing.yaml')]).stderr).toContain('no such file');
    expect(fedstudio(['frobnicate']).code).toBe(2);
  });

  it('exports, refuses a foreign non-empty folder without --force, and re-exports into its own', () => {
    const file = path.join(work, 'good.topology.yaml');
    writeFileSync(file, GOOD);
    const out = path.join(work, 'out');
    const r = fedstudio(['export', file, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'topology.yaml'), 'utf8')).toBe(GOOD);
    expect(existsSync(path.join(out, 'docker-compose.yml'))).toBe(true);
    expect(fedstudio(['export', file, '--out', out]).code).toBe(0);
    const foreign = path.join(work, 'foreign');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'notes.txt'), 'mine');
    const refused = fedstudio(['export', file, '--out', foreign]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(fedstudio(['export', file, '--out', foreign, '--force']).code).toBe(0);
    expect(readFileSync(path.join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
