// Where ELK runs: in a web worker when the page can start one, so laying out a big design never
// freezes the canvas; in this thread otherwise (tests, or a worker that fails to start).
import ElkApi from 'elkjs/lib/elk-api.js';
import type { ELK as ElkInstance, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

// Both are CommonJS: their default export is the constructor once a bundler interops them.
type ElkCtor = new (args?: ELKConstructorArguments) => ElkInstance;
const ctor = (m: unknown) => ((m as { default?: ElkCtor }).default ?? m) as ElkCtor;

let inThread: ElkInstance | null = null;
let worker: { elk: ElkInstance; failed: Promise<never> } | null = null;
let workerBroken = typeof Worker === 'undefined';

/** ELK in this thread, loaded only when there is no worker: it is a large script. */
async function threadElk(): Promise<ElkInstance> {
  inThread ??= new (ctor((await import('elkjs/lib/elk.bundled.js')).default))();
  return inThread;
}

function workerElk(): { elk: ElkInstance; failed: Promise<never> } | null {
  if (workerBroken) return null;
  if (worker) return worker;
  try {
    let fail: (e: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined); // only awaited while a layout runs
    const elk = new (ctor(ElkApi))({
      workerUrl: elkWorkerUrl,
      workerFactory: (url) => {
        const w = new Worker(url ?? elkWorkerUrl);
        w.addEventListener('error', () => fail(new Error('the layout worker failed to start')));
        return w;
      },
    });
    worker = { elk, failed };
    return worker;
  } catch {
    workerBroken = true;
    return null;
  }
}

/** Lays a graph out with ELK, in the worker when there is one, else in this thread. */
export async function runElk(graph: ElkNode): Promise<ElkNode> {
  const w = workerElk();
  if (w) {
    try {
      return await Promise.race([w.elk.layout(graph), w.failed]);
    } catch (e) {
      // A worker that never started is dropped for good; a layout error is ELK's own.
      if (!(e instanceof Error) || !e.message.startsWith('the layout worker')) throw e;
      workerBroken = true;
      worker = null;
    }
  }
  return (await threadElk()).layout(graph);
}
