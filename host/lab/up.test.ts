// `up` against an engine in memory: it returns only when every container was started and is
// healthy when checked again, names what is not, takes back what it created on a failure or an
// interrupt, keeps the image's own program, and holds the lab's lock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTopology } from '../../shared/design/parse.ts';
import { planLab } from '../../shared/lab/plan.ts';
import type { LabEvent } from '../../shared/lab/reports.ts';
import type { LabPlan } from '../../shared/lab/types.ts';
import { down } from './down.ts';
import { LabError } from './errors.ts';
import { FakeDocker } from './fake-docker.ts';
import { up, type UpOptions } from './up.ts';

const LAB = 'fake-lab';
const parsed = parseTopology(`apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${LAB} }
nodes:
  - { id: leaf, kind: prometheus, name: leaf }
  - { id: global, kind: prometheus, name: global }
  - { id: nodes, kind: targets, name: node, exporter: node-exporter, count: 3 }
  - { id: am, kind: alertmanager, name: am, replicas: 2 }
edges:
  - { id: s, kind: scrape, from: leaf, to: nodes }
  - { id: f, kind: federate, from: global, to: leaf, match: ['{job="node"}'] }
  - { id: a, kind: alerting, from: leaf, to: am }
`);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const design = parsed.topology;

/** The plan with Docker's own health check everywhere, so the fake answers every probe. */
function fakePlan(): LabPlan {
  const plan = planLab(design);
  for (const c of plan.containers) c.health = { type: 'docker', test: ['CMD', 'true'] };
  return plan;
}

let stateDir: string;
let docker: FakeDocker;

function opts(extra: Partial<UpOptions> = {}): UpOptions {
  return { docker: docker.asDocker(), stateDir, healthTimeoutMs: 3_000, ...extra };
}

async function failure(p: Promise<unknown>): Promise<LabError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LabError) return e;
    throw e;
  }
  throw new Error('expected up to fail');
}

beforeEach(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'fedstudio-fake-lab-'));
  docker = new FakeDocker();
  for (const c of fakePlan().containers)
    docker.images.set(c.image, { Entrypoint: [`/bin/${c.imageKey}`], Cmd: null });
});

afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('up on a fake engine', () => {
  it('returns only when every container has been started and is healthy, whatever the timing', async () => {
    const plan = fakePlan();
    // Varied start and health delays, so a container finishing late would be caught returning early.
    for (let round = 0; round < 8; round++) {
      docker = new FakeDocker();
      for (const c of plan.containers) {
        docker.images.set(c.image, { Entrypoint: ['/bin/x'], Cmd: null });
        docker.behaviour.set(c.instance, {
          startMs: (round * 7 + c.instance.length * 13) % 40,
          healthyAfterMs: (round * 11 + c.instance.length * 5) % 60,
        });
      }
      const result = await up(plan, opts());
      expect(result.created.sort()).toEqual(plan.containers.map((c) => c.instance).sort());
      // At the moment up returned: every container running and healthy.
      for (const id of docker.containers.keys()) {
        const info = await docker.getContainer(id).inspect();
        expect([info.State.Status, info.State.Health.Status]).toEqual(['running', 'healthy']);
      }
      // Dependencies started first: each after what it depends on.
      for (const c of plan.containers)
        for (const d of c.dependsOn)
          expect(docker.log.indexOf(`start ${d}`)).toBeLessThan(
            docker.log.indexOf(`start ${c.instance}`),
          );
    }
  });

  it('fails, naming it, when a container is down at the final check, and removes what it created', async () => {
    const plan = fakePlan();
    // am-1 passes its health check, then exits before up is done.
    docker.behaviour.set('am-1', { healthyAfterMs: 0, exitAfterHealthyMs: 30 });
    docker.behaviour.set('global', { healthyAfterMs: 300 });
    const e = await failure(up(plan, opts()));
    expect(e.code).toBe('not-healthy');
    expect(e.message).toMatch(/am-1 \(image [^)]+\): it is exited \(exit code 2\)/);
    expect(docker.leftovers(LAB)).toEqual([]);
  });

  it('maps an OCI error at start to the instance, the image and its override variable', async () => {
    const plan = fakePlan();
    const raw =
      'OCI runtime create failed: container_linux.go:380: starting container process caused: ' +
      'exec: "/bin/alertmanager": stat /bin/alertmanager: no such file or directory: unknown';
    docker.behaviour.set('am-0', { startError: { statusCode: 400, message: raw } });
    const e = await failure(up(plan, opts()));
    expect(e.code).toBe('image-unusable');
    expect(e.instance).toBe('am-0');
    expect(e.message).toContain('am-0 (image prom/alertmanager');
    expect(e.message).toContain('(/bin/alertmanager) is not in the image');
    expect(e.message).toContain('FEDSTUDIO_IMAGE_ALERTMANAGER=<image>');
    expect(e.message).not.toContain('OCI runtime');
    expect(e.detail).toBe(raw);
    expect(docker.leftovers(LAB)).toEqual([]);
  });

  it('stops on an interrupt, removes everything this run created and says what', async () => {
    const plan = fakePlan();
    for (const c of plan.containers) docker.behaviour.set(c.instance, { healthyAfterMs: 10_000 });
    const interrupt = new AbortController();
    const events: LabEvent[] = [];
    const p = up(plan, {
      ...opts({ healthTimeoutMs: 20_000 }),
      signal: interrupt.signal,
      onProgress: (e) => {
        events.push(e);
        if (e.type === 'start') interrupt.abort();
      },
    });
    const started = Date.now();
    const e = await failure(p);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.code).toBe('interrupted');
    expect(e.message).toMatch(/removed what it had created: .*network fedstudio_fake-lab/);
    expect(events.some((ev) => ev.type === 'cleanup')).toBe(true);
    expect(docker.leftovers(LAB)).toEqual([]);
  });

  it('keeps what ran before when an update is interrupted, and removes what it created', async () => {
    const plan = fakePlan();
    await up(plan, opts());
    const changed = fakePlan();
    const global = changed.containers.find((c) => c.instance === 'global');
    if (!global) throw new Error('no global');
    global.configHash = 'changed';
    global.labels = { ...global.labels, 'io.fedstudio.config-hash': 'changed' };
    docker.behaviour.set('global', { healthyAfterMs: 10_000 });
    const interrupt = new AbortController();
    const e = await failure(
      up(changed, {
        ...opts(),
        signal: interrupt.signal,
        onProgress: (ev) => ev.type === 'start' && interrupt.abort(),
      }),
    );
    expect(e.code).toBe('interrupted');
    expect(e.message).toContain('removed what it had created: global');
    expect(e.message).toContain('Kept from before, still running:');
    const left = docker.leftovers(LAB);
    expect(left).toContain('container fedstudio_fake-lab_leaf');
    expect(left).not.toContain('container fedstudio_fake-lab_global');
    expect(left).toContain('network fedstudio_fake-lab');
  });

  it('counts the wait after health (edges) as part of the launch, checking every container after it', async () => {
    const plan = fakePlan();
    docker.behaviour.set('node-1', { healthyAfterMs: 0, exitAfterHealthyMs: 150 });
    const e = await failure(
      up(plan, { ...opts(), afterHealthy: () => new Promise((r) => setTimeout(r, 300)) }),
    );
    expect(e.code).toBe('not-healthy');
    expect(e.message).toContain('node-1');
    expect(docker.leftovers(LAB)).toEqual([]);

    const edges = await failure(
      up(fakePlan(), {
        ...opts(),
        afterHealthy: async () => {
          throw new LabError('edges-timeout', 'not every edge was up within 1s');
        },
      }),
    );
    expect(edges.code).toBe('edges-timeout');
    expect(docker.leftovers(LAB)).toEqual([]);
  });

  it('changes nothing when interrupted before it began', async () => {
    const interrupt = new AbortController();
    interrupt.abort();
    const e = await failure(up(fakePlan(), { ...opts(), signal: interrupt.signal }));
    expect(e.code).toBe('interrupted');
    expect(docker.log).toEqual([]);
  });

  it("runs the image's own program: only arguments unless the image has no ENTRYPOINT", async () => {
    const plan = fakePlan();
    const am = plan.containers.find((c) => c.kind === 'alertmanager');
    if (!am) throw new Error('no alertmanager');
    docker.images.set(am.image, { Entrypoint: null, Cmd: ['/opt/am/alertmanager', '--default'] });
    await up(plan, opts());
    const created = [...docker.containers.values()];
    for (const c of created) {
      const o = c.options as { Entrypoint?: string[]; Cmd?: string[]; Image: string };
      expect(o.Entrypoint).toBeUndefined();
      if (o.Image === am.image) expect(o.Cmd?.[0]).toBe('/opt/am/alertmanager');
      else if (o.Cmd) expect(o.Cmd[0]).toMatch(/^--/);
    }
  });

  it('refuses a second up or down of the same lab while one runs, saying who holds it', async () => {
    const plan = fakePlan();
    docker.behaviour.set('global', { healthyAfterMs: 400 });
    const first = up(plan, opts());
    await new Promise((r) => setTimeout(r, 50));
    const second = await failure(up(plan, opts()));
    expect(second.code).toBe('busy');
    expect(second.message).toMatch(
      new RegExp(`^lab ${LAB} is busy: \`lab up\` by pid ${process.pid} since \\d\\d:\\d\\d`),
    );
    const stop = await failure(down(LAB, { docker: docker.asDocker(), stateDir }));
    expect(stop.code).toBe('busy');
    await first;
    // Released: now down runs.
    expect(
      (await down(LAB, { docker: docker.asDocker(), stateDir, volumes: true })).containers,
    ).toBe(7);
    expect(docker.leftovers(LAB)).toEqual([]);
  });
});
