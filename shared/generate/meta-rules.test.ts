// Meta-monitoring's rules: which server gets which, the staleness threshold, and (with promtool's
// rule unit tests) that the staleness alert fires for a stopped server behind a live source.
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runTool, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { generateExport } from './index.ts';
import { HEARTBEAT } from './meta-monitoring.ts';
import { META_RULES_FILE } from './meta-rules.ts';

type Rule = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function topology(text: string): Topology {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.topology;
}

function metaFile(t: Topology, instance: string): string | undefined {
  return generateExport(t).files[`prometheus/${instance}/${META_RULES_FILE}`];
}

function metaRules(t: Topology, instance: string): Rule[] {
  const text = metaFile(t, instance);
  if (text === undefined) return [];
  const { groups } = yaml.load(text) as { groups: { name: string; rules: Rule[] }[] };
  expect(groups.map((g) => g.name)).toEqual([
    `${instance.replace(/(-shard)?-\d+$/, '')}-meta-monitoring`,
  ]);
  return groups[0]?.rules ?? [];
}

const names = (rules: Rule[]) => rules.map((r) => r.record ?? r.alert);

/** Global over a region over two shards: the shape where a stopped shard hides behind a live source. */
const TIERS = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: tiers }
defaults: { scrapeInterval: 15s, evaluationInterval: 15s }
nodes:
  - { id: global, kind: prometheus, name: global, replicas: 2 }
  - { id: region, kind: prometheus, name: region, externalLabels: { region: eu } }
  - { id: shards, kind: prometheus, name: shard, shards: 2, evaluationInterval: 30s, externalLabels: { region: eu } }
  - { id: am, kind: alertmanager, name: am }
edges:
  - { id: g-r, kind: federate, from: global, to: region, match: ['{__name__=~"job:.*"}'], interval: 1m }
  - { id: r-s, kind: federate, from: region, to: shards, match: ['{__name__=~"job:.*"}'] }
  - { id: a-g, kind: alerting, from: global, to: am }
  - { id: a-s, kind: alerting, from: shards, to: am }
`;

describe('meta-monitoring rules', () => {
  const t = topology(TIERS);

  it('records the heartbeat on every federated server and alerts on every federator', () => {
    expect(names(metaRules(t, 'shard-shard-0'))).toEqual([HEARTBEAT, 'Watchdog']);
    expect(names(metaRules(t, 'region'))).toEqual([
      HEARTBEAT,
      'FederationSourceDown',
      'FederatedSeriesStale',
    ]);
    expect(names(metaRules(t, 'global-0'))).toEqual([
      'FederationSourceDown',
      'FederatedSeriesStale',
      'Watchdog',
    ]);
    expect(metaRules(t, 'shard-shard-1')[0]).toEqual({ record: HEARTBEAT, expr: 'vector(time())' });
  });

  it("sets the staleness threshold from the slowest path's intervals, three rounds of it", () => {
    const stale = (instance: string) =>
      metaRules(t, instance).find((r) => r.alert === 'FederatedSeriesStale');
    // region: shard evaluation 30s + federation 15s = 45s; global: 45s + 1m.
    expect(stale('region')?.expr).toBe(`time() - max_over_time(${HEARTBEAT}[1h]) > 135`);
    expect(stale('global-0')?.expr).toBe(`time() - max_over_time(${HEARTBEAT}[1h]) > 315`);
    expect(stale('global-0')?.annotations.summary).toContain('region={{ $labels.region }}');
    expect(stale('global-0')?.annotations.summary).toContain('shard={{ $labels.shard }}');
    const down = metaRules(t, 'global-0').find((r) => r.alert === 'FederationSourceDown');
    expect(down).toMatchObject({ expr: 'up{job="federate"} == 0', for: '180s' });
  });

  it('sends the Watchdog only from servers that have Alertmanagers', () => {
    expect(names(metaRules(t, 'region'))).not.toContain('Watchdog');
    expect(metaRules(t, 'global-1').find((r) => r.alert === 'Watchdog')).toMatchObject({
      expr: 'vector(1)',
      labels: { severity: 'none' },
    });
  });

  it('writes none of it with defaults.metaMonitoring: false', () => {
    const off = { ...t, defaults: { ...t.defaults, metaMonitoring: false } };
    for (const i of ['global-0', 'region', 'shard-shard-0'])
      expect(metaFile(off, i)).toBeUndefined();
  });
});

/**
 * promtool's rule unit test of the region's rules, on the series it holds: the shards'
 * heartbeats, federated. Shard 1 stops at 2m; /federate would keep serving its last sample, so
 * the series does not go away at once, but its value stops rising. Annotations are left out:
 * they are prose, the expression is what is tested.
 */
describe.skipIf(skipWithoutTool('promtool'))('the staleness alert, by promtool test rules', () => {
  it('fires for the stopped shard only, and keeps firing after its last sample is gone', async () => {
    const text = metaFile(topology(TIERS), 'region') ?? '';
    const rules = yaml.load(text) as { groups: { rules: Rule[] }[] };
    for (const r of rules.groups[0]?.rules ?? []) delete r.annotations;
    const heartbeat = (shard: string) =>
      `${HEARTBEAT}{job="federate",region="eu",shard="${shard}"}`;
    const stale = (shard: string) => ({
      exp_labels: { severity: 'warning', job: 'federate', region: 'eu', shard },
    });
    const unitTest = {
      rule_files: ['meta.yml'],
      evaluation_interval: '15s',
      tests: [
        {
          interval: '15s',
          input_series: [
            // The value is the source's clock: 15s more each evaluation.
            { series: heartbeat('0'), values: '0+15x60' },
            { series: heartbeat('1'), values: '0+15x8 _x52' },
            { series: 'up{job="federate",instance="shard-shard-0:9090"}', values: '1x60' },
            { series: 'up{job="federate",instance="shard-shard-1:9090"}', values: '1x8 0x52' },
          ],
          alert_rule_test: [
            { eval_time: '3m', alertname: 'FederatedSeriesStale', exp_alerts: [] },
            { eval_time: '5m', alertname: 'FederatedSeriesStale', exp_alerts: [stale('1')] },
            { eval_time: '14m', alertname: 'FederatedSeriesStale', exp_alerts: [stale('1')] },
            { eval_time: '2m', alertname: 'FederationSourceDown', exp_alerts: [] },
            {
              eval_time: '4m',
              alertname: 'FederationSourceDown',
              exp_alerts: [
                {
                  exp_labels: {
                    severity: 'warning',
                    job: 'federate',
                    instance: 'shard-shard-1:9090',
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    await withTree({ 'meta.yml': yaml.dump(rules), 'test.yml': yaml.dump(unitTest) }, (dir) => {
      const run = runTool('promtool', ['test', 'rules', path.join(dir, 'test.yml')]);
      expect(run.ok, run.output).toBe(true);
    });
  });
});
