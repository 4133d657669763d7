// The host's lab methods with a fake runner (no Docker): one launch at a time, progress with
// sequence numbers, and the runner's errors as the host's, with their messages.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_METHODS, type HostApi } from '../../shared/host-api.ts';
import type { LabEvent, LabStatus } from '../../shared/lab/reports.ts';
import type { LabPlan } from '../../shared/lab/types.ts';
import { AppState } from './app-state.ts';
import { HostError } from './host-errors.ts';
import { dockerLabRunner, type LabRunner } from './host-lab.ts';
import { createHostServices } from './host-services.ts';
import { acquireLabLock, LabError } from '../lab/index.ts';
import { PROMETHEUS_AND_TARGETS } from './test-designs.ts';

const DESIGN = PROMETHEUS_AND_TARGETS;

/** A runner whose `up` waits until the test lets it finish (or fail). */
class FakeRunner implements LabRunner {
  plans: LabPlan[] = [];
  emit: (e: LabEvent) => void = () => {};
  private settle: { resolve(): void; reject(e: unknown): void } | null = null;
  statusAnswer: LabStatus | Error = { name: 'small', instances: [], edges: [] };
  downCalls: { name: string; volumes: boolean }[] = [];
  logText: string | null = 'line 1\nline 2';

  up(plan: LabPlan, opts: { onProgress: (e: LabEvent) => void }): Promise<unknown> {
    this.plans.push(plan);
    this.emit = opts.onProgress;
    return new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }
  finish(): void {
    this.settle?.resolve();
  }
  fail(e: unknown): void {
    this.settle?.reject(e);
  }
  async status(): Promise<LabStatus> {
    if (this.statusAnswer instanceof Error) throw this.statusAnswer;
    return this.statusAnswer;
  }
  async down(name: string, opts: { volumes: boolean; onProgress: (e: LabEvent) => void }) {
    this.downCalls.push({ name, volumes: opts.volumes });
    opts.onProgress({ type: 'done', message: `lab ${name} is down` });
    return { containers: 3, networks: 1, volumes: opts.volumes ? 1 : 0 };
  }
  async logs(): Promise<string | null> {
    return this.logText;
  }
  busyAnswer: string | null = null;
  async busy(): Promise<string | null> {
    return this.busyAnswer;
  }
}

let base: string;
let runner: FakeRunner;
let host: HostApi;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-hostlab-'));
  await mkdir(path.join(base, 'ws'));
  runner = new FakeRunner();
  host = createHostServices({
    kind: 'web',
    workspace: path.join(base, 'ws'),
    state: new AppState(path.join(base, 'state')),
    lab: runner,
    labEnv: { FEDSTUDIO_IMAGE_PROMETHEUS: 'local/prometheus:test' },
  });
});
afterEach(async () => {
  runner.finish();
  await rm(base, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return e as HostError;
  }
  throw new Error('expected the call to be refused');
}

/** Lets the background launch run up to its next wait. */
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('host services: the lab', () => {
  it('starts a launch in the background, with the host environment’s image overrides', async () => {
    expect(await host.labUp({ text: DESIGN })).toEqual({
      started: true,
      name: 'small',
      nodes: ['prom', 'node'],
    });
    await tick();
    expect(runner.plans).toHaveLength(1);
    const prom = runner.plans[0]?.containers.find((c) => c.nodeId === 'prom');
    expect(prom?.image).toBe('local/prometheus:test');
    expect((await host.labProgress({ since: 0 })).running).toBe(true);
    runner.finish();
    await tick();
    const after = await host.labProgress({ since: 0 });
    expect(after.running).toBe(false);
    expect(after.error).toBeUndefined();
  });

  it('refuses a second launch while one runs, and allows one after it ends', async () => {
    await host.labUp({ text: DESIGN });
    await tick();
    const e = await refusal(host.labUp({ text: DESIGN }));
    expect(e.code).toBe('refused');
    expect(e.message).toMatch(/still starting/);
    expect(runner.plans).toHaveLength(1);
    // Stopping the lab that is starting is refused too: the launch cleans up after itself.
    expect((await refusal(host.labDown({ name: 'small', volumes: false }))).code).toBe('refused');
    runner.finish();
    await tick();
    await host.labUp({ text: DESIGN });
    await tick();
    expect(runner.plans).toHaveLength(2);
  });

  it('passes progress events through with increasing sequence numbers', async () => {
    await host.labUp({ text: DESIGN });
    await tick();
    runner.emit({ type: 'pull', message: 'pulling prom/prometheus' });
    runner.emit({ type: 'start', instance: 'prom', message: 'started prom' });
    const all = await host.labProgress({ since: 0 });
    expect(all.name).toBe('small');
    expect(all.events.map((e) => [e.seq, e.type, e.instance])).toEqual([
      [1, 'pull', undefined],
      [2, 'start', 'prom'],
    ]);
    runner.emit({ type: 'healthy', instance: 'prom', message: 'prom is healthy' });
    const later = await host.labProgress({ since: 2 });
    expect(later.events.map((e) => e.seq)).toEqual([3]);
    expect(later.events[0]?.message).toBe('prom is healthy');
    // The answer satisfies the contract the renderer checks.
    expect(HOST_METHODS.labProgress.result.safeParse(later).success).toBe(true);
  });

  it('reports a failed launch with the runner’s code and message', async () => {
    await host.labUp({ text: DESIGN });
    await tick();
    runner.fail(new LabError('image-missing', 'the image prom/prometheus is missing'));
    await tick();
    const p = await host.labProgress({ since: 0 });
    expect(p.running).toBe(false);
    expect(p.error).toEqual({
      code: 'image-missing',
      message: 'the image prom/prometheus is missing',
    });
    expect(p.events.at(-1)).toMatchObject({ type: 'error', message: p.error?.message });
  });

  it('turns runner errors into host errors with their message', async () => {
    runner.statusAnswer = new LabError(
      'docker-unreachable',
      'Docker is not running or not reachable',
    );
    const e = await refusal(host.labStatus({ name: 'small' }));
    expect(e.code).toBe('refused');
    expect(e.message).toBe('Docker is not running or not reachable');
    runner.statusAnswer = new Error('socket hang up');
    expect((await refusal(host.labStatus({ name: 'small' }))).code).toBe('internal');
  });

  it('answers null for a lab with no containers, and the status of a running one', async () => {
    expect(await host.labStatus({ name: 'small' })).toBeNull();
    runner.statusAnswer = {
      name: 'small',
      instances: [{ node: 'prom', name: 'prom', state: 'running', health: 'healthy', url: null }],
      edges: [{ id: 'scrape-node', up: 2, down: 0, lastError: null }],
    };
    const s = await host.labStatus({ name: 'small' });
    expect(s?.instances[0]?.health).toBe('healthy');
    expect(HOST_METHODS.labStatus.result.safeParse(s).success).toBe(true);
  });

  it('stops a lab, with volumes when asked, and records its events', async () => {
    expect(await host.labDown({ name: 'small', volumes: true })).toEqual({
      containers: 3,
      networks: 1,
      volumes: 1,
    });
    expect(runner.downCalls).toEqual([{ name: 'small', volumes: true }]);
    const p = await host.labProgress({ since: 0 });
    expect(p.events.map((e) => e.message)).toEqual(['lab small is down']);
  });

  it('answers a container’s logs, and not-found for an instance the lab lacks', async () => {
    expect(await host.labLogs({ name: 'small', instance: 'prom', lines: 50 })).toEqual({
      text: 'line 1\nline 2',
    });
    runner.logText = null;
    const e = await refusal(host.labLogs({ name: 'small', instance: 'nope', lines: 50 }));
    expect(e.code).toBe('not-found');
  });

  it('refuses a design that does not parse before anything starts', async () => {
    const e = await refusal(host.labUp({ text: 'apiVersion: nope' }));
    expect(e.code).toBe('design-invalid');
    expect(runner.plans).toHaveLength(0);
  });

  it('refuses Launch and Stop at once while another command holds the lab, saying who', async () => {
    runner.busyAnswer = 'lab small is busy: `lab up` by pid 42 since 10:15.';
    const e = await refusal(host.labUp({ text: DESIGN }));
    expect([e.code, e.message]).toEqual(['refused', runner.busyAnswer]);
    expect(runner.plans).toHaveLength(0);
    expect((await refusal(host.labDown({ name: 'small', volumes: false }))).message).toBe(
      runner.busyAnswer,
    );
    expect(runner.downCalls).toHaveLength(0);
  });

  it("reads the same lock as the CLI, and shows Docker's words under a runner's explanation", async () => {
    const env = process.env.FEDSTUDIO_STATE_DIR;
    process.env.FEDSTUDIO_STATE_DIR = path.join(base, 'state');
    try {
      expect(await dockerLabRunner.busy?.('small')).toBeNull();
      const lock = await acquireLabLock('small', '`lab up`');
      expect(await dockerLabRunner.busy?.('small')).toMatch(
        new RegExp(`^lab small is busy: \`lab up\` by pid ${process.pid} since`),
      );
      await lock.release();
    } finally {
      if (env === undefined) delete process.env.FEDSTUDIO_STATE_DIR;
      else process.env.FEDSTUDIO_STATE_DIR = env;
    }
    await host.labUp({ text: DESIGN });
    await tick();
    runner.fail(
      new LabError('image-unusable', 'am-0 (image x) could not start', 'am-0', 'exec format error'),
    );
    await tick();
    const p = await host.labProgress({ since: 0 });
    expect(p.error?.message).toBe('am-0 (image x) could not start\nDocker said: exec format error');
  });

  it('validates lab names at the contract', () => {
    expect(HOST_METHODS.labStatus.args.safeParse({ name: '../etc' }).success).toBe(false);
    expect(
      HOST_METHODS.labLogs.args.safeParse({ name: 'a', instance: '-x', lines: 5 }).success,
    ).toBe(false);
  });
});
