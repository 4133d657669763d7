// Design files on disk: read and parse with file:line:column errors, and write atomically without
// overwriting what someone else saved since the file was read (revisions).
import { createHash } from 'node:crypto';
import { lstat, readFile, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatModelError, parseTopology, type ModelError } from '../../shared/design/parse.ts';
import type { Topology } from '../../shared/model/schema.ts';
import { decodeDesignBytes } from '../../shared/model/yaml-text.ts';
import { writeFileAtomic } from '../disk/atomic-write.ts';
import { fsError, HostError, isFsError, printable } from './host-errors.ts';

export class DesignError extends Error {
  constructor(
    readonly file: string,
    readonly errors: ModelError[],
  ) {
    super(errors.map((e) => formatModelError(e, file)).join('\n'));
  }
}

export interface LoadedDesign {
  file: string;
  text: string;
  topology: Topology;
}

/** Reads and parses a design; throws DesignError naming file, line, column and field. */
export async function loadDesign(file: string): Promise<LoadedDesign> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a folder, not a design file'
          : err.message;
    throw new DesignError(file, [{ path: '(document)', line: 0, column: 0, message: why }]);
  }
  const decoded = decodeDesignBytes(bytes);
  if (!decoded.ok) throw new DesignError(file, decoded.errors);
  const text = decoded.text;
  const result = parseTopology(text);
  if (!result.ok) throw new DesignError(file, result.errors);
  return { file, text, topology: result.topology };
}

export async function saveDesignText(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text);
}

/** The revision of some bytes: their content is the truth (a touch alone is no change). */
export function revisionOf(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A design file's text and the revision of exactly the bytes read; path errors as HostErrors. */
export async function readDesignFile(file: string): Promise<{ text: string; revision: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw await pathError(e, file);
  }
  // Bytes that are not UTF-8 are named where they are, never read as replacement characters.
  const decoded = decodeDesignBytes(bytes);
  if (!decoded.ok)
    throw new HostError(
      'design-invalid',
      `${file} is not a usable design`,
      decoded.errors.map((x) => formatModelError(x, file)),
    );
  return { text: decoded.text, revision: revisionOf(bytes) };
}

/** The revision of the file on disk now, or null when there is none. */
export async function diskRevision(file: string): Promise<string | null> {
  try {
    return revisionOf(await readFile(file));
  } catch (e) {
    if (isFsError(e) && e.code === 'ENOENT' && (await danglingLink(file)) === null) return null;
    throw await pathError(e, file);
  }
}

export interface SaveCheck {
  /** The revision the text was based on; when the file exists, it must still be this one. */
  expectedRevision?: string | undefined;
  /** Replace the file whatever it holds (the user chose to overwrite). */
  overwrite?: boolean | undefined;
}

/**
 * Saves `text` to `file` unless the file changed since `expectedRevision` (a HostError
 * `conflict`), and answers the new revision. Saves of one file in this process run one at a
 * time, so two of them based on the same revision cannot both win. Another program can still
 * write between the last check (after the temporary file is written) and the rename; Node has no
 * compare-and-swap rename, so that window is a few milliseconds, not the whole save.
 */
export function saveDesignChecked(file: string, text: string, check: SaveCheck): Promise<string> {
  return oneAtATime(path.resolve(file), async () => {
    const target = await writeTarget(file);
    const verify = async () => {
      if (check.overwrite) return;
      const now = await diskRevision(target);
      // A file deleted since it was opened holds nobody's work: saving recreates it.
      if (now === null || now === check.expectedRevision) return;
      throw await conflict(file, target, check.expectedRevision, now);
    };
    await verify(); // before writing anything...
    try {
      await writeFileAtomic(target, text, { beforeRename: verify }); // ...and just before the rename
    } catch (e) {
      throw await pathError(e, file);
    }
    return revisionOf(text);
  });
}

async function conflict(
  file: string,
  target: string,
  expected: string | undefined,
  now: string,
): Promise<HostError> {
  const s = await stat(target).catch(() => null);
  const onDisk = s ? `${now} (${s.size} bytes, modified ${s.mtime.toISOString()})` : now;
  if (expected === undefined) {
    return new HostError('conflict', `${printable(file)} already exists`, [`on disk: ${onDisk}`]);
  }
  return new HostError('conflict', `${printable(file)} changed on disk since you opened it`, [
    `opened: ${expected}`,
    `on disk: ${onDisk}`,
  ]);
}

/** Where a save writes: through a symbolic link to its target, which must exist. */
async function writeTarget(file: string): Promise<string> {
  const s = await lstat(file).catch(() => null);
  if (!s?.isSymbolicLink()) return file;
  try {
    return await realpath(file);
  } catch (e) {
    throw await pathError(e, file);
  }
}

/** A file system error about `file`, with a dangling link along its path named as the cause. */
export async function pathError(e: unknown, file: string): Promise<HostError> {
  if (e instanceof HostError) return e;
  // mkdir -p meets a file where a folder should be.
  if (isFsError(e) && e.code === 'EEXIST')
    return new HostError(
      'invalid-args',
      `${printable(file)}: a part of the path is a file, not a folder`,
    );
  if (isFsError(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) {
    const link = await danglingLink(file);
    if (link) {
      const where = link.link === path.resolve(file) ? '' : `${printable(file)}: `;
      return new HostError(
        'invalid-args',
        `${where}${printable(link.link)} is a symbolic link to ${printable(link.target)}, which does not exist`,
      );
    }
  }
  return fsError(e, file);
}

/** The deepest existing entry on the path to `file`, if it is a link whose target is missing. */
async function danglingLink(file: string): Promise<{ link: string; target: string } | null> {
  let cur = path.resolve(file);
  for (;;) {
    const s = await lstat(cur).catch(() => null);
    if (s) {
      if (!s.isSymbolicLink()) return null;
      if (
        await stat(cur).then(
          () => true,
          () => false,
        )
      )
        return null;
      const to = await readlink(cur).catch(() => '?');
      return { link: cur, target: path.resolve(path.dirname(cur), to) };
    }
    const parent = path.dirname(cur);
    if (parent === cur) return null;
    cur = parent;
  }
}

const running = new Map<string, Promise<unknown>>();

/** Runs `task` after the tasks queued before it for the same key. */
async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const before = running.get(key) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(task);
  running.set(key, mine);
  try {
    return await mine;
  } finally {
    if (running.get(key) === mine) running.delete(key);
  }
}
