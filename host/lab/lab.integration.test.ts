// The lab on a real Docker engine: template (a) and a design with a sharded leaf and a
// replicated Alertmanager, on the local test images (scripts/lab-test-images.sh). In CI a missing
// engine fails; elsewhere the suite skips with the reason. Everything is removed in afterAll.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fedstudio } from '../../test-support/cli.ts';
import { parseTopology } from '../../shared/design/parse.ts';
import { planLab } from '../../shared/lab/plan.ts';
import { isEdgeUp, type LabStatus } from '../../shared/lab/reports.ts';
import { down, status, up, waitForEdges } from './index.ts';
import {
  alertmanagerPeers,
  eventually,
  leftovers,
  queryLabels,
  skipLabTests,
  TEST_IMAGES,
} from './integration-helpers.ts';

const skip = await skipLabTests();
const stateDir = mkdtempSync(path.join(tmpdir(), 'fedstudio-lab-test-'));
const SERIES_WAIT_MS = 90_000;

function topology(text: string) {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.topology;
}

// Template (a) holds no kind these machines cannot run (no Grafana), so it is used as it is.
const DC_FILE = 'templates/dc-federation.topology.yaml';
const SHARDED_TEXT = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: fedstudio-lab-sharded }
defaults: { scrapeInterval: 5s, evaluationInterval: 5s }
nodes:
  - id: leaf
    kind: prometheus
    name: prom-leaf
    shards: 2
    externalLabels: { datacenter: lab-dc }
    recordingRules:
      - { record: "job:up:sum", expr: "sum without(instance)(up{job=\\"node\\"})" }
  - { id: nodes, kind: targets, name: node, exporter: node-exporter, count: 40, labCount: 4 }
  - { id: global, kind: prometheus, name: prom-global, externalLabels: { datacenter: global } }
  - { id: am, kind: alertmanager, name: am, replicas: 3 }
edges:
  - { id: scrape-nodes, kind: scrape, from: leaf, to: nodes, job: node }
  - { id: federate-leaf, kind: federate, from: global, to: leaf, match: ['{__name__=~"job:.*"}'] }
  - { id: alerts, kind: alerting, from: leaf, to: am }
`;

const labs = [
  { name: 'dc-federation', topology: () => topology(readFileSync(DC_FILE, 'utf8')) },
  { name: 'fedstudio-lab-sharded', topology: () => topology(SHARDED_TEXT) },
];

function baseUrl(s: LabStatus, instance: string): string {
  const url = s.instances.find((i) => i.name === instance)?.url;
  if (!url) throw new Error(`${instance} publishes no URL: ${JSON.stringify(s.instances)}`);
  return new URL(url).origin;
}

async function launch(t: ReturnType<typeof topology>): Promise<LabStatus> {
  const plan = planLab(t, { imageOverrides: TEST_IMAGES });
  await up(plan, { stateDir, healthTimeoutMs: 60_000 });
  const s = await waitForEdges(plan.name, { stateDir, timeoutMs: SERIES_WAIT_MS });
  expect(s.edges.length).toBeGreaterThan(0);
  for (const e of s.edges) expect(isEdgeUp(e), `${e.id}: ${JSON.stringify(e)}`).toBe(true);
  for (const i of s.instances)
    expect([i.name, i.state, i.health]).toEqual([i.name, 'running', 'healthy']);
  return s;
}

async function seriesLabels(
  base: string,
  query: string,
  want: (m: Record<string, string>[]) => boolean,
) {
  return eventually(`the global server answering ${query}`, SERIES_WAIT_MS, async () => {
    const metrics = await queryLabels(base, query);
    return want(metrics) ? metrics : undefined;
  });
}

describe.skipIf(skip)('lab on Docker', () => {
  const env = { ...process.env };
  beforeAll(() => {
    // For the one run of the built CLI: the same images and state folder as the runner here.
    Object.assign(process.env, TEST_IMAGES, { FEDSTUDIO_STATE_DIR: stateDir });
  });
  afterAll(async () => {
    for (const lab of labs)
      await down(lab.name, { volumes: true, stateDir }).catch(() => undefined);
    process.env = env;
    rmSync(stateDir, { recursive: true, force: true });
  }, 120_000);

  it("runs template (a): every edge up, the leaves' series federated, the Alertmanager pair clustered", async () => {
    const s = await launch(labs[0]!.topology());
    expect(s.edges.map((e) => e.id).sort()).toEqual([
      'eu-scrape',
      'global-eu',
      'global-us',
      'us-scrape',
    ]);
    for (const global of ['prometheus-global-0', 'prometheus-global-1']) {
      const metrics = await seriesLabels(baseUrl(s, global), 'job:node_memory_MemTotal:sum', (m) =>
        ['eu-west-1', 'us-east-1'].every((dc) => m.some((x) => x.datacenter === dc)),
      );
      expect(metrics.map((m) => m.datacenter).sort()).toEqual(['eu-west-1', 'us-east-1']);
    }
    expect(await alertmanagerPeers(baseUrl(s, 'alertmanager-0'))).toBe(2);

    // The CLI reads the same lab through the same runner.
    const cli = fedstudio(['lab', 'status', DC_FILE, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const json = JSON.parse(cli.stdout) as {
      instances: {
        node: string;
        name: string;
        state: string;
        health: string;
        url: string | null;
      }[];
      edges: { id: string; up: number; down: number; lastError: string | null }[];
    };
    expect(json.instances).toHaveLength(12);
    expect(Object.keys(json.instances[0] ?? {}).sort()).toEqual([
      'health',
      'name',
      'node',
      'state',
      'url',
    ]);
    for (const e of json.edges) expect(e.down, JSON.stringify(e)).toBe(0);

    await down('dc-federation', { volumes: true, stateDir });
    expect(await leftovers('dc-federation')).toEqual([]);
    // Idempotent: a second down finds nothing and fails on nothing.
    expect(await down('dc-federation', { volumes: true, stateDir })).toEqual({
      containers: 0,
      networks: 0,
      volumes: 0,
    });
  }, 300_000);

  it('runs a sharded leaf and a replicated Alertmanager, and recreates only what a change touches', async () => {
    const t = labs[1]!.topology();
    const s = await launch(t);
    const edges = Object.fromEntries(s.edges.map((e) => [e.id, e]));
    // Each shard keeps its hashmod part of the four exporters; together they scrape all four.
    expect(edges['scrape-nodes']).toMatchObject({ up: 4, down: 0 });
    expect(edges['federate-leaf']).toMatchObject({ up: 2, down: 0 });
    const metrics = await seriesLabels(baseUrl(s, 'prom-global'), 'job:up:sum', (m) =>
      ['0', '1'].every((shard) => m.some((x) => x.shard === shard)),
    );
    for (const m of metrics) expect(m.datacenter).toBe('lab-dc');
    expect(metrics.map((m) => m.shard).sort()).toEqual(['0', '1']);
    for (const am of ['am-0', 'am-1', 'am-2']) {
      const peers = await eventually(`${am} seeing 3 peers`, 60_000, async () => {
        const n = await alertmanagerPeers(baseUrl(s, am));
        return n === 3 ? n : undefined;
      });
      expect(peers).toBe(3);
    }

    const changed = structuredClone(t);
    const global = changed.nodes.find((n) => n.id === 'global');
    if (global?.kind !== 'prometheus') throw new Error('no global node');
    global.retention = '2d';
    const again = await up(planLab(changed, { imageOverrides: TEST_IMAGES }), { stateDir });
    expect(again.created).toEqual(['prom-global']);
    expect(again.kept).toHaveLength(9);
    expect((await status('fedstudio-lab-sharded', { stateDir })).instances).toHaveLength(10);

    await down('fedstudio-lab-sharded', { volumes: true, stateDir });
    expect(await leftovers('fedstudio-lab-sharded')).toEqual([]);
  }, 300_000);
});
