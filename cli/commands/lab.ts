// `fedstudio lab up|status|down FILE`: the design as a local lab on Docker, through the same
// runner the app uses. A lab that cannot start (or is busy with another command) exits 1 with the
// runner's explanation; an interrupted `up` removes what it created and exits 130 (SIGINT) or
// 143 (SIGTERM); a design that cannot be read exits 2 as everywhere else.
import { down, LabError, status, up, waitForEdges } from '../../host/lab/index.ts';
import { planLab } from '../../shared/lab/plan.ts';
import { isEdgeUp, type LabEvent, type LabStatus } from '../../shared/lab/reports.ts';
import { EXIT } from '../exit.ts';
import { loadOrExplain } from './load.ts';

/** Bound of `lab up --wait` for every edge to be up, after the containers are healthy. */
const EDGES_TIMEOUT_MS = 180_000;

/** The shell's convention: 128 + the signal's number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT;

function progress(e: LabEvent): void {
  // Progress goes to stderr, so `status --json`-style output on stdout stays parseable.
  if (e.type !== 'error') process.stderr.write(`${e.type.padEnd(8)} ${e.message}\n`);
}

function explain(e: LabError): void {
  process.stderr.write(`fedstudio: ${e.message}\n`);
  if (e.detail) process.stderr.write(`  Docker said: ${e.detail}\n`);
}

async function explained(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof LabError) {
      explain(e);
      return EXIT.findings;
    }
    throw e;
  }
}

function printStatus(s: LabStatus, format: 'text' | 'json' = 'text'): void {
  if (format === 'json') {
    const out = {
      name: s.name,
      instances: s.instances,
      edges: s.edges,
      differences: s.differences ?? [],
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  if (s.instances.length === 0) {
    process.stdout.write(`lab ${s.name} is not running\n`);
    return;
  }
  const width = Math.max(...s.instances.map((i) => i.name.length));
  for (const i of s.instances) {
    process.stdout.write(
      `${i.name.padEnd(width)}  ${i.state.padEnd(8)} ${i.health.padEnd(9)} ${i.url ?? ''}\n`,
    );
  }
  for (const e of s.edges) {
    const mark = isEdgeUp(e) ? 'up' : 'DOWN';
    const err = e.lastError ? `  (${e.lastError})` : '';
    process.stdout.write(`edge ${e.id}: ${mark}, ${e.up} targets up, ${e.down} down${err}\n`);
  }
}

/**
 * SIGINT and SIGTERM while `up` runs: the first stops the launch, which removes what it created;
 * a second one ends the process at once, saying what may be left.
 */
function interruptible(file: string) {
  const controller = new AbortController();
  let received: StopSignal | null = null;
  const on = (sig: StopSignal) => () => {
    if (received) {
      process.stderr.write(
        `fedstudio: ${sig} again: stopping now; containers may be left (\`fedstudio lab down ${file}\` removes them)\n`,
      );
      process.exit(SIGNAL_EXIT[sig]);
    }
    received = sig;
    process.stderr.write(`fedstudio: ${sig}: stopping the launch and removing what it created\n`);
    controller.abort();
  };
  const handlers = { SIGINT: on('SIGINT'), SIGTERM: on('SIGTERM') };
  for (const [sig, h] of Object.entries(handlers)) process.on(sig, h);
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      for (const [sig, h] of Object.entries(handlers)) process.off(sig, h);
    },
  };
}

export async function labUpCommand(
  file: string,
  opts: { wait?: boolean; format?: 'text' | 'json' },
): Promise<number> {
  const design = await loadOrExplain(file);
  const plan = planLab(design.topology, { imageOverrides: { ...process.env } });
  const interrupt = interruptible(file);
  try {
    return await explained(async () => {
      try {
        await up(plan, {
          onProgress: progress,
          signal: interrupt.signal,
          command: opts.wait ? '`lab up --wait`' : '`lab up`',
          ...(opts.wait
            ? {
                afterHealthy: async (signal: AbortSignal) => {
                  await waitForEdges(plan.name, {
                    timeoutMs: EDGES_TIMEOUT_MS,
                    onProgress: progress,
                    signal,
                  });
                },
              }
            : {}),
        });
      } catch (e) {
        const sig = interrupt.received();
        if (e instanceof LabError && e.code === 'interrupted' && sig) {
          explain(e);
          return SIGNAL_EXIT[sig];
        }
        throw e;
      }
      printStatus(await status(plan.name), opts.format);
      return EXIT.ok;
    });
  } finally {
    interrupt.dispose();
  }
}

export async function labStatusCommand(
  file: string,
  opts: { format?: 'text' | 'json' },
): Promise<number> {
  const design = await loadOrExplain(file);
  return explained(async () => {
    printStatus(await status(design.topology.metadata.name), opts.format);
    return EXIT.ok;
  });
}

export async function labDownCommand(
  file: string,
  opts: { volumes?: boolean; format?: 'text' | 'json' },
): Promise<number> {
  const design = await loadOrExplain(file);
  return explained(async () => {
    const removed = await down(design.topology.metadata.name, {
      volumes: opts.volumes ?? false,
      onProgress: progress,
    });
    if (opts.format === 'json') process.stdout.write(JSON.stringify({ removed }) + '\n');
    return EXIT.ok;
  });
}
