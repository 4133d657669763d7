import { describe, expect, it } from 'vitest';
import type { Topology } from '../../../shared/model/schema.ts';
import { emptyTopology } from '../store/design-store.ts';
import { AnalysisLane, type WorkerPort } from './lane.ts';
import { runJob, type AnalysisReply, type AnalysisRequest } from './protocol.ts';

/** A worker that answers only when told to, so tests decide what overtakes what. */
class FakeWorker implements WorkerPort {
  static all: FakeWorker[] = [];
  received: AnalysisRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<AnalysisReply>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: AnalysisRequest): void {
    this.received.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the oldest request not yet answered. */
  answer(): void {
    const req = this.received.shift();
    if (req) this.onmessage?.({ data: runJob(req) } as MessageEvent<AnalysisReply>);
  }
}

const design = (name: string): Topology => emptyTopology(name);

function lane(cancelRunning: boolean) {
  FakeWorker.all = [];
  const done: number[] = [];
  const l = new AnalysisLane({
    job: 'validate',
    cancelRunning,
    spawn: () => new FakeWorker(),
    done: (revision) => done.push(revision),
  });
  return { l, done, workers: FakeWorker.all };
}

// The first job loads the validator and generators into this thread: slow on a busy machine.
const SLOW = { timeout: 30_000 };

describe('an analysis lane', () => {
  it('runs one job at a time and, of the designs waiting, only the newest', () => {
    const { l, done, workers } = lane(false);
    l.request(1, design('a'));
    l.request(2, design('b'));
    l.request(3, design('c'));
    const w = workers[0]!;
    expect(w.received.map((r) => r.revision)).toEqual([1]);
    w.answer(); // revision 1 is overtaken: dropped, and 3 starts
    expect(done).toEqual([]);
    expect(w.received.map((r) => r.revision)).toEqual([3]);
    w.answer();
    expect(done).toEqual([3]);
    expect(workers).toHaveLength(1);
  });

  it('that may cancel replaces a busy worker as soon as a newer design arrives', () => {
    const { l, done, workers } = lane(true);
    l.request(1, design('a'));
    l.request(2, design('b'));
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.received.map((r) => r.revision)).toEqual([2]);
    workers[1]!.answer();
    expect(done).toEqual([2]);
  });

  it('does not ask again for the design it is working on', () => {
    const { l, done, workers } = lane(true);
    const t = design('a');
    l.request(1, t);
    l.request(1, t);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received).toHaveLength(1);
    workers[0]!.answer();
    expect(done).toEqual([1]);
  });

  it('runs jobs in this thread where no worker starts, and still drops overtaken ones', async () => {
    const done: { revision: number; findings: number }[] = [];
    const l = new AnalysisLane({
      job: 'validate',
      cancelRunning: false,
      spawn: () => null,
      done: (revision, report) => done.push({ revision, findings: report.findings.length }),
    });
    l.request(1, design('a'));
    l.request(2, design('b'));
    await expect.poll(() => done.length, SLOW).toBe(1);
    expect(done[0]?.revision).toBe(2);
  });

  it('falls back to this thread when its worker fails to load, redoing the job', async () => {
    const { l, done, workers } = lane(false);
    l.request(1, design('a'));
    workers[0]!.onerror?.({ preventDefault: () => undefined } as Event);
    expect(workers[0]!.terminated).toBe(true);
    await expect.poll(() => done, SLOW).toEqual([1]);
    l.request(2, design('b'));
    expect(workers).toHaveLength(1);
    await expect.poll(() => done, SLOW).toEqual([1, 2]);
  });
});
