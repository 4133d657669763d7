// The lab on a real Docker engine with discovery it cannot reach, a probe and external targets:
// it substitutes its own exporters, its blackbox exporter probes, the external edge is reported
// and not waited for. Containers are labelled with the lab and removed in afterAll.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planLab } from '../../shared/lab/plan.ts';
import { isEdgeUp } from '../../shared/lab/reports.ts';
import { parseTopology } from '../../shared/design/parse.ts';
import { down, up, waitForEdges } from './index.ts';
import { leftovers, skipLabTests, TEST_IMAGES } from './integration-helpers.ts';

const skip = await skipLabTests();
const stateDir = mkdtempSync(path.join(tmpdir(), 'fedstudio-lab-discovery-'));
const NAME = 'fedstudio-lab-discovery';

const TEXT = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${NAME} }
defaults: { scrapeInterval: 5s }
nodes:
  - { id: p, kind: prometheus, name: prom }
  - id: nodes
    kind: targets
    name: node
    labCount: 2
    discovery: { type: kubernetes, role: pod, annotationOptIn: true }
    scheme: https
    tls: { ca: tls/ca.pem }
  - { id: sites, kind: targets, name: sites, exporter: blackbox }
  - { id: app, kind: targets, name: app, exporter: custom, addresses: ['10.255.255.1:8080'] }
edges:
  - { id: s-nodes, kind: scrape, from: p, to: nodes }
  - { id: s-sites, kind: scrape, from: p, to: sites }
  - { id: s-app, kind: scrape, from: p, to: app }
`;

describe.skipIf(skip)('lab on Docker: discovery, probes and external targets', () => {
  afterAll(async () => {
    await down(NAME, { volumes: true, stateDir }).catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
    expect(await leftovers(NAME)).toEqual([]);
  }, 120_000);

  it('stands in for discovered targets, probes through its blackbox exporter and does not wait for external ones', async () => {
    const parsed = parseTopology(TEXT);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const plan = planLab(parsed.topology, { imageOverrides: TEST_IMAGES });
    expect(plan.differences.map((d) => d.job).sort()).toEqual(['node', 'sites']);
    await up(plan, { stateDir, healthTimeoutMs: 60_000 });
    const s = await waitForEdges(NAME, { stateDir, timeoutMs: 90_000 });
    const edge = (id: string) => s.edges.find((e) => e.id === id);
    expect(isEdgeUp(edge('s-nodes')!), JSON.stringify(edge('s-nodes'))).toBe(true);
    expect(edge('s-nodes')?.up).toBe(2);
    expect(isEdgeUp(edge('s-sites')!), JSON.stringify(edge('s-sites'))).toBe(true);
    expect(edge('s-app')).toMatchObject({ external: true });
    expect(isEdgeUp(edge('s-app')!)).toBe(false);
    expect(s.differences?.length).toBe(plan.differences.length);
  }, 240_000);
});
