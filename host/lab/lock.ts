// One `lab up` or `lab down` at a time per design, across processes (CLI, app, web host): a lock
// file beside the lab's folder (labs/<name>.lock, so `down --volumes` removing the folder keeps
// it), created with O_EXCL and holding who took it. A lock whose process is gone is taken over.
import { hostname } from 'node:os';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LabError } from './errors.ts';
import { labDir } from './folder.ts';

export const LockHolder = z.object({
  pid: z.number(),
  host: z.string(),
  /** What holds it, in the user's words: "`lab up`", "Launch in the app". */
  command: z.string(),
  /** ISO time it was taken. */
  since: z.string(),
});
export type LockHolder = z.infer<typeof LockHolder>;

export interface LabLock {
  name: string;
  holder: LockHolder;
  /** Said when a stale lock was taken over. */
  note?: string;
  release(): Promise<void>;
}

/** A lock file being written by its taker has no content for a moment: busy, not stale, then. */
const WRITING_GRACE_MS = 5_000;
const TAKE_ATTEMPTS = 5;

export function lockPath(name: string, stateDir?: string): string {
  return `${labDir(name, stateDir)}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, owned by someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function hhmm(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function busyMessage(name: string, h: LockHolder): string {
  const where = h.host === hostname() ? '' : ` on ${h.host}`;
  return (
    `lab ${name} is busy: ${h.command} by pid ${h.pid}${where} since ${hhmm(h.since)}. ` +
    'Wait for it to finish (or stop it), then try again.'
  );
}

type Found =
  | { state: 'free' }
  | { state: 'held'; holder: LockHolder }
  | { state: 'stale'; text: string; why: string };

async function inspectLock(file: string): Promise<Found> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'free' };
    throw e;
  }
  let holder: LockHolder | undefined;
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text));
    if (parsed.success) holder = parsed.data;
  } catch {
    // unreadable: judged by its age below
  }
  if (!holder) {
    const age = Date.now() - (await stat(file).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
    if (age < WRITING_GRACE_MS)
      return {
        state: 'held',
        holder: {
          pid: 0,
          host: hostname(),
          command: 'another command',
          since: new Date().toISOString(),
        },
      };
    return { state: 'stale', text, why: 'its lock file was unreadable' };
  }
  // Another machine's process cannot be checked (a shared home folder): it counts as held.
  if (holder.host === hostname() && !alive(holder.pid))
    return { state: 'stale', text, why: `${holder.command} by pid ${holder.pid} is gone` };
  return { state: 'held', holder };
}

/** Who holds the lab's lock, or null when nobody does (a stale lock counts as nobody). */
export async function lockHolder(name: string, stateDir?: string): Promise<LockHolder | null> {
  const found = await inspectLock(lockPath(name, stateDir));
  return found.state === 'held' ? found.holder : null;
}

/** Takes the lab's lock for `command`, or a LabError('busy') saying who holds it. */
export async function acquireLabLock(
  name: string,
  command: string,
  stateDir?: string,
): Promise<LabLock> {
  const file = lockPath(name, stateDir);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command,
    since: new Date().toISOString(),
  };
  const mine = JSON.stringify(holder);
  let note: string | undefined;
  for (let attempt = 0; attempt < TAKE_ATTEMPTS; attempt++) {
    try {
      const fh = await open(file, 'wx', 0o600);
      try {
        await fh.writeFile(mine);
      } finally {
        await fh.close();
      }
      return {
        name,
        holder,
        ...(note ? { note } : {}),
        release: async () => {
          // Only our own: a lock taken over after ours went stale is someone else's now.
          const now = await readFile(file, 'utf8').catch(() => null);
          if (now === mine) await unlink(file).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const found = await inspectLock(file);
    if (found.state === 'held') throw new LabError('busy', busyMessage(name, found.holder));
    if (found.state === 'stale') {
      // Removed only if it is still the stale one we read: another taker may have been quicker.
      const again = await readFile(file, 'utf8').catch(() => null);
      if (again === found.text) await unlink(file).catch(() => undefined);
      note = `took over the lock of lab ${name}: ${found.why}`;
    }
  }
  throw new LabError('busy', `lab ${name} is busy: its lock at ${file} keeps changing hands`);
}
