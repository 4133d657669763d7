// Helpers the export writer's tests share: a temporary base folder and a look at what is on disk.
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_MARKER, ExportManifest, sha256 } from './export-manifest.ts';

/** Every file below `dir` (relative, with `/`), links included as entries. */
export async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...(await filesBelow(path.join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

export async function readManifest(dir: string): Promise<ExportManifest> {
  return ExportManifest.parse(JSON.parse(await readFile(path.join(dir, EXPORT_MARKER), 'utf8')));
}

/** Asserts-by-return: the listed files whose content on disk is not what the manifest says. */
export async function manifestMismatches(dir: string): Promise<string[]> {
  const bad: string[] = [];
  for (const f of (await readManifest(dir)).files) {
    const abs = path.join(dir, f.path);
    const s = await lstat(abs).catch(() => null);
    if (!s?.isFile() || sha256(await readFile(abs)) !== f.sha256) bad.push(f.path);
  }
  return bad;
}

/** Names of the export machinery's temporary entries below `dir`. */
export async function junk(dir: string): Promise<string[]> {
  const names = [...(await readdir(dir)), ...(await filesBelow(dir))];
  return [...new Set(names.filter((f) => /fedstudio-tmp|\.tmp$|fedstudio-old/.test(f)))];
}
