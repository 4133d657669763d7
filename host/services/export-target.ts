// Where an export lands: the folder named by --out (or its target when it is a symbolic link),
// and the one-line reasons a person gets when it cannot be written.
import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The export cannot happen as asked; the message says why in one line (CLI exit 2, host 'refused'). */
export class ExportRefused extends Error {}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way of a file',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EEXIST: 'something is already there',
  EXDEV: 'a part of the folder is on another file system',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'an input/output error',
  ENOENT: 'no such file or folder',
};

/**
 * A file-system failure as an ExportRefused with what failed, where and why; errors that are not
 * about the file system (bugs) pass through unchanged.
 */
export function describeFsError(e: unknown, doing: string): unknown {
  const err = e as NodeJS.ErrnoException | null | undefined;
  if (e instanceof ExportRefused || typeof err?.code !== 'string') return e;
  const reason = FS_REASONS[err.code];
  if (reason === undefined) return e;
  const where = typeof err.path === 'string' ? ` ${err.path}` : '';
  return new ExportRefused(`cannot ${doing}${where}: ${reason} (${err.code})`);
}

export interface ExportTarget {
  /** The real folder written into (a symbolic link's target; the link itself is never touched). */
  dir: string;
  created: boolean;
}

/**
 * Resolves --out to a real, existing folder, creating it (and its parents, with the umask's
 * default mode) when missing. Never changes an existing folder's mode or owner.
 */
export async function resolveTarget(outDir: string): Promise<ExportTarget> {
  if (outDir === '' || outDir.includes('\0')) {
    throw new ExportRefused(`${JSON.stringify(outDir)} is not a usable folder name`);
  }
  const asked = path.resolve(outDir);
  const link = await lstatOrNull(asked, outDir);
  if (link?.isSymbolicLink()) {
    let real: string;
    try {
      real = await realpath(asked);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new ExportRefused(
          `${outDir} is a symbolic link to a folder that does not exist; create the folder it points to, or choose another --out`,
        );
      throw describeFsError(e, `follow the link ${outDir}`);
    }
    if (!(await stat(real)).isDirectory())
      throw new ExportRefused(`${outDir} is a symbolic link to ${real}, which is not a folder`);
    return { dir: real, created: false };
  }
  if (link !== null) {
    if (!link.isDirectory()) throw new ExportRefused(`${outDir} exists and is not a folder`);
    return { dir: asked, created: false };
  }
  let first: string | undefined;
  try {
    first = await mkdir(asked, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST')
      throw new ExportRefused(
        `cannot create ${outDir}: ${await blockingAncestor(asked)} is a file, not a folder`,
      );
    throw describeFsError(e, `create the folder`);
  }
  // Another export may have created it a moment ago: then this one did not.
  return { dir: asked, created: first !== undefined };
}

async function lstatOrNull(p: string, shown: string) {
  try {
    return await lstat(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR')
      throw new ExportRefused(
        `cannot create ${shown}: ${await blockingAncestor(p)} is a file, not a folder`,
      );
    throw describeFsError(e, 'look at');
  }
}

/** The nearest ancestor of `p` that exists but is not a folder (for the message). */
async function blockingAncestor(p: string): Promise<string> {
  for (let dir = path.dirname(p); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const s = await stat(dir).catch(() => null);
    if (s && !s.isDirectory()) return dir;
    if (s) break;
  }
  return path.dirname(p);
}
