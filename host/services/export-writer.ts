// Writes an export into a folder that may also hold the user's files. The folder's manifest
// (export-manifest.ts) lists what the previous export generated: only those files, and only while
// they still hold what was written, are replaced or removed without --force. The user's files are
// never removed; one at a generated path is replaced only with --force, and reported. How files
// land without a half-written state: export-staging.ts.
import { chmod, chown, lstat, readdir, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileTree } from '../../shared/generate/types.ts';
import { cleanLegacyLeftovers, refuseHalfSwapped } from './export-legacy.ts';
import { readPreviousExport, renderManifest } from './export-manifest.ts';
import { normaliseTree, planExport, type ExportPlan, type PlannedFile } from './export-plan.ts';
import {
  createStaging,
  discardStaging,
  isReservedName,
  recoverInterrupted,
  releaseStaging,
  rollForward,
  sealStaging,
  type Staging,
} from './export-staging.ts';
import { ExportRefused, describeFsError, resolveTarget } from './export-target.ts';
import { eachAtMost, writeFileTree } from '../disk/file-tree.ts';

const FOLDERS_AT_ONCE = 4;

export { EXPORT_MARKER } from './export-manifest.ts';
export { ExportRefused } from './export-target.ts';

export interface ExportWriteResult {
  /** The folder written (the target of --out when --out is a symbolic link). */
  outDir: string;
  /** Files the export generated (unchanged ones included). */
  written: number;
  /** Existing entries left as they were: the user's files and folders, an edited .env. */
  kept: string[];
  /** Files that were not written by fedstudio (or edited since) and were replaced (--force). */
  replaced: string[];
  /** Files of the previous export the design no longer generates. */
  removed: string[];
  /** Things a person should know (leftovers of an earlier version's interrupted export). */
  notes: string[];
  created: boolean;
}

export interface ExportWriteOptions {
  force?: boolean;
  /** Facts recorded in the manifest's `design` object for later exports. */
  design?: Record<string, unknown>;
  /** For tests: a writer that can fail half way. */
  writeTree?: (root: string, files: FileTree) => Promise<void>;
}

/**
 * One export at a time per folder within this process, in the order they were asked for (other
 * processes, and other paths to the same folder: see recoverInterrupted).
 */
const busy = new Map<string, Promise<unknown>>();

export async function writeExport(
  outDir: string,
  files: FileTree,
  options: ExportWriteOptions = {},
): Promise<ExportWriteResult> {
  const asked = path.resolve(outDir || '.');
  const tree = normaliseTree(asked, files);
  const before = busy.get(asked) ?? Promise.resolve();
  const run = before.catch(() => {}).then(() => exportInto(outDir, asked, tree, options));
  busy.set(asked, run);
  try {
    return await run;
  } finally {
    if (busy.get(asked) === run) busy.delete(asked);
  }
}

async function exportInto(
  outDir: string,
  asked: string,
  tree: [string, string][],
  options: ExportWriteOptions,
): Promise<ExportWriteResult> {
  const present = await lstat(asked).then(
    () => true,
    () => false,
  );
  if (!present) await refuseHalfSwapped(asked);
  const target = await resolveTarget(outDir);
  try {
    return {
      ...(await writeInto(target.dir, asked, tree, options)),
      outDir: target.dir,
      created: target.created,
    };
  } catch (e) {
    // A folder this export created and could not fill is not left behind empty.
    if (target.created) await rmdir(target.dir).catch(() => {});
    throw describeFsError(e, 'write the export');
  }
}

async function writeInto(
  root: string,
  asked: string,
  tree: [string, string][],
  options: ExportWriteOptions,
): Promise<Omit<ExportWriteResult, 'outDir' | 'created'>> {
  // The staging folder is made first: two exports racing into one folder then see each other.
  const staging = await createStaging(root);
  let plan: ExportPlan;
  let notes: string[];
  try {
    await recoverInterrupted(root, staging.dir);
    notes = await cleanLegacyLeftovers(asked);
    plan = await decide(root, tree, options.force ?? false);
    await stage(staging, plan, options);
  } catch (e) {
    await discardStaging(staging.dir);
    throw e;
  }
  // Sealed: if this is interrupted, the next export finishes it.
  let removed: string[];
  try {
    removed = await rollForward(root, staging.dir, { remove: plan.remove });
  } finally {
    releaseStaging(staging.dir);
  }
  const keptFiles = plan.files.filter((f) => f.action === 'keep').map((f) => f.path);
  return {
    written: tree.length,
    kept: [...new Set([...(await leftAlone(root, tree)), ...keptFiles, ...plan.orphaned])].sort(),
    replaced: plan.files.filter((f) => f.action === 'replace').map((f) => f.path),
    removed,
    notes,
  };
}

/** A folder holding nothing but (possibly nested) empty folders: nothing there can be lost. */
async function onlyEmptyFolders(p: string, depth = 0): Promise<boolean> {
  const st = await lstat(p);
  if (!st.isDirectory() || depth > 32) return false;
  for (const n of await readdir(p))
    if (!(await onlyEmptyFolders(path.join(p, n), depth + 1))) return false;
  return true;
}

/** What the export will do, or why it may not: a foreign folder, or files it did not write. */
async function decide(root: string, tree: [string, string][], force: boolean): Promise<ExportPlan> {
  const previous = await readPreviousExport(root, force);
  const existing: string[] = [];
  for (const n of (await readdir(root)).sort())
    if (!isReservedName(n) && !(await onlyEmptyFolders(path.join(root, n)))) existing.push(n);
  if (previous.kind === 'none' && existing.length > 0 && !force) {
    throw new ExportRefused(
      `${root} is not empty and was not made by fedstudio export (${existing.length} entries, e.g. ${existing.slice(0, 3).join(', ')}); ` +
        'choose an empty folder, or pass --force to write beside its files (a file with the name of a generated one is replaced; nothing else is touched)',
    );
  }
  const plan = await planExport(root, tree, previous);
  const replaced = plan.files.filter((f) => f.action === 'replace');
  if (replaced.length > 0 && !force) {
    throw new ExportRefused(
      `exporting into ${root} would replace ${replaced.length} file(s) fedstudio did not write: ` +
        `${sample(replaced.map((f) => `${f.path} (${f.why})`))}; pass --force to replace them, or move them away`,
    );
  }
  return plan;
}

/** Writes the new and changed files into the staging folder and seals it with the manifest. */
async function stage(staging: Staging, plan: ExportPlan, options: ExportWriteOptions) {
  const toWrite = plan.files.filter((f) => ['create', 'update', 'replace'].includes(f.action));
  const listed = new Map(
    plan.files.filter((f) => f.action !== 'keep').map((f) => [f.path, f.hash] as const),
  );
  await (options.writeTree ?? writeFileTree)(
    staging.files,
    Object.fromEntries(toWrite.map((f) => [f.path, f.text])),
  );
  for (const f of toWrite) await keepModeAndOwner(path.join(staging.files, f.path), f);
  await sealStaging(
    staging,
    { remove: plan.remove },
    renderManifest(listed, options.design ? { design: options.design } : {}),
  );
}

/** A replaced file keeps its mode, and its owner when this process may set it (root). */
async function keepModeAndOwner(staged: string, f: PlannedFile) {
  const old = f.existing;
  if (!old?.isFile()) return;
  await chmod(staged, old.mode & 0o7777);
  if (process.getuid?.() === 0) await chown(staged, old.uid, old.gid);
}

/**
 * Entries of the folder, and of the generated folders in it, that the export neither wrote nor
 * removed: the user's files, reported so people see nothing was lost.
 */
async function leftAlone(root: string, tree: [string, string][]): Promise<string[]> {
  const generated = new Set<string>();
  const folders = new Set<string>(['']);
  for (const [rel] of tree) {
    generated.add(rel);
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      generated.add(dir);
      folders.add(dir);
    }
  }
  const out: string[] = [];
  // A few folders at a time: an export of a thousand servers has thousands.
  await eachAtMost([...folders], FOLDERS_AT_ONCE, async (dir) => {
    const names = await readdir(path.join(root, dir)).catch(() => []);
    for (const name of names) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (!generated.has(rel) && !(dir === '' && isReservedName(name))) out.push(rel);
    }
  });
  return out;
}

function sample(items: string[]): string {
  return items.length <= 5
    ? items.join(', ')
    : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}
