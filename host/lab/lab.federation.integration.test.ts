// Federation and meta-monitoring on a real Docker engine, with a geo-style design that is not a
// template: two regions (one of them a region server over two shards) under a global server.
// The global's sum over the regions is one series, and a shard stopped behind its live region
// raises the global's staleness alert. Short intervals keep the waits bounded. In CI a missing
// engine fails; elsewhere the suite skips with the reason. Everything is removed in afterAll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTopology } from '../../shared/design/parse.ts';
import { planLab } from '../../shared/lab/plan.ts';
import { isEdgeUp, type LabStatus } from '../../shared/lab/reports.ts';
import { INSTANCE_LABEL } from '../../shared/lab/types.ts';
import { labContainers } from './docker.ts';
import { down, up, waitForEdges } from './index.ts';
import {
  eventually,
  leftovers,
  queryLabels,
  skipLabTests,
  TEST_IMAGES,
} from './integration-helpers.ts';
import { getJson } from './probe.ts';

const skip = await skipLabTests();
const stateDir = mkdtempSync(path.join(tmpdir(), 'fedstudio-lab-geo-test-'));
const LAB = 'fedstudio-lab-geo';
const SERIES_WAIT_MS = 90_000;
/** The global's threshold is 3 x (5s + 5s + 5s); then one evaluation, and slack for a busy host. */
const STALE_WAIT_MS = 150_000;

const GEO_TEXT = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${LAB} }
defaults: { scrapeInterval: 5s, evaluationInterval: 5s }
groups:
  - { id: north-dc, externalLabels: { region: north } }
  - { id: south-dc, externalLabels: { region: south } }
nodes:
  - id: global
    kind: prometheus
    name: geo-global
    externalLabels: { scope: global }
    recordingRules:
      - { record: "global:node_up:sum", expr: "sum without(region)(region:node_up:sum)" }
  - id: north
    kind: prometheus
    name: geo-north
    group: north-dc
    recordingRules:
      - { record: "region:node_up:sum", expr: "sum(up{job=\\"node\\"})" }
  - { id: north-nodes, kind: targets, name: node-north, group: north-dc, exporter: node-exporter, count: 1 }
  - id: south
    kind: prometheus
    name: geo-south
    group: south-dc
    recordingRules:
      - { record: "region:node_up:sum", expr: "sum(job:node_up:sum)" }
  - id: south-shards
    kind: prometheus
    name: geo-south-scraper
    group: south-dc
    shards: 2
    recordingRules:
      - { record: "job:node_up:sum", expr: "sum without(instance)(up{job=\\"node\\"})" }
  - { id: south-nodes, kind: targets, name: node-south, group: south-dc, exporter: node-exporter, count: 4, labCount: 2 }
  - { id: am, kind: alertmanager, name: geo-am }
edges:
  - { id: north-scrape, kind: scrape, from: north, to: north-nodes, job: node }
  - { id: south-scrape, kind: scrape, from: south-shards, to: south-nodes, job: node }
  - { id: south-shards-fed, kind: federate, from: south, to: south-shards, match: ['{__name__=~"job:.*"}'] }
  - { id: global-north, kind: federate, from: global, to: north, match: ['{__name__=~"region:.*"}'] }
  - { id: global-south, kind: federate, from: global, to: south, match: ['{__name__=~"region:.*"}'] }
  - { id: global-alerts, kind: alerting, from: global, to: am }
`;

function topology() {
  const parsed = parseTopology(GEO_TEXT);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.topology;
}

function baseUrl(s: LabStatus, instance: string): string {
  const url = s.instances.find((i) => i.name === instance)?.url;
  if (!url) throw new Error(`${instance} publishes no URL: ${JSON.stringify(s.instances)}`);
  return new URL(url).origin;
}

const PromAlerts = z.object({
  status: z.literal('success'),
  data: z.object({
    alerts: z.array(z.object({ labels: z.record(z.string(), z.string()), state: z.string() })),
  }),
});

const AmAlerts = z.array(
  z.object({
    labels: z.record(z.string(), z.string()),
    receivers: z.array(z.object({ name: z.string() })),
  }),
);

describe.skipIf(skip)('federation and meta-monitoring on Docker', () => {
  afterAll(async () => {
    await down(LAB, { volumes: true, stateDir }).catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  }, 120_000);

  it('sums the regions into one series, and alerts on a shard stopped behind its live region', async () => {
    const plan = planLab(topology(), { imageOverrides: TEST_IMAGES });
    await up(plan, { stateDir, healthTimeoutMs: 60_000 });
    const s = await waitForEdges(LAB, { stateDir, timeoutMs: SERIES_WAIT_MS });
    for (const e of s.edges) expect(isEdgeUp(e), `${e.id}: ${JSON.stringify(e)}`).toBe(true);
    // One federate job on the global, each region edge counted on its own target of it.
    expect(s.edges.find((e) => e.id === 'global-south')).toMatchObject({ up: 1, down: 0 });
    const global = baseUrl(s, 'geo-global');

    // Both regions' aggregates arrive, told apart by region alone; their sum is one series.
    const regional = await eventually('both regions federated', SERIES_WAIT_MS, async () => {
      const m = await queryLabels(global, 'region:node_up:sum');
      return m.length === 2 ? m : undefined;
    });
    expect(regional.map((m) => m.region).sort()).toEqual(['north', 'south']);
    for (const m of regional) expect(m.job).toBe('federate');
    const sum = await eventually('the global sum recorded', SERIES_WAIT_MS, async () => {
      const m = await queryLabels(global, 'global:node_up:sum');
      return m.length > 0 ? m : undefined;
    });
    expect(sum).toHaveLength(1);

    // The shards' heartbeats reach the global through the region, with their shard label.
    await eventually('both shard heartbeats at the global', SERIES_WAIT_MS, async () => {
      const m = await queryLabels(global, 'federation:heartbeat:time{shard!=""}');
      return m.length === 2 ? m : undefined;
    });

    // The Watchdog reaches the Alertmanager and goes to its own receiver only.
    const am = baseUrl(s, 'geo-am');
    const watchdog = await eventually(
      'the Watchdog at the Alertmanager',
      SERIES_WAIT_MS,
      async () => {
        const alerts = await getJson(`${am}/api/v2/alerts`, AmAlerts);
        return alerts.find((a) => a.labels.alertname === 'Watchdog');
      },
    );
    expect(watchdog.receivers.map((r) => r.name)).toEqual(['watchdog']);

    const docker = new Docker();
    const shard = (await labContainers(docker, LAB)).find(
      (c) => c.Labels?.[INSTANCE_LABEL] === 'geo-south-scraper-shard-1',
    );
    if (!shard) throw new Error('no container for geo-south-scraper-shard-1');
    const stoppedAt = Date.now();
    await docker.getContainer(shard.Id).stop({ t: 2 });

    const stale = await eventually('FederatedSeriesStale for shard 1', STALE_WAIT_MS, async () => {
      const { data } = await getJson(`${global}/api/v1/alerts`, PromAlerts);
      return data.alerts.find(
        (a) => a.labels.alertname === 'FederatedSeriesStale' && a.labels.shard === '1',
      );
    });
    expect(['pending', 'firing']).toContain(stale.state);
    expect(stale.labels.region).toBe('south');
    console.info(
      `staleness alert ${stale.state} ${Math.round((Date.now() - stoppedAt) / 1000)}s after the stop`,
    );
    // The region still answers: the global's own federate targets are all up.
    const { data } = await getJson(`${global}/api/v1/alerts`, PromAlerts);
    expect(data.alerts.filter((a) => a.labels.alertname === 'FederationSourceDown')).toEqual([]);
    expect(
      data.alerts.filter(
        (a) => a.labels.alertname === 'FederatedSeriesStale' && a.labels.shard !== '1',
      ),
    ).toEqual([]);

    await down(LAB, { volumes: true, stateDir });
    expect(await leftovers(LAB)).toEqual([]);
  }, 420_000);
});
