// The manifest an export leaves in its folder: which files it generated, each with its sha256.
// It is how a later export knows what it may replace or remove without asking: exactly those
// files, and only while they still hold what was written. Everything else in the folder is the
// user's. Readers ignore fields they do not know, so later versions can add facts (`design`).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ExportRefused, describeFsError } from './export-target.ts';
import { confinedPath } from '../disk/file-tree.ts';

/** The manifest's file name in an export folder (it also marks the folder as made by fedstudio). */
export const EXPORT_MARKER = '.fedstudio-export';
export const MANIFEST_TYPE = 'fedstudio-export-manifest';
export const MANIFEST_VERSION = 1;

const SHA256 = /^[0-9a-f]{64}$/;

const ManifestFile = z.object({ path: z.string().min(1), sha256: z.string().regex(SHA256) });

export const ExportManifest = z
  .object({
    type: z.literal(MANIFEST_TYPE),
    version: z.number().int().positive(),
    generator: z.object({ name: z.string(), version: z.string() }).loose(),
    exportedAt: z.string(),
    files: z.array(ManifestFile),
    /** Facts about the design later exports may need (e.g. each shard group's modulus). */
    design: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type ExportManifest = z.infer<typeof ExportManifest>;

/** What a folder says about its previous export. */
export type PreviousExport =
  | { kind: 'none' }
  /** A marker of an earlier fedstudio that lists no files: the folder is ours, nothing is removable. */
  | { kind: 'legacy' }
  | { kind: 'manifest'; manifest: ExportManifest; files: Map<string, string> };

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function generatorInfo(): { name: string; version: string } {
  return { name: 'fedstudio', version: process.env.FEDSTUDIO_VERSION ?? '0.1.0' };
}

export function renderManifest(
  files: Map<string, string>,
  extra: { design?: Record<string, unknown>; now?: Date } = {},
): string {
  const manifest: ExportManifest = {
    type: MANIFEST_TYPE,
    version: MANIFEST_VERSION,
    generator: generatorInfo(),
    exportedAt: (extra.now ?? new Date()).toISOString(),
    files: [...files]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([p, h]) => ({ path: p, sha256: h })),
    ...(extra.design ? { design: extra.design } : {}),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/**
 * Reads the manifest of `dir`. A file that is neither a manifest nor an earlier marker is refused
 * unless `force` (then the folder is treated as foreign: nothing in it is removed).
 */
export async function readPreviousExport(dir: string, force: boolean): Promise<PreviousExport> {
  const file = path.join(dir, EXPORT_MARKER);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw describeFsError(e, 'read');
  }
  if (text.startsWith('# Made by `fedstudio export`')) return { kind: 'legacy' };
  const problem = manifestProblem(text, dir);
  if (typeof problem !== 'string') return problem;
  if (force) return { kind: 'none' };
  throw new ExportRefused(
    `${file} is not an export manifest fedstudio can read (${problem}); ` +
      'pass --force to write beside the files of the folder (nothing in it is removed)',
  );
}

function manifestProblem(text: string, dir: string): PreviousExport | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const parsed = ExportManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'invalid'}`;
  }
  const files = new Map<string, string>();
  for (const f of parsed.data.files) {
    try {
      confinedPath(dir, f.path);
    } catch {
      return `files: "${f.path}" is not a path inside the folder`;
    }
    files.set(path.posix.normalize(f.path), f.sha256);
  }
  return { kind: 'manifest', manifest: parsed.data, files };
}
