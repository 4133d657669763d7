// One kind of analysis job in its own worker: one job at a time, only the newest design waiting
// behind it, and answers for designs since overtaken dropped. A lane that may cancel stops a
// running job as soon as a newer design arrives (by replacing its worker); where no worker can
// start (tests, a worker that fails to load) jobs run in this thread after the current task.
import type { AnalysisReply, AnalysisRequest, Job, Jobs } from './protocol.ts';
import type { Topology } from '../../../shared/model/schema.ts';

/** The part of a Worker a lane uses. */
export interface WorkerPort {
  postMessage(message: AnalysisRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<AnalysisReply>) => void) | null;
  onerror: ((e: Event) => void) | null;
}

export interface LaneOptions<J extends Job> {
  job: J;
  /** Stop a running job when a newer design arrives, rather than let it finish first. */
  cancelRunning: boolean;
  /** Starts a worker, or returns null when none can run here. */
  spawn: () => WorkerPort | null;
  /** The answer for the newest design asked about. */
  done(revision: number, value: Jobs[J]): void;
}

export class AnalysisLane<J extends Job> {
  private worker: WorkerPort | null = null;
  private noWorker = false;
  private running: AnalysisRequest | null = null;
  private waiting: AnalysisRequest | null = null;
  private latest = -1;

  constructor(private readonly opts: LaneOptions<J>) {}

  /** Asks for the job on the design at `revision`; answers for older revisions are dropped. */
  request(revision: number, topology: Topology): void {
    this.latest = revision;
    const req: AnalysisRequest = { job: this.opts.job, revision, topology };
    if (!this.running) {
      this.start(req);
      return;
    }
    if (this.running.revision === revision) {
      this.waiting = null;
      return;
    }
    if (this.opts.cancelRunning && this.worker) {
      this.worker.terminate();
      this.worker = null;
      this.start(req);
      return;
    }
    this.waiting = req;
  }

  /** Stops the worker; later requests start a new one. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.running = this.waiting = null;
  }

  private start(req: AnalysisRequest): void {
    this.running = req;
    this.waiting = null;
    const w = this.workerOrNull();
    if (w) w.postMessage(req);
    else void this.runHere(req);
  }

  private async runHere(req: AnalysisRequest): Promise<void> {
    // Loaded on first use: the page's own bundle stays without the validator and generators.
    const { runJob } = await import('./protocol.ts');
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.running !== req) return;
    let reply: AnalysisReply;
    try {
      reply = runJob(req);
    } catch (e) {
      // A design the analysis cannot handle: the last answer stays; the next edit tries again.
      this.running = null;
      console.error(`the ${req.job} job failed`, e);
      if (this.waiting) this.start(this.waiting);
      return;
    }
    this.finish(reply);
  }

  private workerOrNull(): WorkerPort | null {
    if (this.worker || this.noWorker) return this.worker;
    const w = this.opts.spawn();
    if (!w) {
      this.noWorker = true;
      return null;
    }
    w.onmessage = (e) => {
      if (this.worker === w) this.finish(e.data);
    };
    w.onerror = (e) => {
      // A worker that cannot load (or crashes) is given up for this thread; the job is redone.
      e.preventDefault();
      if (this.worker !== w) return;
      w.terminate();
      this.worker = null;
      this.noWorker = true;
      const req = this.running;
      if (req) this.start(req);
    };
    this.worker = w;
    return w;
  }

  private finish(reply: AnalysisReply): void {
    this.running = null;
    const next = this.waiting;
    if (next) {
      this.start(next);
      return;
    }
    if (reply.revision === this.latest) this.opts.done(reply.revision, reply.value as Jobs[J]);
  }
}
