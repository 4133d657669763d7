// A few worker threads that run CPU-heavy jobs off the host's event loop, each job under a time
// and a memory limit. A worker over a limit is terminated (a hung or runaway job cannot be
// interrupted any other way) and replaced on demand; the other calls of the host keep answering.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type StopReason = 'time' | 'memory' | 'crash' | 'closed';

/** A job that did not finish: over its time or memory limit, its worker died, or the pool closed. */
export class JobStopped extends Error {
  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
  }
}

export interface WorkerPoolOptions {
  /** The worker's module: a bundled .mjs, or a .ts file (loaded through tsx, for tests and dev). */
  entry: URL;
  /** How many jobs run at once; further jobs wait their turn. */
  size: number;
  timeoutMs: number;
  /** The worker's V8 heap limit (resourceLimits.maxOldGenerationSizeMb). */
  maxMemoryMb: number;
  /** An idle worker is ended after this long, giving its memory back. */
  idleMs?: number;
}

/** What a worker posts: `ready` once its module is loaded, then one reply per job. */
export type WorkerMessage =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string };

export interface WorkerPool {
  run<T>(job: unknown): Promise<T>;
  /** Ends every worker; running and waiting jobs fail with JobStopped('closed'). */
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
}

interface Waiting {
  job: unknown;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

export function createWorkerPool(o: WorkerPoolOptions): WorkerPool {
  const slots = new Set<Slot>();
  const queue: Waiting[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = startWorker(o.entry, o.maxMemoryMb);
    let ready!: () => void;
    const slot: Slot = { worker, ready: new Promise<void>((r) => (ready = r)), busy: false };
    worker.on('message', (m: WorkerMessage) => {
      if ('ready' in m) ready();
    });
    // A worker that dies between jobs is simply forgotten; one that dies during a job fails it
    // (the job's own listeners report why), so an error never goes unheard and crashes the host.
    worker.on('error', () => {});
    worker.once('exit', () => slots.delete(slot));
    slots.add(slot);
    return slot;
  };

  const release = (slot: Slot) => {
    slot.busy = false;
    // An idle worker must not keep the process alive (the CLI, tests, a closing host).
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void end(slot), o.idleMs ?? 60_000);
    slot.idleTimer.unref();
    pump();
  };

  const end = async (slot: Slot) => {
    slots.delete(slot);
    clearTimeout(slot.idleTimer);
    await slot.worker.terminate();
  };

  const runOn = (slot: Slot, w: Waiting) => {
    slot.busy = true;
    clearTimeout(slot.idleTimer);
    slot.worker.ref();
    const id = ++nextId;
    let timer: NodeJS.Timeout | undefined;
    const finish = (fail: JobStopped | null, value?: unknown, message?: string) => {
      clearTimeout(timer);
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onError);
      slot.worker.off('exit', onExit);
      if (fail) {
        void end(slot);
        w.reject(fail);
        pump();
      } else {
        if (message !== undefined) w.reject(new Error(message));
        else w.resolve(value);
        release(slot);
      }
    };
    const onMessage = (m: WorkerMessage) => {
      if ('id' in m && m.id === id)
        finish(null, m.ok ? m.value : undefined, m.ok ? undefined : m.message);
    };
    const onError = (e: Error & { code?: string }) => {
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(new JobStopped(memory ? 'memory' : 'crash', e.message));
    };
    const onExit = (code: number) =>
      finish(new JobStopped(closed ? 'closed' : 'crash', `the worker exited with code ${code}`));
    slot.worker.on('message', onMessage);
    slot.worker.once('error', onError);
    slot.worker.once('exit', onExit);
    // The time limit counts the job, not the worker's start (slow under tsx).
    void slot.ready.then(() => {
      if (!slot.busy || closed) return;
      timer = setTimeout(
        () => finish(new JobStopped('time', `over the time limit of ${o.timeoutMs} ms`)),
        o.timeoutMs,
      );
      slot.worker.postMessage({ id, job: w.job });
    });
  };

  const pump = () => {
    for (let w = queue[0]; w && !closed; w = queue[0]) {
      let slot = [...slots].find((s) => !s.busy);
      if (!slot && slots.size < o.size) slot = spawn();
      if (!slot) return;
      queue.shift();
      runOn(slot, w);
    }
  };

  return {
    run<T>(job: unknown) {
      if (closed) return Promise.reject(new JobStopped('closed', 'the host is shutting down'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const w of queue.splice(0))
        w.reject(new JobStopped('closed', 'the host is shutting down'));
      await Promise.all([...slots].map((s) => end(s)));
    },
  };
}

/** Under tsx (tests, `tsx host/web/main.ts`) a .ts worker needs tsx's loader registered first. */
function startWorker(entry: URL, maxMemoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxMemoryMb };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  const shim = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(shim, { eval: true, resourceLimits });
}

/** tsx's ESM API, found from this file (not the working folder) through tsx's export map. */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exported = (
    require(manifest) as { exports: Record<string, { import: { default: string } }> }
  ).exports['./esm/api'];
  if (!exported) throw new Error('tsx does not export ./esm/api');
  return pathToFileURL(path.join(path.dirname(manifest), exported.import.default)).href;
}
