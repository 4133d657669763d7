// The errors a lab user meets, each explained and leaving nothing behind: Docker not
// reachable, an image that cannot be had, a container that exits at start, a port already taken.
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTopology } from '../../shared/design/parse.ts';
import { planLab } from '../../shared/lab/plan.ts';
import type { LabEvent } from '../../shared/lab/reports.ts';
import { down, LabError, up } from './index.ts';
import { leftovers, skipLabTests, TEST_IMAGES } from './integration-helpers.ts';
import { PortPicker } from './ports.ts';

const LAB = 'fedstudio-lab-errors';
const stateDir = mkdtempSync(path.join(tmpdir(), 'fedstudio-lab-errors-'));

const parsed = parseTopology(`apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${LAB} }
nodes:
  - { id: prom, kind: prometheus, name: prom }
  - { id: nodes, kind: targets, name: node, exporter: node-exporter, count: 1 }
edges:
  - { id: s, kind: scrape, from: prom, to: nodes }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const design = parsed.topology;

async function failure(p: Promise<unknown>): Promise<LabError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LabError) return e;
    throw e;
  }
  throw new Error('expected the lab to fail');
}

describe('lab errors without Docker', () => {
  it('says Docker is not running when nothing answers', async () => {
    const e = await failure(
      up(planLab(design), {
        stateDir,
        docker: new Docker({ socketPath: path.join(stateDir, 'no.sock') }),
      }),
    );
    expect(e.code).toBe('docker-unreachable');
    expect(e.message).toMatch(/Docker is not running or not reachable/);
  });

  it('chooses another host port when the preferred one is taken', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, r));
    const taken = (server.address() as net.AddressInfo).port;
    try {
      const picker = new PortPicker();
      const port = await picker.pick(taken);
      expect(port).toBeGreaterThan(taken);
      expect(await picker.pick(taken)).toBeGreaterThan(port);
    } finally {
      server.close();
    }
  });
});

const skip = await skipLabTests();

describe.skipIf(skip)('lab errors on Docker', () => {
  afterAll(async () => {
    await down(LAB, { volumes: true, stateDir }).catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  }, 60_000);

  it('names a missing image and how to override it, and creates nothing', async () => {
    const events: LabEvent[] = [];
    const plan = planLab(design, {
      imageOverrides: {
        ...TEST_IMAGES,
        FEDSTUDIO_IMAGE_NODE_EXPORTER: 'fedstudio-test/absent:none',
      },
    });
    const e = await failure(up(plan, { stateDir, onProgress: (ev) => events.push(ev) }));
    expect(e.code).toBe('image-missing');
    expect(e.message).toContain('fedstudio-test/absent:none');
    expect(e.message).toContain('FEDSTUDIO_IMAGE_NODE_EXPORTER');
    expect(e.message).toContain('images.node-exporter');
    expect(events.some((ev) => ev.type === 'pull')).toBe(true);
    expect(await leftovers(LAB)).toEqual([]);
  }, 60_000);

  it('reports a container that exits at start with its last log lines, and removes what it made', async () => {
    // Alertmanager's binary rejects Prometheus's flags and exits at once.
    const plan = planLab(design, {
      imageOverrides: {
        ...TEST_IMAGES,
        FEDSTUDIO_IMAGE_PROMETHEUS: TEST_IMAGES.FEDSTUDIO_IMAGE_ALERTMANAGER,
      },
    });
    const e = await failure(up(plan, { stateDir, healthTimeoutMs: 30_000 }));
    expect(e.code).toBe('container-exited');
    expect(e.instance).toBe('prom');
    expect(e.message).toMatch(/prom exited at start/);
    expect(e.message).toMatch(/storage\.tsdb|flag/);
    expect(await leftovers(LAB)).toEqual([]);
  }, 60_000);

  it('gives up on a container that never turns healthy, within the bound', async () => {
    // node exporter answers on 9100, not on Prometheus's port, so /-/ready never answers.
    const plan = planLab(design, { imageOverrides: TEST_IMAGES });
    const prom = plan.containers.find((c) => c.instance === 'prom');
    if (!prom) throw new Error('no prom');
    prom.image = TEST_IMAGES.FEDSTUDIO_IMAGE_NODE_EXPORTER as string;
    prom.command = ['--web.listen-address=:9100'];
    const started = Date.now();
    const e = await failure(up(plan, { stateDir, healthTimeoutMs: 3_000 }));
    expect(e.code).toBe('health-timeout');
    expect(e.message).toMatch(/prom did not become healthy within 3s/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await leftovers(LAB)).toEqual([]);
  }, 60_000);
});
