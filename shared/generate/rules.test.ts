import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { promtoolCheckRules, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import type { NodeOf } from '../model/schema.ts';
import { ALERT_RULES_FILE, RECORDING_RULES_FILE, ruleFiles } from './rules.ts';

type PrometheusNode = NodeOf<'prometheus'>;

/** A prometheus node as the schema accepts it (built from an object, dumped, parsed back). */
function prometheusNode(fields: Record<string, unknown>): PrometheusNode {
  const parsed = parseTopology(
    yaml.dump({
      apiVersion: 'fedstudio/v1',
      kind: 'Topology',
      metadata: { name: 'rules' },
      nodes: [{ id: 'p', kind: 'prometheus', name: 'prom-eu', ...fields }],
    }),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const node = parsed.topology.nodes[0];
  if (node?.kind !== 'prometheus') throw new Error('expected a prometheus node');
  return node;
}

function load(text: string | undefined): Record<string, unknown> {
  expect(text).toBeDefined();
  return yaml.load(text ?? '') as Record<string, unknown>;
}

async function expectPromtoolAccepts(files: Record<string, string>): Promise<void> {
  await withTree(files, (dir) => {
    for (const rel of Object.keys(files)) {
      const run = promtoolCheckRules(path.join(dir, rel));
      expect(run.ok, `${rel}:\n${run.output}\n${files[rel]}`).toBe(true);
      // promtool counts what it loaded: an empty or misnamed file would say 0.
      expect(run.output).not.toMatch(/SUCCESS: 0 rules/);
    }
  });
}

const skipPromtool = skipWithoutTool('promtool');

describe('ruleFiles', () => {
  const node = prometheusNode({
    recordingRules: [
      { record: 'job:up:sum', expr: 'sum by (job) (up)' },
      {
        record: 'instance:node_cpu:rate5m',
        expr: 'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))',
        labels: { tier: 'leaf' },
      },
    ],
    alertRules: [
      { alert: 'InstanceDown', expr: 'up == 0' },
      {
        alert: 'HighLoad',
        expr: 'instance:node_cpu:rate5m > 0.9',
        for: '10m',
        keepFiringFor: '5m',
        labels: { severity: 'page' },
        annotations: { summary: '{{ $labels.instance }} is at {{ $value | humanizePercentage }}' },
      },
    ],
  });
  const files = ruleFiles(node, '30s');

  it('writes nothing for a node without rules', () => {
    expect(ruleFiles(prometheusNode({}), '15s')).toEqual({});
    expect(ruleFiles(prometheusNode({ recordingRules: [], alertRules: [] }), '15s')).toEqual({});
  });

  it('writes only the kinds of rules the node has', () => {
    expect(Object.keys(files)).toEqual([RECORDING_RULES_FILE, ALERT_RULES_FILE]);
    const onlyAlerts = prometheusNode({ alertRules: [{ alert: 'A', expr: 'vector(1)' }] });
    expect(Object.keys(ruleFiles(onlyAlerts, '15s'))).toEqual(['rules/alerts.yml']);
  });

  it('writes recording rules in one group named after the node', () => {
    expect(load(files[RECORDING_RULES_FILE])).toStrictEqual({
      groups: [
        {
          name: 'prom-eu-recording',
          interval: '30s',
          rules: [
            { record: 'job:up:sum', expr: 'sum by (job) (up)' },
            {
              record: 'instance:node_cpu:rate5m',
              expr: 'sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))',
              labels: { tier: 'leaf' },
            },
          ],
        },
      ],
    });
  });

  it('writes alert rules with Prometheus field names, leaving out unset ones', () => {
    expect(load(files[ALERT_RULES_FILE])).toStrictEqual({
      groups: [
        {
          name: 'prom-eu-alerts',
          interval: '30s',
          rules: [
            { alert: 'InstanceDown', expr: 'up == 0' },
            {
              alert: 'HighLoad',
              expr: 'instance:node_cpu:rate5m > 0.9',
              for: '10m',
              keep_firing_for: '5m',
              labels: { severity: 'page' },
              annotations: {
                summary: '{{ $labels.instance }} is at {{ $value | humanizePercentage }}',
              },
            },
          ],
        },
      ],
    });
  });

  it.skipIf(skipPromtool)('passes promtool check rules', async () => {
    await expectPromtoolAccepts(files);
  });
});

describe('ruleFiles with hostile text', () => {
  // Valid Go templates, wrapped in everything that breaks naive YAML templating.
  const annotations = {
    summary: '{{ $labels.instance }}: "down" # since {{ $value }}',
    description: '---\n- item: {{ $labels.job }}\n...\n  indented\n',
    runbook: "it's {a: b} [c] & *x !y | > %",
    empty_looking: 'null',
    padded: '  {{ $labels.job }}  ',
  };
  const labels = { team: 'a: b # c', doc: '---', quote: '"\'', multi: 'one\ntwo' };
  const node = prometheusNode({
    recordingRules: [
      { record: 'job:x:sum', expr: 'sum by (job) (x{path="a: b # c", q=~"\\"x\\""})', labels },
    ],
    alertRules: [{ alert: 'Hostile', expr: 'vector(1) > 0', labels, annotations }],
  });
  const files = ruleFiles(node, '15s');

  it('comes back verbatim, with no extra keys', () => {
    const recording = load(files[RECORDING_RULES_FILE]) as { groups: { rules: unknown[] }[] };
    expect(recording.groups[0]?.rules).toStrictEqual([
      { record: 'job:x:sum', expr: 'sum by (job) (x{path="a: b # c", q=~"\\"x\\""})', labels },
    ]);
    const alerts = load(files[ALERT_RULES_FILE]) as { groups: { rules: unknown[] }[] };
    expect(alerts.groups[0]?.rules).toStrictEqual([
      { alert: 'Hostile', expr: 'vector(1) > 0', labels, annotations },
    ]);
  });

  it('keeps template text that looks like YAML verbatim too', () => {
    const x = '{{ "{{ }}" }} - y: {z}\n---';
    const raw = prometheusNode({ alertRules: [{ alert: 'A', expr: 'up', annotations: { x } }] });
    const alerts = load(ruleFiles(raw, '15s')[ALERT_RULES_FILE]) as {
      groups: { rules: { annotations: unknown }[] }[];
    };
    expect(alerts.groups[0]?.rules[0]?.annotations).toStrictEqual({ x });
  });

  it.skipIf(skipPromtool)('passes promtool check rules', async () => {
    await expectPromtoolAccepts(files);
  });
});
