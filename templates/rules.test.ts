// The templates are clean against RULES.md: until the validator exists these checks restate its
// rules by hand, and promtool judges every rule expression. A finding a template accepts on
// purpose must be listed in the node's or edge's `suppress`, with notes saying why.
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { EXPORTER_SPECS } from '../shared/catalog/node-kinds.ts';
import { instancesOf, replicasOf, shardsOf } from '../shared/model/instances.ts';
import { effectiveExternalLabels, groupsById } from '../shared/model/labels.ts';
import { durationMs } from '../shared/model/primitives.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../shared/model/schema.ts';
import { promtoolCheckRules, skipWithoutTool, withTree } from '../test-support/tools.ts';
import { loadTemplates } from './load.ts';

const templates = loadTemplates();

const accepts = (x: TopologyNode | TopologyEdge, rule: string) => (x.suppress ?? []).includes(rule);
const edges = (t: Topology, kind: TopologyEdge['kind']) =>
  (t.edges ?? []).filter((e) => e.kind === kind);
const nodeById = (t: Topology, id: string): TopologyNode => {
  const n = t.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const LEVEL_METRIC_OPS = /^[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_]+$/;
/** A recording-rule level, and nothing wider: `{__name__=~"job:.*"}`. */
const AGGREGATE_SELECTOR = /^\{__name__=~"\^?[a-z][a-z_]*:\.\*"\}$/;
const PROMETHEUS_DEFAULT_INTERVAL = '1m';

describe.each(templates)('template $id against RULES.md', ({ topology: t }) => {
  const groups = groupsById(t);

  it('federates only recording-rule aggregates, with honor_labels, at most every minute', () => {
    for (const e of edges(t, 'federate')) {
      if (e.kind !== 'federate') continue;
      for (const m of e.match)
        expect(m, `${e.id} fed-match-everything`).toMatch(AGGREGATE_SELECTOR);
      expect(e.honorLabels, `${e.id} fed-honor-labels`).not.toBe(false);
      expect(durationMs(e.interval ?? '1m'), `${e.id} fed-interval`).toBeLessThan(120_000);
    }
  });

  it('gives every federated source unique, non-empty external labels', () => {
    const federators = new Set(edges(t, 'federate').map((e) => e.from));
    for (const f of federators) {
      const seen = new Set<string>();
      for (const e of edges(t, 'federate').filter((x) => x.from === f)) {
        const source = nodeById(t, e.to);
        for (const inst of instancesOf(source)) {
          const labels = effectiveExternalLabels(source, inst, groups);
          expect(
            Object.keys(labels).length,
            `${inst.name} fed-external-labels-missing`,
          ).toBeGreaterThan(0);
          const key = JSON.stringify(Object.entries(labels).sort());
          expect(seen.has(key), `${inst.name} fed-external-labels-clash`).toBe(false);
          seen.add(key);
        }
        expect(replicasOf(source), `${source.id} fed-ha-duplicates`).toBe(1);
      }
      const sources = new Set(
        edges(t, 'federate')
          .filter((x) => x.from === f)
          .map((x) => x.to),
      );
      const federator = nodeById(t, f);
      if (sources.size >= 2 && !accepts(federator, 'global-single'))
        expect(replicasOf(federator), `${f} global-single`).toBeGreaterThanOrEqual(2);
      // alert-too-high: alerts belong on the servers that scrape the targets.
      expect(federator.kind === 'prometheus' && federator.alertRules, f).toBeFalsy();
    }
  });

  it('sends every alert rule to a replicated Alertmanager with receivers', () => {
    for (const n of t.nodes) {
      if (n.kind !== 'prometheus' || !n.alertRules?.length) continue;
      expect(
        edges(t, 'alerting').some((e) => e.from === n.id),
        `${n.id} alert-no-alertmanager`,
      ).toBe(true);
    }
    for (const am of t.nodes.filter((n) => n.kind === 'alertmanager')) {
      if (am.kind !== 'alertmanager') continue;
      expect(am.receivers?.length ?? 0, `${am.id} am-no-receivers`).toBeGreaterThan(0);
      if (accepts(am, 'am-single')) expect(am.notes, `${am.id} says why`).toBeTruthy();
      else expect(replicasOf(am), `${am.id} am-single`).toBeGreaterThanOrEqual(2);
    }
  });

  it('names recording rules level:metric:operations and sets no external label in rules', () => {
    for (const n of t.nodes) {
      if (n.kind !== 'prometheus') continue;
      const external = new Set(
        instancesOf(n).flatMap((i) => Object.keys(effectiveExternalLabels(n, i, groups))),
      );
      for (const r of n.recordingRules ?? []) {
        expect(r.record, `${n.id} rule-name-convention`).toMatch(LEVEL_METRIC_OPS);
      }
      for (const r of [...(n.recordingRules ?? []), ...(n.alertRules ?? [])]) {
        for (const l of Object.keys(r.labels ?? {}))
          expect(external.has(l), `${n.id} rule-labels-clash-external ${l}`).toBe(false);
      }
    }
  });

  it('keeps scrape timeouts below intervals and intervals at most 2m', () => {
    for (const e of [...edges(t, 'scrape'), ...edges(t, 'federate')]) {
      if (e.kind !== 'scrape' && e.kind !== 'federate') continue;
      const from = nodeById(t, e.from);
      const interval =
        e.interval ??
        (from.kind === 'prometheus' ? from.scrapeInterval : undefined) ??
        t.defaults?.scrapeInterval ??
        PROMETHEUS_DEFAULT_INTERVAL;
      expect(durationMs(interval), `${e.id} scrape-interval-long`).toBeLessThanOrEqual(120_000);
      const timeout = e.timeout ?? t.defaults?.scrapeTimeout;
      if (timeout !== undefined)
        expect(durationMs(timeout), `${e.id} scrape-timeout-gt-interval`).toBeLessThanOrEqual(
          durationMs(interval),
        );
    }
  });

  it('scrapes every targets node exactly once and within capacity', () => {
    for (const n of t.nodes.filter((x) => x.kind === 'targets')) {
      const scrapers = edges(t, 'scrape').filter((e) => e.to === n.id);
      expect(scrapers.length, `${n.id} targets-unscraped / shard-double-scrape`).toBe(1);
    }
    for (const p of t.nodes.filter((x) => x.kind === 'prometheus')) {
      let targets = 0;
      let series = 0;
      for (const e of edges(t, 'scrape').filter((x) => x.from === p.id)) {
        const to = nodeById(t, e.to);
        if (to.kind !== 'targets') continue;
        const perShard = Math.ceil((to.count ?? 1) / shardsOf(p));
        targets += perShard;
        series += perShard * EXPORTER_SPECS[to.exporter ?? 'custom'].seriesPerTarget;
      }
      expect(targets, `${p.id} cap-targets`).toBeLessThanOrEqual(10_000);
      expect(series, `${p.id} cap-series`).toBeLessThanOrEqual(5_000_000);
    }
  });

  it('connects every node', () => {
    for (const n of t.nodes) {
      const linked = (t.edges ?? []).some((e) => e.from === n.id || e.to === n.id);
      expect(linked, `${n.id} node-isolated`).toBe(true);
    }
  });

  it('gives Grafana data sources, a shared database when replicated, and whole views', () => {
    for (const g of t.nodes.filter((n) => n.kind === 'grafana')) {
      const ds = edges(t, 'datasource').filter((e) => e.from === g.id);
      expect(ds.length, `${g.id} grafana-no-datasource`).toBeGreaterThan(0);
      for (const e of ds) {
        const to = nodeById(t, e.to);
        expect(shardsOf(to), `${e.id} grafana-datasource-partial`).toBe(1);
        if (to.kind === 'grafana') {
          expect(e.kind === 'datasource' && e.token, `${e.id} grafana-chain-auth`).toBeTruthy();
          const onward = edges(t, 'datasource').filter(
            (x) => x.from === to.id && nodeById(t, x.to).kind === 'grafana',
          );
          expect(onward, `${e.id} grafana-chain-depth`).toHaveLength(0);
        }
      }
      if (replicasOf(g) > 1) {
        const db = edges(t, 'backend').filter(
          (e) => e.from === g.id && ['postgres', 'mysql'].includes(nodeById(t, e.to).kind),
        );
        expect(db.length, `${g.id} grafana-ha-sqlite`).toBeGreaterThan(0);
      }
    }
  });

  it('runs one compactor per bucket and connects every sidecar to the object store', () => {
    for (const n of t.nodes) {
      if (n.kind === 'thanos-compactor')
        expect(replicasOf(n), `${n.id} thanos-compactor-singleton`).toBe(1);
      if (n.kind === 'prometheus' && n.thanosSidecar)
        expect(
          edges(t, 'objstore').some((e) => e.from === n.id),
          `${n.id} thanos-sidecar-objstore`,
        ).toBe(true);
    }
    for (const store of t.nodes.filter((n) => n.kind === 'object-store')) {
      const compactors = edges(t, 'objstore')
        .filter((e) => e.to === store.id && nodeById(t, e.from).kind === 'thanos-compactor')
        .reduce((sum, e) => sum + replicasOf(nodeById(t, e.from)), 0);
      expect(compactors, `${store.id} thanos-compactor-singleton`).toBeLessThanOrEqual(1);
    }
  });
});

/** The rule file promtool would see for each Prometheus node of a template that has rules. */
function ruleFiles(t: Topology): Record<string, string> {
  const files: Record<string, string> = {};
  for (const n of t.nodes) {
    if (n.kind !== 'prometheus' || !(n.recordingRules?.length || n.alertRules?.length)) continue;
    const rules = [
      ...(n.recordingRules ?? []).map((r) => ({ ...r })),
      ...(n.alertRules ?? []).map(({ keepFiringFor, ...r }) => ({
        ...r,
        ...(keepFiringFor ? { keep_firing_for: keepFiringFor } : {}),
      })),
    ];
    files[`${n.name}.rules.yml`] = yaml.dump(
      { groups: [{ name: n.name, rules }] },
      { lineWidth: -1, noRefs: true },
    );
  }
  return files;
}

describe.skipIf(skipWithoutTool('promtool'))('template rules under promtool', () => {
  it.each(templates.filter((x) => Object.keys(ruleFiles(x.topology)).length > 0))(
    '$id: every expression parses (rule-invalid-promql)',
    async ({ topology }) => {
      const files = ruleFiles(topology);
      await withTree(files, (dir) => {
        for (const f of Object.keys(files)) {
          const run = promtoolCheckRules(path.join(dir, f));
          expect(run.ok, `${f}: ${run.output}`).toBe(true);
          expect(run.output, f).toMatch(/SUCCESS/);
        }
      });
    },
  );
});
