// The host's heavy design work (checking, exporting and planning a lab from design text) runs in
// worker threads under a time and a memory limit: a huge or runaway design is stopped with a clear
// error, and the host's other calls keep answering meanwhile.
import type { FileTree } from '../../shared/generate/types.ts';
import { DEFAULT_EXPORT_TARGET, type ExportTarget } from '../../shared/export-target.ts';
import type { LabPlan } from '../../shared/lab/types.ts';
import { formatModelError } from '../../shared/design/parse.ts';
import type { DesignAnswer, DesignJob } from './design-jobs.ts';
import { HostError } from './host-errors.ts';
import { unpackTree } from './packed-tree.ts';
import { createWorkerPool, JobStopped } from './worker-pool.ts';

export interface DesignWorkOptions {
  /** The longest one design may take to check, export or plan (default 60 s). */
  timeoutMs?: number;
  /** The heap one design's work may use (default 1536 MB). */
  maxMemoryMb?: number;
  /** Designs worked on at once (default 2: a save need not wait for a long export). */
  workers?: number;
}

export interface DesignWork {
  /** Resolves when the text is a valid design; a HostError('design-invalid') names each error. */
  check(text: string, what: string): Promise<void>;
  exportFiles(
    text: string,
    target?: ExportTarget,
  ): Promise<{ files: FileTree; vars: string[]; summary: string }>;
  planLab(
    text: string,
    env: Record<string, string | undefined>,
  ): Promise<{ name: string; plan: LabPlan }>;
  close(): Promise<void>;
}

const VERB: Record<DesignJob['kind'], string> = {
  check: 'check',
  export: 'export',
  labPlan: 'plan as a lab',
};

/**
 * Bundled next to the host's own bundle (dist/web/*.mjs, dist/electron/*.cjs, see
 * scripts/build-node.mjs); the source under tsx.
 */
function workerEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./design-worker-entry.ts', here);
  return new URL(here.endsWith('.cjs') ? './design-worker.cjs' : './design-worker.mjs', here);
}

export function createDesignWork(o: DesignWorkOptions = {}): DesignWork {
  const timeoutMs = o.timeoutMs ?? 60_000;
  const maxMemoryMb = o.maxMemoryMb ?? 1536;
  const pool = createWorkerPool({
    entry: workerEntry(),
    size: o.workers ?? 2,
    timeoutMs,
    maxMemoryMb,
  });

  const run = async (job: DesignJob, what: string): Promise<DesignAnswer> => {
    let answer: DesignAnswer;
    try {
      answer = await pool.run<DesignAnswer>(job);
    } catch (e) {
      throw stopped(e, VERB[job.kind], timeoutMs, maxMemoryMb);
    }
    if (answer.kind === 'invalid') {
      throw new HostError(
        'design-invalid',
        `${what}: the design is not valid`,
        answer.errors.map((x) => formatModelError(x, what)),
      );
    }
    return answer;
  };

  return {
    async check(text, what) {
      await run({ kind: 'check', text }, what);
    },
    async exportFiles(text, target = DEFAULT_EXPORT_TARGET) {
      const a = await run({ kind: 'export', text, target }, 'design');
      if (a.kind !== 'exported') throw unexpected(a);
      return { files: await unpackTree(a.files), vars: a.vars, summary: a.summary };
    },
    async planLab(text, env) {
      // Only the image overrides cross over, as plain strings.
      const overrides: Record<string, string> = {};
      for (const [k, v] of Object.entries(env))
        if (k.startsWith('FEDSTUDIO_IMAGE_') && v !== undefined) overrides[k] = v;
      const a = await run({ kind: 'labPlan', text, env: overrides }, 'design');
      if (a.kind === 'unplannable')
        throw new HostError('design-invalid', `the lab cannot be planned: ${a.message}`);
      if (a.kind !== 'planned') throw unexpected(a);
      return { name: a.name, plan: a.plan };
    },
    close: () => pool.close(),
  };
}

function stopped(e: unknown, verb: string, timeoutMs: number, maxMemoryMb: number): HostError {
  if (!(e instanceof JobStopped))
    return new HostError('internal', `could not ${verb} the design: ${(e as Error).message}`);
  switch (e.reason) {
    case 'time':
      return new HostError(
        'refused',
        `the design took longer than ${timeoutMs / 1000} s to ${verb}; it was stopped`,
      );
    case 'memory':
      return new HostError(
        'refused',
        `the design needed more than ${maxMemoryMb} MB of memory to ${verb}; it was stopped`,
      );
    case 'closed':
      return new HostError(
        'refused',
        `the host is shutting down; it stopped working on the design`,
      );
    case 'crash':
      return new HostError('internal', `could not ${verb} the design: ${e.message}`);
  }
}

const unexpected = (a: DesignAnswer) =>
  new HostError('internal', `the design worker answered ${a.kind} out of turn`);
