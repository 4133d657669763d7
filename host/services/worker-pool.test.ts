// The worker pool: jobs run off the event loop, one per worker, and a job over its time or memory
// limit, or whose worker dies, fails alone; the pool then carries on with fresh workers.
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolTestJob } from './fixtures/pool-worker.ts';
import { createWorkerPool, JobStopped, type WorkerPool } from './worker-pool.ts';

const entry = new URL('./fixtures/pool-worker.ts', import.meta.url);
let pool: WorkerPool;

const make = (o: { size?: number; timeoutMs?: number; maxMemoryMb?: number } = {}) => {
  pool = createWorkerPool({
    entry,
    size: o.size ?? 1,
    timeoutMs: o.timeoutMs ?? 30_000,
    maxMemoryMb: o.maxMemoryMb ?? 256,
  });
  return (job: PoolTestJob) => pool.run<string>(job);
};

const stopReason = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(JobStopped);
  return (e as JobStopped).reason;
};

afterEach(async () => {
  await pool.close();
});

describe('worker pool', () => {
  it('runs jobs in a worker while the event loop stays free', async () => {
    const run = make();
    expect(await run({ echo: 'warm' })).toBe('warm');
    const spinning = run({ spinMs: 1500 });
    // Timers on the main thread keep firing while the worker computes: had the job run here, one
    // of them would wait the whole 1.5 s. (The bound is loose: CI machines are busy.)
    const lags: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 10));
      lags.push(performance.now() - t0 - 10);
    }
    expect(Math.max(...lags)).toBeLessThan(750);
    expect(await spinning).toBe('spun');
  });

  it('stops a job over its time limit, and the next job runs in a fresh worker', async () => {
    const run = make({ timeoutMs: 300 });
    await run({ echo: 'warm' });
    const t0 = performance.now();
    expect(await stopReason(run({ spinMs: 10_000 }))).toBe('time');
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(await run({ echo: 'after' })).toBe('after');
  });

  it('stops a job over its memory limit', async () => {
    const run = make({ maxMemoryMb: 48 });
    expect(await stopReason(run({ hog: true }))).toBe('memory');
    expect(await run({ echo: 'after' })).toBe('after');
  });

  it('fails a job whose worker dies, and one that throws, without failing the others', async () => {
    const run = make({ size: 2 });
    const [died, echoed] = await Promise.allSettled([run({ exit: 3 }), run({ echo: 'alive' })]);
    expect(died.status === 'rejected' && (died.reason as JobStopped).reason).toBe('crash');
    expect(echoed).toEqual({ status: 'fulfilled', value: 'alive' });
    await expect(run({ fail: 'bad input' })).rejects.toThrow('bad input');
    expect(await run({ echo: 'still' })).toBe('still');
  });

  it('queues jobs beyond its size and runs them in turn', async () => {
    const run = make({ size: 1 });
    const order: string[] = [];
    await Promise.all([
      run({ spinMs: 200 }).then(() => order.push('spin')),
      run({ echo: 'queued' }).then(() => order.push('queued')),
    ]);
    expect(order).toEqual(['spin', 'queued']);
  });

  it('when closed, fails the running and the waiting jobs and refuses new ones', async () => {
    const run = make({ size: 1 });
    await run({ echo: 'warm' });
    const running = stopReason(run({ spinMs: 10_000 }));
    const waiting = stopReason(run({ echo: 'waiting' }));
    await new Promise((r) => setTimeout(r, 100));
    await pool.close();
    expect(await running).toBe('closed');
    expect(await waiting).toBe('closed');
    expect(await stopReason(run({ echo: 'late' }))).toBe('closed');
  });
});
