// What an export will do to each path, decided before anything is written: the folder's files are
// looked at (and hashed) and compared with the new files and the previous manifest.
import { lstat, readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { sha256, type PreviousExport } from './export-manifest.ts';
import { isReservedName, realFolders } from './export-staging.ts';
import { ExportRefused } from './export-target.ts';
import { confinedPath } from '../disk/file-tree.ts';

/** What users fill in after an export: never overwritten unless it still holds what was written. */
const USER_OWNED = /^(\.env|secrets\/.*|\.git\/.*)$/;

export type Action =
  /** The file is missing: write it. */
  | 'create'
  /** The file holds exactly the new text: leave it. */
  | 'same'
  /** The file holds what the previous export wrote: replace it. */
  | 'update'
  /** The file was not written by fedstudio, or edited since: replacing it needs --force. */
  | 'replace'
  /** A user-owned file (.env, secrets/, .git/) that differs: left as it is, not listed. */
  | 'keep';

export interface PlannedFile {
  path: string;
  text: string;
  hash: string;
  action: Action;
  /** Why a 'replace' needs --force, for the message. */
  why?: string;
  /** The existing file, whose mode (and owner, when allowed) its replacement keeps. */
  existing?: Stats;
}

export interface ExportPlan {
  files: PlannedFile[];
  /** Files of the previous export the design no longer generates, still as written: removed. */
  remove: { path: string; sha256: string }[];
  /** Files of the previous export no longer generated but edited since: left to the user. */
  orphaned: string[];
}

/** Checks generated paths and normalises them to `a/b/c` (sorted). */
export function normaliseTree(root: string, files: Record<string, string>): [string, string][] {
  const out = new Map<string, string>();
  for (const [rel, text] of Object.entries(files)) {
    confinedPath(root, rel);
    const norm = path.posix.normalize(rel.split(path.sep).join('/'));
    if (isReservedName(norm.split('/')[0] ?? norm))
      throw new ExportRefused(
        `refusing to write "${rel}": the name is reserved for the export manifest`,
      );
    out.set(norm, text);
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : 1));
}

export async function planExport(
  root: string,
  tree: [string, string][],
  previous: PreviousExport,
): Promise<ExportPlan> {
  const listed = previous.kind === 'manifest' ? previous.files : new Map<string, string>();
  const checkedDirs = new Set<string>();
  const missingDirs = new Set<string>();
  const files: PlannedFile[] = [];
  for (const [rel, text] of tree) {
    // In a folder that is not there (a first export), no file is: nothing to look at.
    const folderMissing = await checkFolders(root, rel, checkedDirs, missingDirs);
    const hash = sha256(text);
    const abs = path.join(root, rel);
    const s = folderMissing ? null : await lstat(abs).catch(() => null);
    if (s === null) {
      files.push({ path: rel, text, hash, action: 'create' });
      continue;
    }
    if (s.isDirectory())
      throw new ExportRefused(
        `${abs} is a folder, but the export writes a file there; move the folder away`,
      );
    const onDisk = s.isFile() ? sha256(await readFile(abs)) : null;
    const asWritten = onDisk !== null && listed.get(rel) === onDisk;
    let action: Action;
    let why: string | undefined;
    if (onDisk === hash) action = 'same';
    else if (asWritten) action = 'update';
    else if (USER_OWNED.test(rel)) action = 'keep';
    // An earlier fedstudio listed no files: what is at a generated path was written by it.
    else if (previous.kind === 'legacy') action = 'update';
    else {
      action = 'replace';
      why = listed.has(rel) ? 'edited since the last export' : 'not written by fedstudio';
    }
    files.push({ path: rel, text, hash, action, existing: s, ...(why ? { why } : {}) });
  }
  const generated = new Set(tree.map(([rel]) => rel));
  const remove: ExportPlan['remove'] = [];
  const orphaned: string[] = [];
  for (const [rel, hash] of listed) {
    if (generated.has(rel)) continue;
    const abs = path.join(root, rel);
    const s = (await realFolders(root, rel)) ? await lstat(abs).catch(() => null) : null;
    if (s === null) continue;
    if (s.isFile() && sha256(await readFile(abs)) === hash)
      remove.push({ path: rel, sha256: hash });
    else orphaned.push(rel);
  }
  return { files, remove, orphaned };
}

/**
 * Refuses when a folder on the way to `rel` is a file or a link (writing through it escapes).
 * True when one of them does not exist (remembered in `missing`, as the real ones in `checked`).
 */
async function checkFolders(
  root: string,
  rel: string,
  checked: Set<string>,
  missing: Set<string>,
): Promise<boolean> {
  const parts = rel.split('/').slice(0, -1);
  let sub = '';
  for (const p of parts) {
    sub = sub === '' ? p : `${sub}/${p}`;
    if (missing.has(sub)) return true;
    if (checked.has(sub)) continue;
    const s = await lstat(path.join(root, sub)).catch(() => null);
    if (s === null) {
      missing.add(sub);
      return true;
    }
    if (!s.isDirectory()) {
      const what = s.isSymbolicLink() ? 'a symbolic link' : 'a file';
      throw new ExportRefused(
        `${path.join(root, sub)} is ${what}, but the export writes ${rel} into a folder there; move it away`,
      );
    }
    checked.add(sub);
  }
  return false;
}
