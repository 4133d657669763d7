// Noticing a design changed on disk behind the app before anything overwrites it: when the window
// regains focus, the open file's revision on disk is compared with the one the document was read
// or saved as. A save checks the same in the host, so this is the early warning, not the guard.
import type { HostApi } from '../../../shared/host-api.ts';
import { designStore } from '../store/design-store.ts';
import { showConflict } from './file-actions.ts';
import { displayPath, useFileUi } from './file-ui.ts';

/** Disk revisions the user was already told about (asked once each, not on every focus). */
const told = new Set<string>();

/** Compares the open file with the disk once; asks the user if it changed. */
export async function checkDisk(host: HostApi): Promise<void> {
  const s = designStore.getState();
  if (!s.filePath || !s.diskRevision || useFileUi.getState().dialog) return;
  let now: string | null;
  try {
    now = (await host.designRevision({ path: s.filePath })).revision;
  } catch {
    return; // the check is advisory; the save itself will say what is wrong
  }
  const after = designStore.getState();
  // Saved or another file opened meanwhile: this answer is about the past.
  if (after.filePath !== s.filePath || after.diskRevision !== s.diskRevision) return;
  if (now === s.diskRevision || useFileUi.getState().dialog) return;
  const key = `${s.filePath}\n${now ?? 'deleted'}`;
  if (told.has(key)) return;
  told.add(key);
  if (now === null) {
    designStore
      .getState()
      .notify(`${displayPath(s.filePath)} was deleted or moved on disk; Save writes it again.`);
    return;
  }
  showConflict(s.filePath, 'focus');
}

/** Checks the disk whenever the window comes back to the front; returns the unsubscribe. */
export function watchDisk(host: HostApi): () => void {
  const check = () => {
    if (document.visibilityState === 'visible') void checkDisk(host);
  };
  window.addEventListener('focus', check);
  document.addEventListener('visibilitychange', check);
  return () => {
    window.removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', check);
  };
}
