// The folder the app keeps its state in (recent files, recovery copies, lab folders), private to
// the user. Both the app state and the lab folders live under it.
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export function defaultStateDir(): string {
  if (process.env.FEDSTUDIO_STATE_DIR) return process.env.FEDSTUDIO_STATE_DIR;
  const base = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return path.join(base, 'fedstudio');
}

/** The state folder and the files in it (recovery.json holds unsaved designs): the user's alone. */
export const STATE_DIR_MODE = 0o700;
export const STATE_FILE_MODE = 0o600;

/**
 * Creates a folder of the app's state readable only by the user, and tightens it when an earlier
 * version left it open, if it is ours: `isOurs` guards a folder the user named
 * (FEDSTUDIO_STATE_DIR=~ must not close their home). Parents (~/.config, ...) keep their modes.
 */
export async function ensurePrivateDir(
  dir: string,
  isOurs: (dir: string) => Promise<boolean> = () => Promise.resolve(true),
): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  await mkdir(dir, { recursive: true, mode: STATE_DIR_MODE });
  const st = await stat(dir);
  if ((st.mode & 0o777) === STATE_DIR_MODE) return;
  const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
  if (mine && (await isOurs(dir))) await chmod(dir, STATE_DIR_MODE);
}

/** What the app writes into its state folder (and the temporary files of atomic writes). */
const STATE_ENTRY =
  /^(recent\.json|recovery\.json|labs|\.(recent|recovery)\.json\.[0-9a-f]+\.tmp)$/;

/** A state folder holding nothing but what the app writes there is the app's own. */
export async function isStateDir(dir: string): Promise<boolean> {
  return (await readdir(dir)).every((e) => STATE_ENTRY.test(e));
}
