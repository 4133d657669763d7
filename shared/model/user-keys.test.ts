// Keys a person chooses (labels, annotations, ...) named like JavaScript's object internals: each
// is kept as data all the way into the generated files, or refused with its place; never dropped.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../generate/index.ts';
import { parseTopology } from './parse.ts';

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

describe('a user-chosen key', () => {
  it('"__proto__" is refused wherever it is written, naming its path and line', () => {
    const text = designWithKey('__proto__');
    const r = parseTopology(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path).sort();
    expect(paths).toEqual([
      'groups[0].externalLabels.__proto__',
      'nodes[0].alertRules[0].annotations.__proto__',
      'nodes[0].alertRules[0].labels.__proto__',
      'nodes[0].externalLabels.__proto__',
      'nodes[0].recordingRules[0].labels.__proto__',
      'nodes[1].labels.__proto__',
      'nodes[2].labels.__proto__',
    ]);
    for (const e of r.errors) {
      expect(e.message).toContain('"__proto__" is reserved');
      expect(e.line).toBeGreaterThan(0);
    }
  });

  it('"__proto__" in a fixed mapping is an unknown key, not dropped', () => {
    const r = parseTopology(`apiVersion: fedstudio/v1
kind: Topology
metadata: { name: keys, __proto__: { name: x } }
images: { __proto__: evil }
nodes: []
`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.path}: ${e.message}`).sort()).toEqual([
      'images.__proto__: unknown key "__proto__"',
      'metadata.__proto__: unknown key "__proto__"',
    ]);
  });

  it.each(['constructor', 'prototype', 'toString', 'hasOwnProperty'])(
    '"%s" is kept as data through every generated file',
    (key) => {
      const r = parseTopology(designWithKey(key));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const files = generateExport(r.topology).files;
      const prom = yaml.load(files['prometheus/prom/prometheus.yml'] ?? '') as {
        global: { external_labels: Record<string, string> };
        scrape_configs: { static_configs?: { labels?: Record<string, string> }[] }[];
      };
      expect(Object.keys(prom.global.external_labels)).toContain(key);
      expect(prom.global.external_labels[key]).toBe('node');
      const scrapeLabels = prom.scrape_configs.flatMap((c) =>
        (c.static_configs ?? []).map((s) => s.labels?.[key]),
      );
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
