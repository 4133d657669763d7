// The worker side of design work: parse, export and lab planning, which can take seconds (or, for
// a runaway design, forever) and so never run on the host's event loop. Answers are plain data.
import { parentPort } from 'node:worker_threads';
import { generateForTarget } from '../../shared/generate/kubernetes/target.ts';
import { planLab } from '../../shared/lab/plan.ts';
import { parseTopology } from '../../shared/design/parse.ts';
import type { DesignAnswer, DesignJob } from './design-jobs.ts';
import { packTree } from './packed-tree.ts';
import type { WorkerMessage } from './worker-pool.ts';

function perform(job: DesignJob): DesignAnswer {
  const parsed = parseTopology(job.text);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  switch (job.kind) {
    case 'check':
      return { kind: 'checked' };
    case 'export': {
      const result = generateForTarget(parsed.topology, job.target, job.text);
      return {
        kind: 'exported',
        files: packTree(result.files),
        vars: result.vars,
        summary: result.summary,
      };
    }
    case 'labPlan':
      try {
        const plan = planLab(parsed.topology, { imageOverrides: job.env });
        return { kind: 'planned', name: parsed.topology.metadata.name, plan };
      } catch (e) {
        return { kind: 'unplannable', message: e instanceof Error ? e.message : String(e) };
      }
  }
}

const port = parentPort;
if (!port) throw new Error('design-worker runs as a worker thread');
port.on('message', ({ id, job }: { id: number; job: DesignJob }) => {
  let reply: WorkerMessage;
  let transfer: ArrayBuffer[] = [];
  try {
    const value = perform(job);
    if (value.kind === 'exported') transfer = [value.files.bytes.buffer as ArrayBuffer];
    reply = { id, ok: true, value };
  } catch (e) {
    reply = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply, transfer);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
