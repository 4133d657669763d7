import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Runs once the new content is on disk, just before it replaces the file; throwing cancels. */
  beforeRename?: () => Promise<void>;
  /** The new file's mode (before the umask); 0o600 for what only the user may read. */
  mode?: number;
}

/** Writes a file through a temporary sibling and a rename, so readers never see half of it. */
export async function writeFileAtomic(
  file: string,
  text: string,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    // The mode is set as the file is created, so the text is never readable by others.
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx', mode: opts.mode ?? 0o666 });
    await opts.beforeRename?.();
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
