// Federate jobs as the Prometheus federation docs write them: one job per federator and match set,
// every source instance a target, sources told apart by their external labels.
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../templates/load.ts';
import { runTool, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { createContext } from './context.ts';
import { generateExport } from './index.ts';
import { HEARTBEAT_SELECTOR } from './meta-monitoring.ts';
import { federateGroups } from '../graph/jobs.ts';
import { jobNamesByEdge } from '../graph/jobs.ts';

type Job = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function topology(text: string): Topology {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.topology;
}

function jobsOf(t: Topology, instance: string): Job[] {
  const text = generateExport(t).files[`prometheus/${instance}/prometheus.yml`];
  if (text === undefined) throw new Error(`no config for ${instance}`);
  return (yaml.load(text) as { scrape_configs: Job[] }).scrape_configs;
}

const federateJobsOf = (t: Topology, instance: string) =>
  jobsOf(t, instance).filter((j) => j.metrics_path === '/federate');

const HEAD = 'apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: fed }\n';
const JOB = `'{__name__=~"job:.*"}'`;
const REGION = `'{__name__=~"region:.*"}'`;

const GEO = topology(`${HEAD}nodes:
  - { id: global, kind: prometheus, name: global, replicas: 2 }
  - { id: eu, kind: prometheus, name: eu, externalLabels: { region: eu } }
  - { id: us, kind: prometheus, name: us, replicas: 2, externalLabels: { region: us } }
  - { id: ap, kind: prometheus, name: ap, shards: 2, externalLabels: { region: ap } }
  - { id: raw, kind: prometheus, name: raw, externalLabels: { region: raw } }
  - { id: slow, kind: prometheus, name: slow, externalLabels: { region: slow } }
edges:
  - { id: f-eu, kind: federate, from: global, to: eu, match: [${JOB}, ${REGION}] }
  - { id: f-us, kind: federate, from: global, to: us, match: [${REGION}, ${JOB}] }
  - { id: f-ap, kind: federate, from: global, to: ap, match: [${JOB}, ${REGION}] }
  - { id: f-raw, kind: federate, from: global, to: raw, match: ['{job="node"}'] }
  - { id: f-slow, kind: federate, from: global, to: slow, match: [${JOB}, ${REGION}], interval: 1m }
`);

describe('federate jobs', () => {
  const jobs = federateJobsOf(GEO, 'global-0');

  it('makes one job of the edges with the same selectors (in any order), interval and options', () => {
    expect(jobs.map((j) => j.job_name)).toEqual(['federate', 'federate-2', 'federate-3']);
    expect(jobs[0]).toEqual({
      job_name: 'federate',
      honor_labels: true,
      metrics_path: '/federate',
      params: {
        'match[]': ['{__name__=~"job:.*"}', '{__name__=~"region:.*"}', HEARTBEAT_SELECTOR],
      },
      // Both replicas of an HA source and every shard of a sharded one: each is a server whose
      // series differ by their `replica` or `shard` external label.
      static_configs: [
        { targets: ['eu:9090', 'us-0:9090', 'us-1:9090', 'ap-shard-0:9090', 'ap-shard-1:9090'] },
      ],
    });
    expect(jobs[1]?.static_configs).toEqual([{ targets: ['raw:9090'] }]);
    expect(jobs[2]).toMatchObject({
      scrape_interval: '1m',
      static_configs: [{ targets: ['slow:9090'] }],
    });
  });

  it('gives every replica of the federator the same jobs', () => {
    expect(federateJobsOf(GEO, 'global-1')).toEqual(jobs);
  });

  it('names no source in a job: a series whose job was aggregated away gets the one job name', () => {
    for (const j of jobs) {
      expect(j.job_name).toMatch(/^federate(-\d+)?$/);
      expect(j.relabel_configs).toBeUndefined();
    }
  });

  it('maps each edge to the job it is part of, for the lab and the validator', () => {
    const ctx = createContext(GEO);
    const global = ctx.nodesOfKind('prometheus').find((n) => n.id === 'global');
    if (!global) throw new Error('no global');
    const names = Object.fromEntries(
      [...jobNamesByEdge(ctx, global)].map(([edge, claimed]) => [edge, claimed.jobName]),
    );
    expect(names).toEqual({
      'f-eu': 'federate',
      'f-us': 'federate',
      'f-ap': 'federate',
      'f-raw': 'federate-2',
      'f-slow': 'federate-3',
    });
    expect(federateGroups(ctx, global).map((g) => g.edges.map((e) => e.id))).toEqual([
      ['f-eu', 'f-us', 'f-ap'],
      ['f-raw'],
      ['f-slow'],
    ]);
  });

  it('keeps honor_labels: false apart, so it does not change the other sources', () => {
    const t = topology(`${HEAD}nodes:
  - { id: g, kind: prometheus, name: g }
  - { id: a, kind: prometheus, name: a, externalLabels: { dc: a } }
  - { id: b, kind: prometheus, name: b, externalLabels: { dc: b } }
edges:
  - { id: fa, kind: federate, from: g, to: a, match: [${JOB}] }
  - { id: fb, kind: federate, from: g, to: b, match: [${JOB}], honorLabels: false }
`);
    expect(federateJobsOf(t, 'g').map((j) => [j.job_name, j.honor_labels])).toEqual([
      ['federate', true],
      ['federate-2', false],
    ]);
  });

  it('adds no heartbeat selector with defaults.metaMonitoring: false', () => {
    const off = { ...GEO, defaults: { metaMonitoring: false } };
    expect(federateJobsOf(off, 'global-0')[0]?.params).toEqual({
      'match[]': ['{__name__=~"job:.*"}', '{__name__=~"region:.*"}'],
    });
  });
});

describe.each(loadTemplates())('template $id', ({ topology: t }) => {
  it('has one federate job per federator and match set, listing every source', () => {
    const ctx = createContext(t);
    for (const node of ctx.nodesOfKind('prometheus')) {
      const groups = federateGroups(ctx, node);
      for (const instance of ctx.instances(node)) {
        const jobs = federateJobsOf(t, instance.name);
        expect(jobs).toHaveLength(groups.length);
        jobs.forEach((j, i) => {
          const sources = (groups[i]?.edges ?? []).flatMap((e) =>
            ctx.instances(e.to).map((s) => `${s.name}:9090`),
          );
          expect(j.static_configs).toEqual([{ targets: sources }]);
        });
      }
    }
  });
});

/**
 * The geo template's global rules on the series as federation delivers them: each source's
 * region: series with the federate job's name as `job` (they have none of their own) and the
 * source's external labels. promtool evaluates the rules the export wrote: one series.
 */
describe.skipIf(skipWithoutTool('promtool'))(
  'geo-federation template, by promtool test rules',
  () => {
    it("sums the regions' series into one global series per service", async () => {
      const geo = loadTemplates().find((x) => x.id === 'geo-federation')?.topology;
      if (!geo) throw new Error('no geo-federation template');
      const ctx = createContext(geo);
      const global = ctx.nodesOfKind('prometheus').find((n) => n.id === 'global');
      if (!global) throw new Error('no global node');
      const jobs = jobNamesByEdge(ctx, global);
      const files = generateExport(geo).files;
      const series = ctx.outgoing(global.id, 'federate').flatMap((e) => {
        const source = ctx.node(e.to);
        const labels = {
          ...ctx.externalLabels(source, ctx.instances(source)[0]),
          job: jobs.get(e.id)?.jobName ?? '',
          service: 'checkout',
        };
        const selector = Object.entries(labels)
          .map(([k, v]) => `${k}="${v}"`)
          .join(',');
        return ['region:api_requests:rate5m', 'region:api_errors:rate5m'].map((m) => ({
          series: `${m}{${selector}}`,
          values: '1x10',
        }));
      });
      const unitTest = {
        rule_files: ['recording.yml'],
        evaluation_interval: '15s',
        tests: [
          {
            interval: '15s',
            input_series: series,
            promql_expr_test: ['global:api_requests:rate5m', 'global:api_errors:rate5m'].map(
              (expr) => ({
                expr,
                eval_time: '1m',
                exp_samples: [
                  {
                    labels: `${expr}{cluster="production",job="federate",service="checkout"}`,
                    value: 3,
                  },
                ],
              }),
            ),
          },
        ],
      };
      await withTree(
        {
          'recording.yml': files['prometheus/prometheus-global-0/rules/recording.yml'] ?? '',
          'test.yml': yaml.dump(unitTest),
        },
        (dir) => {
          const run = runTool('promtool', ['test', 'rules', path.join(dir, 'test.yml')]);
          expect(run.ok, run.output).toBe(true);
        },
      );
    });
  },
);
