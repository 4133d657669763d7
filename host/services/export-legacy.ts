// Leftovers of an interrupted export by an earlier fedstudio, which swapped whole folders: it
// wrote `.<name>.fedstudio-tmp-<hex>` beside the export folder, renamed the folder to
// `.<name>.fedstudio-old-<hex>`, moved the user's entries across and renamed the new one in.
// While the export folder exists, a tmp folder holds only generated files (it was never renamed
// in) and is deleted. An old folder holds what that export was replacing, which could include
// the user's files inside generated folders: it is reported, never deleted.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ExportRefused } from './export-target.ts';

export async function cleanLegacyLeftovers(dir: string): Promise<string[]> {
  const parent = path.dirname(dir);
  const escaped = path.basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\.${escaped}\\.fedstudio-(tmp|old)-[0-9a-f]{12}$`);
  const names = (await readdir(parent).catch(() => [] as string[])).filter((n) => pattern.test(n));
  const notes: string[] = [];
  for (const name of names.sort()) {
    const abs = path.join(parent, name);
    if (name.includes('.fedstudio-tmp-')) await rm(abs, { recursive: true, force: true });
    else
      notes.push(
        `${abs} was left by an interrupted export of an earlier version: it holds the files that export replaced; look through it, then delete it`,
      );
  }
  return notes;
}

/** An earlier version's export was interrupted after moving the folder away: do not guess. */
export async function refuseHalfSwapped(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  const prefix = `.${path.basename(dir)}.fedstudio-`;
  const names = (await readdir(parent).catch(() => [] as string[])).filter((n) =>
    n.startsWith(prefix),
  );
  const old = names.filter((n) => /^old-[0-9a-f]{12}$/.test(n.slice(prefix.length)));
  if (old.length === 0) return;
  throw new ExportRefused(
    `an interrupted export of an earlier version moved ${dir} away: its files are in ${names
      .map((n) => path.join(parent, n))
      .join(' and ')}; move them back into ${dir}, then export again`,
  );
}
