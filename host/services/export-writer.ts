// Writes an export atomically: the whole tree goes to a temporary sibling folder, which then
// replaces the target in one rename. A failure leaves the target as it was, never half-written.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileTree } from '../../shared/generate/types.ts';
import { writeFileTree } from './file-tree.ts';

/** Marks a folder as made by `fedstudio export`, so that exporting again into it needs no --force. */
export const EXPORT_MARKER = '.fedstudio-export';

/** What users fill in after an export and a re-export must never lose. */
const USER_OWNED = new Set(['.env', 'secrets', '.git']);

export class ExportRefused extends Error {}

export interface ExportWriteResult {
  outDir: string;
  written: number;
  /** Existing entries carried over into the new export (user-owned files, foreign files). */
  kept: string[];
  created: boolean;
}

export interface ExportWriteOptions {
  force?: boolean;
  /** For tests: a writer that can fail half way. */
  writeTree?: (root: string, files: FileTree) => Promise<void>;
}

export async function writeExport(
  outDir: string,
  files: FileTree,
  options: ExportWriteOptions = {},
): Promise<ExportWriteResult> {
  const target = path.resolve(outDir);
  const existing = await listDir(target);
  if (existing === 'not-a-directory') {
    throw new ExportRefused(`${outDir} exists and is not a folder`);
  }
  const ours = existing !== null && existing.includes(EXPORT_MARKER);
  if (existing !== null && existing.length > 0 && !ours && !options.force) {
    throw new ExportRefused(
      `${outDir} is not empty and was not made by fedstudio export (${existing.length} entries, e.g. ${existing.slice(0, 3).join(', ')}); ` +
        'choose an empty folder, or pass --force to write into it (files of the export are replaced, other files are kept)',
    );
  }
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const nonce = randomBytes(6).toString('hex');
  const staging = path.join(parent, `.${path.basename(target)}.fedstudio-tmp-${nonce}`);
  const retired = path.join(parent, `.${path.basename(target)}.fedstudio-old-${nonce}`);
  await mkdir(staging);
  try {
    await (options.writeTree ?? writeFileTree)(staging, files);
    await writeFile(path.join(staging, EXPORT_MARKER), markerText(), 'utf8');
    const kept: string[] = [];
    if (existing !== null) {
      // Carry over what is not ours to replace: user-owned entries always (an edited .env wins
      // over the generated one), and in a folder we did not make, everything we do not write.
      const generatedTop = new Set(Object.keys(files).map((p) => p.split('/')[0] ?? p));
      for (const name of existing) {
        if (name === EXPORT_MARKER) continue;
        const userOwned = USER_OWNED.has(name);
        if (!userOwned && (ours || generatedTop.has(name))) continue;
        await rm(path.join(staging, name), { recursive: true, force: true });
        kept.push(name);
      }
      // Moves happen after all writes succeeded; each is a rename on the same file system.
      await rename(target, retired);
      try {
        for (const name of kept) await rename(path.join(retired, name), path.join(staging, name));
        await rename(staging, target);
      } catch (e) {
        for (const name of kept)
          await rename(path.join(staging, name), path.join(retired, name)).catch(() => {});
        await rename(retired, target);
        throw e;
      }
      await rm(retired, { recursive: true, force: true });
    } else {
      await rename(staging, target);
    }
    return { outDir: target, written: Object.keys(files).length, kept, created: existing === null };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function markerText(): string {
  return '# Made by `fedstudio export`. Exporting again into this folder replaces its generated files;\n# .env, secrets/ and .git are kept.\n';
}

async function listDir(dir: string): Promise<string[] | null | 'not-a-directory'> {
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) return 'not-a-directory';
    return (await readdir(dir)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
