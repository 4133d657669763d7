// The file session around the document: what to show at start (the file the host was asked to
// open, else unsaved work to recover, else the template gallery), autosave for crash recovery
// (to the host's recovery slot only: it never writes the design file), a look at the disk when
// the window regains focus, and the browser's prompt before a tab with unsaved work closes.
import { useEffect } from 'react';
import type { HostApi } from '../../../shared/host-api.ts';
import { designStore, selectDirty } from '../store/design-store.ts';
import {
  bindHost,
  designText,
  loadText,
  openTemplateCopy,
  showErrors,
  startEmpty,
} from '../files/file-actions.ts';
import { hostError, useFileUi } from '../files/file-ui.ts';
import { watchDisk } from '../files/disk-watch.ts';
import { listenToMenus } from '../commands/dispatch.ts';

/** Edits wait this long for a pause before they are autosaved... */
const AUTOSAVE_DEBOUNCE_MS = 2000;
/** ...but a steady stream of edits is autosaved at least this often. */
const AUTOSAVE_MAX_WAIT_MS = 5000;

let started = false;

async function start(host: HostApi): Promise<void> {
  const ui = useFileUi.getState();
  const gallery = () => useFileUi.getState().show({ kind: 'templates' });
  let info;
  try {
    info = await host.hostInfo({});
  } catch (e) {
    // The host could not read the design it was asked to open.
    const { message, details } = hostError(e);
    startEmpty();
    showErrors('Cannot open the design', message, details, gallery);
    return;
  }
  useFileUi.setState({ workspace: info.workspace, hostKind: info.kind });
  // Unsaved work is offered back whatever the app was started with: a file named at start must
  // not hide the autosaved copy of another (or of the same) design.
  const recovery = await host.getRecovery({}).catch(() => null);
  const offerRecovery = () => {
    if (recovery) ui.show({ kind: 'recovery', recovery });
    else gallery();
  };
  const initial = info.initialFile;
  if (!initial) {
    startEmpty();
    offerRecovery();
    return;
  }
  // A design that does not parse: its errors, then recovery or the gallery.
  const { text, path, revision, template } = initial;
  const loaded =
    template !== undefined
      ? openTemplateCopy(template, text, offerRecovery)
      : loadText(text, path, { then: offerRecovery, diskRevision: revision });
  if (!loaded) {
    startEmpty();
    return;
  }
  // The autosave of exactly the opened text is no unsaved work.
  const sameAsOpened = recovery && recovery.text === text && recovery.path === path;
  if (recovery && !sameAsOpened) ui.show({ kind: 'recovery', recovery });
}

/** Autosaves the unsaved document to the host's recovery slot; clears it when nothing is unsaved. */
function autosave(host: HostApi): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let stored = false;
  const flush = () => {
    timer = null;
    firstPending = 0;
    const s = designStore.getState();
    if (!selectDirty(s)) return;
    const text = designText(s.topology);
    const body = text.ok ? text.value : JSON.stringify(s.topology, null, 2); // YAML reads JSON
    stored = true;
    void host
      .putRecovery({ path: s.filePath, text: body, savedAt: new Date().toISOString() })
      .catch(() => undefined);
  };
  const unsubscribe = designStore.subscribe((s, prev) => {
    if (s.revision === prev.revision && s.savedRevision === prev.savedRevision) return;
    if (!selectDirty(s)) {
      if (timer) clearTimeout(timer);
      timer = null;
      firstPending = 0;
      // Saved, or undone back to the saved state: nothing to recover any more.
      if (stored) void host.clearRecovery({}).catch(() => undefined);
      stored = false;
      return;
    }
    const now = Date.now();
    if (firstPending === 0) firstPending = now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(
      0,
      Math.min(AUTOSAVE_DEBOUNCE_MS, firstPending + AUTOSAVE_MAX_WAIT_MS - now),
    );
    timer = setTimeout(flush, wait);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

/** Tells a desktop host the window title and whether closing would lose work. */
function reportDocumentState(host: HostApi): () => void {
  let last = '';
  const report = () => {
    if (useFileUi.getState().hostKind !== 'electron') return;
    const s = designStore.getState();
    const dirty = selectDirty(s);
    const file = s.filePath ? (s.filePath.split(/[\\/]/).pop() ?? s.filePath) : 'not saved';
    const title = `${dirty ? '● ' : ''}${s.topology.metadata.name} (${file}) — Federation Studio`;
    const key = `${title}|${dirty}`;
    if (key === last) return;
    last = key;
    void host.setDocumentState({ title, dirty }).catch(() => undefined);
  };
  const a = designStore.subscribe(report);
  const b = useFileUi.subscribe(report);
  return () => {
    a();
    b();
  };
}

/** Binds the host for the file commands and runs the session; the FileBar calls it once. */
export function useFileSession(host: HostApi): void {
  useEffect(() => {
    bindHost(host);
    if (!started) {
      started = true;
      // Tests and tools wait for this instead of guessing when the start-up dialogs are up.
      void start(host).finally(() => {
        document.documentElement.dataset.sessionReady = 'true';
      });
    }
    const stopAutosave = autosave(host);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!selectDirty(designStore.getState())) return;
      e.preventDefault();
      // Older browsers (and Electron's close prompt) need it set, deprecated or not.
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    const stopMenus = listenToMenus(host);
    const stopDocState = reportDocumentState(host);
    const stopDiskWatch = watchDisk(host);
    return () => {
      stopDiskWatch();
      stopMenus();
      stopDocState();
      stopAutosave();
      window.removeEventListener('beforeunload', beforeUnload);
      bindHost(null);
    };
  }, [host]);
}
