// Heavy design work runs off the host's event loop under limits: a 10,000-node export does not
// hold up the host's small calls, and a design over the time or memory limit is stopped with a
// clear error while the host goes on answering.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bigFederation } from '../../bench/designs.ts';
import { serializeTopology } from '../../shared/model/serialize.ts';
import { AppState } from './app-state.ts';
import { HostError } from './host-errors.ts';
import type { LabRunner } from './host-lab.ts';
import { createHostServices, type HostServicesOptions } from './host-services.ts';
import { LONE_PROMETHEUS } from './test-designs.ts';

const SMALL = LONE_PROMETHEUS;
/** 100 datacenters of 10 Prometheus servers with 10 target groups each: 11,002 nodes. */
const BIG = serializeTopology(bigFederation(100, 10, 10));

const idleRunner: LabRunner = {
  up: async () => undefined,
  status: async (name) => ({ name, instances: [], edges: [] }),
  down: async () => ({ containers: 0, networks: 0, volumes: 0 }),
  logs: async () => null,
};

let base: string;
let workspace: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-heavy-'));
  workspace = path.join(base, 'ws');
  await mkdir(workspace);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const hostWith = (designWork?: HostServicesOptions['designWork']) =>
  createHostServices({
    kind: 'web',
    workspace,
    state: new AppState(path.join(base, 'state')),
    lab: idleRunner,
    ...(designWork ? { designWork } : {}),
  });

async function refusal(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe('host services: heavy design work', () => {
  it('answers small calls promptly while a 10,000-node design exports', async () => {
    const host = hostWith();
    await host.exportConfigs({ text: SMALL, outDir: 'warm' }); // the worker is up
    let exporting = true;
    const started = performance.now();
    const exported = host.exportConfigs({ text: BIG, outDir: 'big' }).finally(() => {
      exporting = false;
    });
    const times: number[] = [];
    // The export's `finally` clears `exporting`, out of the compiler's sight.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    while (exporting) {
      const t0 = performance.now();
      await host.hostInfo({});
      await host.listTemplates({});
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await exported;
    const took = performance.now() - started;
    expect(result?.written).toBeGreaterThan(3000);
    times.sort((a, b) => a - b);
    // Small calls all through the export answered at once, and none waited for the export's
    // seconds of work (the slowest allows for a machine busy with other tests, and for the files
    // being written on the host's side).
    expect(times.length).toBeGreaterThan(20);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(50);
    expect(times.at(-1)).toBeLessThan(took / 4);
  });

  it('stops an export over the time limit with a clear error, and the next export works', async () => {
    // Far below the big export (seconds), far above a small one in a fresh worker.
    const host = hostWith({ timeoutMs: 400 });
    const e = await refusal(host.exportConfigs({ text: BIG, outDir: 'big' }));
    expect(e.code).toBe('refused');
    expect(e.message).toBe('the design took longer than 0.4 s to export; it was stopped');
    const info = await host.hostInfo({});
    expect(info.kind).toBe('web');
    const again = await host.exportConfigs({ text: SMALL, outDir: 'small' });
    expect(again?.written).toBeGreaterThan(0);
  });

  it('stops an export over the memory limit with a clear error', async () => {
    // Far below what the big export holds, above what a small one needs in a fresh worker.
    const host = hostWith({ maxMemoryMb: 24 });
    const e = await refusal(host.exportConfigs({ text: BIG, outDir: 'big' }));
    expect(e.code).toBe('refused');
    expect(e.message).toBe('the design needed more than 24 MB of memory to export; it was stopped');
    expect((await host.exportConfigs({ text: SMALL, outDir: 'small' }))?.written).toBeGreaterThan(
      0,
    );
  });

  it('stops a lab launch whose planning is over the time limit, and launches the next', async () => {
    const host = hostWith({ timeoutMs: 400 });
    const e = await refusal(host.labUp({ text: BIG }));
    expect(e.message).toBe('the design took longer than 0.4 s to plan as a lab; it was stopped');
    expect((await host.labProgress({ since: 0 })).running).toBe(false);
    expect(await host.labUp({ text: SMALL })).toMatchObject({ started: true, name: 'small' });
  });

  it('checks a design before saving it in the worker too, with file:line:column errors', async () => {
    const host = hostWith({ timeoutMs: 50 });
    const e = await refusal(host.saveDesign({ path: 'x.topology.yaml', text: BIG }));
    expect(e.message).toBe('the design took longer than 0.05 s to check; it was stopped');
    // A small design's errors, from a host with room to check it.
    const roomy = hostWith({ timeoutMs: 60_000 });
    const invalid = await refusal(
      roomy.saveDesign({ path: 'x.topology.yaml', text: SMALL.replace('prometheus', 'prometeus') }),
    );
    expect(invalid.code).toBe('design-invalid');
    expect(invalid.details?.[0]).toMatch(/^x\.topology\.yaml:7:11: nodes\[0\]\.kind: /);
  });
});
