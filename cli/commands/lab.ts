// `fedstudio lab up|status|down FILE`: the design as a local lab on Docker (issue 6), through the
// same runner the app uses. A lab that cannot start exits 1 with the runner's explanation; a
// design that cannot be read exits 2 as everywhere else.
import { down, LabError, status, up, waitForEdges } from '../../host/lab/index.ts';
import { planLab } from '../../shared/lab/plan.ts';
import { isEdgeUp, type LabEvent, type LabStatus } from '../../shared/lab/types.ts';
import { EXIT } from '../exit.ts';
import { loadOrExplain } from './load.ts';

/** Bound of `lab up --wait` for every edge to be up, after the containers are healthy. */
const EDGES_TIMEOUT_MS = 180_000;

function progress(e: LabEvent): void {
  // Progress goes to stderr, so `status --json`-style output on stdout stays parseable.
  if (e.type !== 'error') process.stderr.write(`${e.type.padEnd(8)} ${e.message}\n`);
}

async function explained(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof LabError) {
      process.stderr.write(`fedstudio: ${e.message}\n`);
      return EXIT.findings;
    }
    throw e;
  }
}

function printStatus(s: LabStatus): void {
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

export async function labUpCommand(file: string, opts: { wait?: boolean }): Promise<number> {
  const design = await loadOrExplain(file);
  const plan = planLab(design.topology, { imageOverrides: { ...process.env } });
  return explained(async () => {
    await up(plan, { onProgress: progress });
    if (opts.wait) {
      await waitForEdges(plan.name, { timeoutMs: EDGES_TIMEOUT_MS, onProgress: progress });
    }
    printStatus(await status(plan.name));
    return EXIT.ok;
  });
}

export async function labStatusCommand(file: string, opts: { json?: boolean }): Promise<number> {
  const design = await loadOrExplain(file);
  return explained(async () => {
    const s = await status(design.topology.metadata.name);
    if (opts.json) {
      process.stdout.write(
        JSON.stringify({ instances: s.instances, edges: s.edges }, null, 2) + '\n',
      );
    } else printStatus(s);
    return EXIT.ok;
  });
}

export async function labDownCommand(file: string, opts: { volumes?: boolean }): Promise<number> {
  const design = await loadOrExplain(file);
  return explained(async () => {
    await down(design.topology.metadata.name, {
      volumes: opts.volumes ?? false,
      onProgress: progress,
    });
    return EXIT.ok;
  });
}
