// Keys a person chooses (labels, annotations, ...) named like JavaScript's object internals: each
// is kept as data all the way into the generated files, or refused with its place; never dropped.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../generate/index.ts';
import { parseTopology } from '../design/parse.ts';

function designWithKey(key: string): string {
  return `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: keys }
groups: [ { id: g, externalLabels: { ${key}: group } } ]
nodes:
  - id: p
    kind: prometheus
    name: prom
    group: g
    externalLabels: { ${key}: node, dc: eu }
    recordingRules: [ { record: "job:up:sum", expr: sum(up), labels: { ${key}: rec } } ]
    alertRules: [ { alert: Down, expr: up == 0, labels: { ${key}: alert }, annotations: { ${key}: note } } ]
  - { id: t, kind: targets, name: node, labels: { ${key}: target } }
  - { id: l, kind: promtail, name: logs, labels: { ${key}: logs } }
edges:
  - { id: s, kind: scrape, from: p, to: t }
`;
}

/** The design with `__proto__` at one place only (the others keep a harmless key). */
function designWithKeyAt(at: string): string {
  const text = designWithKey('plain');
  const at1 = (from: string, to: string) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  };
  switch (at) {
    case 'groups[0].externalLabels.__proto__':
      return at1('{ plain: group }', '{ __proto__: group }');
    case 'nodes[0].externalLabels.__proto__':
      return at1('{ plain: node, dc: eu }', '{ __proto__: node, dc: eu }');
    case 'nodes[0].recordingRules[0].labels.__proto__':
      return at1('{ plain: rec }', '{ __proto__: rec }');
    case 'nodes[0].alertRules[0].labels.__proto__':
      return at1('{ plain: alert }', '{ __proto__: alert }');
    case 'nodes[0].alertRules[0].annotations.__proto__':
      return at1('{ plain: note }', '{ __proto__: note }');
    case 'nodes[1].labels.__proto__':
      return at1('{ plain: target }', '{ __proto__: target }');
    case 'nodes[2].labels.__proto__':
      return at1('{ plain: logs }', '{ __proto__: logs }');
    case 'metadata.__proto__':
      return at1('metadata: { name: keys }', 'metadata: { name: keys, __proto__: { name: x } }');
    case 'images.__proto__':
      return at1('groups:', 'images: { __proto__: evil }\ngroups:');
  }
  throw new Error(`no place ${at}`);
}

describe('a user-chosen key', () => {
  // Each place alone, since the reading stops at the first one.
  const PLACES: [string, string][] = [
    ['group external labels', 'groups[0].externalLabels.__proto__'],
    ['node external labels', 'nodes[0].externalLabels.__proto__'],
    ['recording rule labels', 'nodes[0].recordingRules[0].labels.__proto__'],
    ['alert labels', 'nodes[0].alertRules[0].labels.__proto__'],
    ['alert annotations', 'nodes[0].alertRules[0].annotations.__proto__'],
    ['target labels', 'nodes[1].labels.__proto__'],
    ['promtail labels', 'nodes[2].labels.__proto__'],
    ['metadata', 'metadata.__proto__'],
    ['images', 'images.__proto__'],
  ];
  it.each(PLACES)('"__proto__" in %s is refused, naming its path and line', (_, at) => {
    const text = designWithKeyAt(at);
    const r = parseTopology(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(e.path).toBe(at);
    expect(e.message).toMatch(/__proto__/);
    expect(text.split('\n')[e.line - 1]).toContain('__proto__');
  });

  it.each(['constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    '"%s" is kept as data through every generated file',
    (key) => {
      const r = parseTopology(designWithKey(key));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const files = generateExport(r.topology).files;
      const prom = yaml.load(files['prometheus/prom/prometheus.yml'] ?? '') as {
        global: { external_labels: Record<string, string> };
      };
      expect(Object.keys(prom.global.external_labels)).toContain(key);
      expect(prom.global.external_labels[key]).toBe('node');
      // Target labels travel in the targets files of file discovery.
      const scrapeLabels = Object.entries(files)
        .filter(([p]) => p.startsWith('prometheus/prom/targets/'))
        .flatMap(([, t]) => JSON.parse(t) as { labels?: Record<string, string> }[])
        .map((g) => g.labels?.[key]);
      expect(scrapeLabels).toContain('target');
      const rulesText = Object.entries(files)
        .filter(([p]) => p.startsWith('prometheus/prom/rules/'))
        .map(([, t]) => t)
        .join('\n');
      for (const v of ['rec', 'alert', 'note']) expect(rulesText).toContain(`${key}: ${v}`);
      const promtail = Object.entries(files).find(([p]) => p.startsWith('promtail/'))?.[1] ?? '';
      expect(promtail).toContain(`${key}: logs`);
    },
  );
});
