// How an export reaches the folder without ever leaving it half-written for good.
//
// The folder may hold the user's files, so it cannot be swapped in one rename. Instead:
//   1. every new or changed file is written into a staging folder inside the export folder
//      (`.fedstudio-tmp-<pid>-<random>/files/...`, same file system, so renames are atomic);
//      the previous export is untouched while this happens;
//   2. a journal (`commit.json`: the files of the previous export to remove) is renamed into the
//      staging folder: from then on the export is decided;
//   3. each staged file is renamed over its place, stale files are removed, and the new manifest
//      is renamed into place last; the staging folder is deleted.
// A later export first looks for staging folders of a process that is gone: one with a journal is
// finished (rolled forward), one without is deleted. So after a crash or a kill the folder holds
// the previous export or a mix of old and new files, each whole, until the next export completes
// it, and never any junk after it. Files are not fsync'ed: this guards against the process dying,
// not against the machine losing power.
import { randomBytes } from 'node:crypto';
import {
  lstat,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EXPORT_MARKER, sha256 } from './export-manifest.ts';
import { ExportRefused } from './export-target.ts';
import { confinedPath } from '../disk/file-tree.ts';

const STAGING = /^\.fedstudio-tmp-(\d+)-[0-9a-f]{12}$/;
const JOURNAL = 'commit.json';

/** True for names the export machinery itself uses inside an export folder. */
export function isReservedName(name: string): boolean {
  return name === EXPORT_MARKER || name.startsWith('.fedstudio-tmp-');
}

const Journal = z.object({
  remove: z.array(z.object({ path: z.string(), sha256: z.string() })),
});
export type Journal = z.infer<typeof Journal>;

export interface Staging {
  dir: string;
  /** Where the new files are written, mirroring the export folder. */
  files: string;
}

/** Staging folders this process is writing now. */
const active = new Set<string>();

export async function createStaging(root: string): Promise<Staging> {
  const dir = path.join(root, `.fedstudio-tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  active.add(dir);
  await mkdir(path.join(dir, 'files'), { recursive: true });
  return { dir, files: path.join(dir, 'files') };
}

/** Decides the export: after this the staged files will reach the folder, now or on recovery. */
export async function sealStaging(s: Staging, journal: Journal, manifest: string): Promise<void> {
  await writeFile(path.join(s.dir, 'manifest'), manifest, { mode: 0o644 });
  await writeFile(path.join(s.dir, `${JOURNAL}.tmp`), JSON.stringify(journal));
  await rename(path.join(s.dir, `${JOURNAL}.tmp`), path.join(s.dir, JOURNAL));
}

/** Moves a sealed staging folder's files into `root`, removes stale files, then the manifest. */
export async function rollForward(root: string, stagingDir: string, journal: Journal) {
  await moveInto(root, path.join(stagingDir, 'files'), '');
  const removed: string[] = [];
  for (const r of journal.remove) {
    if (await removeIfUnchanged(root, r.path, r.sha256)) removed.push(r.path);
  }
  const manifest = path.join(stagingDir, 'manifest');
  if (await exists(manifest)) await rename(manifest, path.join(root, EXPORT_MARKER));
  await discardStaging(stagingDir);
  return removed;
}

/**
 * Moves the staged entries of folder `rel` into place. A folder the export folder does not have
 * yet moves whole, in one rename (a first export moves a few folders, not thousands of files);
 * into one it has, its entries move one by one.
 */
async function moveInto(root: string, staged: string, rel: string): Promise<void> {
  const entries = await readdir(path.join(staged, rel), { withFileTypes: true }).catch(() => []);
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const sub = rel === '' ? e.name : `${rel}/${e.name}`;
    const to = confinedPath(root, sub);
    if (!e.isDirectory()) {
      await mkdir(path.dirname(to), { recursive: true });
      await rename(path.join(staged, sub), to);
      continue;
    }
    const there = await lstat(to).catch(() => null);
    if (there === null) {
      await mkdir(path.dirname(to), { recursive: true });
      await rename(path.join(staged, sub), to);
    } else if (there.isDirectory()) await moveInto(root, staged, sub);
    // Not a real folder (a link, planned through with --force): its files go one by one, through it.
    else
      for (const f of await listFiles(path.join(staged, sub), sub)) {
        const dest = confinedPath(root, f);
        await mkdir(path.dirname(dest), { recursive: true });
        await rename(path.join(staged, f), dest);
      }
  }
}

/**
 * Finishes or deletes what an interrupted export left in `root` (except `own`, the caller's
 * staging folder). Refuses while another export, in this process or a live one, writes there.
 */
export async function recoverInterrupted(root: string, own?: string): Promise<void> {
  for (const name of await readdir(root)) {
    const m = STAGING.exec(name);
    const dir = path.join(root, name);
    if (!m || dir === own) continue;
    const pid = Number(m[1]);
    if (pid === process.pid ? active.has(dir) : isAlive(pid))
      throw new ExportRefused(
        `another export into ${root} is running (process ${pid}); wait for it, or remove ${name} if no export is running`,
      );
    const journal = await readJournal(dir);
    if (journal) await rollForward(root, dir, journal);
    else await rm(dir, { recursive: true, force: true });
  }
}

export async function discardStaging(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  active.delete(dir);
}

/** This process stops writing `dir`; left on disk sealed, the next export finishes it. */
export function releaseStaging(dir: string): void {
  active.delete(dir);
}

/** Removes `rel` if it is a regular file with the given hash, then its folders that became empty. */
async function removeIfUnchanged(root: string, rel: string, hash: string): Promise<boolean> {
  const abs = confinedPath(root, rel);
  if (!(await realFolders(root, rel))) return false;
  const s = await lstat(abs).catch(() => null);
  if (!s?.isFile() || sha256(await readFile(abs)) !== hash) return false;
  await unlink(abs);
  for (
    let d = path.dirname(abs);
    d !== root && d.startsWith(root + path.sep);
    d = path.dirname(d)
  ) {
    if (
      !(await rmdir(d).then(
        () => true,
        () => false,
      ))
    )
      break;
  }
  return true;
}

/** True when every folder between `root` and `rel` is a real folder (no link leads outside). */
export async function realFolders(root: string, rel: string): Promise<boolean> {
  const parts = rel.split('/').slice(0, -1);
  let d = root;
  for (const p of parts) {
    d = path.join(d, p);
    const s = await lstat(d).catch(() => null);
    if (s === null) return true;
    if (!s.isDirectory()) return false;
  }
  return true;
}

async function readJournal(dir: string): Promise<Journal | null> {
  try {
    return Journal.parse(JSON.parse(await readFile(path.join(dir, JOURNAL), 'utf8')));
  } catch {
    return null;
  }
}

/** Relative paths (with `/`) of the regular files below `dir`. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(p: string): Promise<boolean> {
  return lstat(p).then(
    () => true,
    () => false,
  );
}
