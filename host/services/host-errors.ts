import type { HostErrorBody, HostErrorCode } from '../../shared/host-api.ts';

/** An error a host answers with: its code and message reach the renderer intact. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }

  toBody(): HostErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** What each file system error means for the user, and the host error code it answers with. */
const FS_ERRORS: Record<string, [HostErrorCode, string]> = {
  ENOENT: ['not-found', 'no such file or folder'],
  EISDIR: ['invalid-args', 'is a folder, not a file'],
  ENOTDIR: ['invalid-args', 'a part of the path is a file, not a folder'],
  ENAMETOOLONG: ['invalid-args', 'the path is too long'],
  ELOOP: ['invalid-args', 'the path goes through a loop of symbolic links'],
  EINVAL: ['invalid-args', 'not a usable path'],
  ERR_INVALID_ARG_VALUE: ['invalid-args', 'not a usable path'],
  ERR_INVALID_ARG_TYPE: ['invalid-args', 'not a usable path'],
  EACCES: ['forbidden', 'permission denied'],
  EPERM: ['forbidden', 'the operation is not permitted'],
  EROFS: ['forbidden', 'the file system is read-only'],
  EEXIST: ['refused', 'already exists'],
  ENOTEMPTY: ['refused', 'the folder is not empty'],
  EBUSY: ['refused', 'the file is in use'],
  ENOSPC: ['refused', 'no space left on the disk'],
  EDQUOT: ['refused', 'the disk quota is used up'],
  EMFILE: ['refused', 'too many open files; try again'],
};

/** A Node file system error (it has an errno-style `code`), as opposed to any other error. */
export function isFsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/**
 * A file system error as a one-line HostError about `file`: never Node's raw text (which names
 * syscalls and may carry NUL bytes), never a 500 for what is a problem with the path.
 */
export function fsError(e: unknown, file: string): HostError {
  if (e instanceof HostError) return e;
  const shown = printable(file);
  const known = isFsError(e) ? FS_ERRORS[e.code] : undefined;
  if (known) return new HostError(known[0], `${shown}: ${known[1]}`);
  const code = isFsError(e) ? ` (${e.code})` : '';
  return new HostError('internal', `${shown}: the file system failed${code}`);
}

/** A path fit for a one-line message: control characters (NUL included) shown escaped. */
export function printable(p: string): string {
  return JSON.stringify(p).slice(1, -1);
}

/** Any thrown value as an error body; unexpected errors keep their message, never their stack. */
export function errorBody(e: unknown): HostErrorBody {
  if (e instanceof HostError) return e.toBody();
  // A file system error that escaped a service still says what and where, in one line.
  if (isFsError(e) && typeof e.path === 'string' && FS_ERRORS[e.code])
    return fsError(e, e.path).toBody();
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
