// The host's lab section: Launch runs in the background (one launch at a time per host)
// and reports through labProgress, which the renderer polls; status, down and logs answer
// directly. The runner is injected so tests need no Docker; the real one is the dockerode runner.
import type { HostApi, LabEventEntry } from '../../shared/host-api.ts';
import type { LabEvent, LabStatus } from '../../shared/lab/reports.ts';
import type { LabPlan } from '../../shared/lab/types.ts';
import { HostError } from './host-errors.ts';
import { busyMessage, down, LabError, lockHolder, logs, status, up } from '../lab/index.ts';

/** What the host needs of a lab runner (the dockerode one by default; a fake in tests). */
export interface LabRunner {
  up(plan: LabPlan, opts: { onProgress: (e: LabEvent) => void }): Promise<unknown>;
  status(name: string): Promise<LabStatus>;
  down(
    name: string,
    opts: { volumes: boolean; onProgress: (e: LabEvent) => void },
  ): Promise<{ containers: number; networks: number; volumes: number }>;
  /** The container's last lines, or null when the lab has no such instance. */
  logs(name: string, instance: string, lines: number): Promise<string | null>;
  /** Why the lab cannot be launched or stopped now (another command holds its lock), or null. */
  busy?(name: string): Promise<string | null>;
}

/** The dockerode runner, holding the same per-lab lock as the CLI. */
export const dockerLabRunner: LabRunner = {
  up: (plan, opts) => up(plan, { ...opts, command: 'Launch in the app' }),
  status: (name) => status(name),
  down: (name, opts) => down(name, { ...opts, command: 'Stop in the app' }),
  logs: (name, instance, lines) => logs(name, instance, { lines }),
  busy: async (name) => {
    const holder = await lockHolder(name);
    return holder ? busyMessage(name, holder) : null;
  },
};

export interface LabServicesOptions {
  runner: LabRunner;
  /**
   * The lab of a design text, planned off the event loop (the host's design work): its name and
   * plan, or a HostError (the design is invalid, cannot be planned, or took too long).
   */
  plan(text: string): Promise<{ name: string; plan: LabPlan }>;
}

type LabMethod = 'labUp' | 'labProgress' | 'labStatus' | 'labDown' | 'labLogs';

/** Events kept for labProgress: a launch of a big design writes a few hundred at most. */
const MAX_EVENTS = 2000;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A LabError's explanation, with what Docker said on its own line when there is that. */
const labMessage = (e: LabError): string =>
  e.detail ? `${e.message}\nDocker said: ${e.detail}` : e.message;

/** A runner failure as the host's error: the runner's explanation, intact. */
function hostFailure(e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof LabError) {
    // Docker down, a port taken, an image missing, the lab busy...: the user's environment.
    return new HostError(e.code === 'docker-error' ? 'internal' : 'refused', labMessage(e));
  }
  return new HostError('internal', message(e));
}

export function createLabServices(o: LabServicesOptions): Pick<HostApi, LabMethod> {
  let seq = 0;
  let events: LabEventEntry[] = [];
  /** The last launch: its lab, whether it still runs, and how it failed. */
  let launch: { name: string; running: boolean; error?: { code: string; message: string } } | null =
    null;
  const stopping = new Set<string>();

  const record = (e: LabEvent) => {
    events.push({
      seq: ++seq,
      type: e.type,
      ...(e.instance !== undefined ? { instance: e.instance } : {}),
      message: e.message,
    });
    if (events.length > MAX_EVENTS) events = events.slice(-MAX_EVENTS);
  };

  /** Another process (the CLI, another window) holding the lab's lock: refused at once. */
  const refuseIfBusy = async (name: string) => {
    let busy: string | null;
    try {
      busy = (await o.runner.busy?.(name)) ?? null;
    } catch (e) {
      throw hostFailure(e);
    }
    if (busy) throw new HostError('refused', busy);
  };

  return {
    async labUp({ text }) {
      const { name, plan } = await o.plan(text);
      if (launch?.running) {
        throw new HostError(
          'refused',
          `the lab ${launch.name} is still starting; wait for it to finish, then launch again`,
        );
      }
      if (stopping.has(name))
        throw new HostError(
          'refused',
          `the lab ${name} is being stopped; launch it once it is down`,
        );
      await refuseIfBusy(name);
      const current: NonNullable<typeof launch> = { name, running: true };
      launch = current;
      events = [];
      void Promise.resolve()
        .then(() => o.runner.up(plan, { onProgress: record }))
        .then(
          () => {
            current.running = false;
          },
          (e: unknown) => {
            const error = {
              code: e instanceof LabError ? e.code : 'internal',
              message: e instanceof LabError ? labMessage(e) : message(e),
            };
            // Failures before the runner's own error event (Docker unreachable, an image missing).
            const last = events.at(-1);
            if (last?.type !== 'error' || !error.message.startsWith(last.message))
              record({ type: 'error', message: error.message });
            current.error = error;
            current.running = false;
          },
        );
      const nodes = [...new Set(plan.containers.map((c) => c.nodeId))];
      return { started: true as const, name, nodes };
    },

    labProgress({ since }) {
      return Promise.resolve({
        name: launch?.name ?? null,
        events: events.filter((e) => e.seq > since),
        running: launch?.running ?? false,
        ...(launch?.error ? { error: launch.error } : {}),
      });
    },

    async labStatus({ name }) {
      let s: LabStatus;
      try {
        s = await o.runner.status(name);
      } catch (e) {
        throw hostFailure(e);
      }
      if (s.instances.length === 0) return null;
      return { name: s.name, instances: s.instances, edges: s.edges };
    },

    async labDown({ name, volumes }) {
      if (launch?.running && launch.name === name) {
        throw new HostError(
          'refused',
          `the lab ${name} is still starting; stop it once the launch has finished or failed`,
        );
      }
      if (stopping.has(name)) throw new HostError('refused', `the lab ${name} is already stopping`);
      await refuseIfBusy(name);
      stopping.add(name);
      try {
        return await o.runner.down(name, { volumes, onProgress: record });
      } catch (e) {
        throw hostFailure(e);
      } finally {
        stopping.delete(name);
      }
    },

    async labLogs({ name, instance, lines }) {
      let text: string | null;
      try {
        text = await o.runner.logs(name, instance, lines);
      } catch (e) {
        throw hostFailure(e);
      }
      if (text === null)
        throw new HostError('not-found', `the lab ${name} has no container ${instance}`);
      return { text };
    },
  };
}
