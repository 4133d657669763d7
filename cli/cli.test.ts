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

const ANTI = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: anti }
nodes:
  - { id: leaf, kind: prometheus, name: prom-leaf }
  - { id: leaf2, kind: prometheus, name: prom-leaf2 }
  - { id: t, kind: targets, name: node, count: 20000 }
  - { id: global, kind: prometheus, name: prom-global, alertRules: [ { alert: Down, expr: 'up == 0' } ] }
  - { id: g, kind: grafana, name: grafana, replicas: 2 }
edges:
  - { id: s1, kind: scrape, from: leaf, to: t }
  - { id: f1, kind: federate, from: global, to: leaf, match: ['{__name__=~".+"}'], interval: 5m }
  - { id: s2, kind: scrape, from: leaf2, to: t }
  - { id: f2, kind: federate, from: global, to: leaf2, match: ['{job=~".*"}'] }
  - { id: d, kind: datasource, from: g, to: global }
`;

describe('fedstudio', () => {
  it('lists templates as text and JSON', () => {
    const text = fedstudio(['templates']);
    expect(text.code).toBe(0);
    const json = JSON.parse(fedstudio(['templates', '--format', 'json']).stdout) as {
      templates: { id: string; title: string }[];
    };
    expect(json.templates.length).toBeGreaterThanOrEqual(7);
    for (const t of json.templates) {
      expect(text.stdout).toContain(t.id);
      expect(t.title.length).toBeGreaterThan(0);
    }
  });

  it('creates a design from a template, named after its file', () => {
    const [first] = (
      JSON.parse(fedstudio(['templates', '--format', 'json']).stdout) as {
        templates: { id: string }[];
      }
    ).templates;
    const file = path.join(work, 'my-stack.topology.yaml');
    const r = fedstudio(['new', '--template', first!.id, file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('name: my-stack');
    expect(fedstudio(['validate', file]).code).toBe(0);
    const again = fedstudio(['new', '--template', first!.id, file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(fedstudio(['new', '--template', 'nope', path.join(work, 'x.yaml')]).stderr).toContain(
      'known templates',
    );
  });

  it('validates a good design with exit 0 and JSON findings', () => {
    const file = path.join(work, 'good.topology.yaml');
    writeFileSync(file, GOOD);
    const r = fedstudio(['validate', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('findings');
  });

  it('reports findings grouped by severity with file:line, and exits 1 on errors', () => {
    const file = path.join(work, 'anti.topology.yaml');
    writeFileSync(file, ANTI);
    const r = fedstudio(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.indexOf('Errors:')).toBeLessThan(r.stdout.indexOf('Warnings:'));
    // The federate edge f1 is on line 12: edge findings point at the edge.
    expect(r.stdout).toContain(
      `${file}:12: [fed-match-everything] prom-global federates every series of prom-leaf`,
    );
    expect(r.stdout).toContain('fix: ');
    expect(r.stdout).toMatch(/\d+ errors?, \d+ warnings?, \d+ info/);
  });

  it('gives JSON findings with suppressed flags and per-node capacity', () => {
    const file = path.join(work, 'anti.topology.yaml');
    writeFileSync(file, ANTI);
    const r = fedstudio(['validate', file, '--format', 'json']);
    const json = JSON.parse(r.stdout) as {
      findings: {
        rule: string;
        severity: string;
        nodes: string[];
        edges: string[];
        suppressed: boolean;
        fix: string;
      }[];
      capacity: Record<
        string,
        { seriesPerInstance: number; targetsPerInstance: number; memoryBytesPerInstance: number }
      >;
    };
    const rules = new Set(json.findings.map((f) => f.rule));
    for (const id of [
      'fed-match-everything',
      'fed-match-invalid',
      'fed-interval',
      'shard-double-scrape',
      'grafana-ha-sqlite',
      'alert-no-alertmanager',
    ]) {
      expect(rules.has(id), id).toBe(true);
    }
    expect(json.findings.find((f) => f.rule === 'fed-match-everything')).toMatchObject({
      severity: 'error',
      edges: ['f1'],
      suppressed: false,
    });
    expect(json.capacity.leaf).toMatchObject({ targetsPerInstance: 20000 });
    expect(json.capacity.leaf!.memoryBytesPerInstance).toBe(
      json.capacity.leaf!.seriesPerInstance * 3072,
    );
  });

  it('does not fail on suppressed findings, and fails on warnings with --strict', () => {
    const file = path.join(work, 'warn.topology.yaml');
    const warnOnly = GOOD.replace(
      '{ dc: a } }',
      '{ dc: a }, alertRules: [ { alert: A, expr: "up == 0" } ] }',
    )
      .replace(
        'nodes:\n',
        'nodes:\n  - { id: am, kind: alertmanager, name: am, receivers: [ { name: r, type: webhook, url: "http://r:1/" } ] }\n',
      )
      .replace('edges:\n', 'edges:\n  - { id: a, kind: alerting, from: p, to: am }\n');
    writeFileSync(file, warnOnly);
    const plain = fedstudio(['validate', file, '--format', 'json']);
    expect(plain.code, plain.stdout).toBe(0);
    expect(JSON.parse(plain.stdout).findings.map((f: { rule: string }) => f.rule)).toContain(
      'am-single',
    );
    expect(fedstudio(['validate', file, '--strict']).code).toBe(1);
    writeFileSync(file, warnOnly.replace('name: am,', 'name: am, suppress: [am-single],'));
    const accepted = fedstudio(['validate', file, '--strict']);
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.stdout).toContain('Suppressed');
  });

  it('explains its rules', () => {
    const all = fedstudio(['rules', '--format', 'json']);
    expect(JSON.parse(all.stdout).rules.length).toBeGreaterThanOrEqual(39);
    const one = fedstudio(['rules', 'fed-match-everything']);
    expect(one.stdout).toContain('why:');
    expect(one.stdout).toContain('Federation');
    expect(fedstudio(['rules', 'nope']).code).toBe(2);
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
    expect(JSON.parse(json.stdout).errors[0]).toMatchObject({
      file,
      line: 6,
      path: 'nodes[1].colour',
    });
    const ex = fedstudio(['export', file, '--out', path.join(work, 'never')]);
    expect(ex.code).toBe(2);
    expect(ex.stderr).toContain('nodes[1].colour');
    expect(existsSync(path.join(work, 'never'))).toBe(false);
    expect(fedstudio(['validate', path.join(work, 'missing.yaml')]).stderr).toContain(
      'no such file',
    );
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
