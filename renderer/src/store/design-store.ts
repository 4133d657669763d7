// The designer's one store: the Topology document, its file, the selection and the history.
// Canvas, inspector, problems and preview are views of `topology`; every edit is a command on it
// that says whether it enters the undo history.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { EditResult } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';

export interface Selection {
  ids: string[];
}

export interface DesignState {
  topology: Topology;
  /** The design file, or null for a design never saved. */
  filePath: string | null;
  /**
   * The host's revision of `filePath` as this document last read or wrote it; saves name it so
   * the host refuses to overwrite changes made on disk since. Null when unknown (a recovered
   * design): a save then asks before replacing the file.
   */
  diskRevision: string | null;
  /** Bumped by every change of `topology`; equal to savedRevision when nothing is unsaved. */
  revision: number;
  savedRevision: number;
  selection: Selection;
  past: Topology[];
  future: Topology[];
  /** The last message for the user (a refused command, a saved file). */
  notice: { text: string; kind: 'info' | 'error'; at: number } | null;
  /** Asks the canvas to centre on an id (the problems panel does); the nonce makes repeats count. */
  focus: { id: string; nonce: number } | null;
}

export interface Command {
  label: string;
  /** Whether the command enters the undo history (a drag in progress does not; its end does). */
  undoable: boolean;
  run(t: Topology): EditResult | Topology;
}

export interface DesignActions {
  /** Replaces the document (new, open, recovery): history and selection start afresh. */
  load(
    t: Topology,
    filePath: string | null,
    opts?: { dirty?: boolean; diskRevision?: string | null },
  ): void;
  /** Runs a command; a refused one leaves everything as it was and says why. */
  apply(cmd: Command): boolean;
  /** Marks the start of a gesture (a drag): the state now is what its undo returns to. */
  checkpoint(): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  /** The document is in `filePath` now, as revision `diskRevision` (the edits since stay unsaved). */
  markSaved(filePath: string, diskRevision?: string | null, savedRevision?: number): void;
  notify(text: string, kind?: 'info' | 'error'): void;
  focusOn: (id: string) => void;
}

export type DesignStore = DesignState & DesignActions;

const HISTORY_LIMIT = 200;

export function emptyTopology(name = 'untitled'): Topology {
  return { apiVersion: 'fedstudio/v1', kind: 'Topology', metadata: { name }, nodes: [], edges: [] };
}

export function createDesignStore(initial: Topology = emptyTopology()): StoreApi<DesignStore> {
  return createStore<DesignStore>()((set, get) => {
    // A checkpoint taken at a gesture's start, pushed once the gesture changes something.
    let pending: Topology | null = null;
    // Each document version keeps its revision, so undoing back to the saved version is clean.
    let seq = 0;
    const revisionOf = new WeakMap<Topology, number>();
    const stamp = (t: Topology): number => {
      let r = revisionOf.get(t);
      if (r === undefined) revisionOf.set(t, (r = ++seq));
      return r;
    };
    return {
      topology: initial,
      filePath: null,
      diskRevision: null,
      revision: stamp(initial),
      savedRevision: stamp(initial),
      selection: { ids: [] },
      past: [],
      future: [],
      notice: null,
      focus: null,

      load(t, filePath, opts) {
        pending = null;
        const revision = stamp(t);
        set({
          topology: t,
          filePath,
          diskRevision: opts?.diskRevision ?? null,
          revision,
          savedRevision: opts?.dirty ? -1 : revision,
          selection: { ids: [] },
          past: [],
          future: [],
        });
      },

      apply(cmd) {
        const before = get().topology;
        const out = cmd.run(before);
        if ('ok' in out && !out.ok) {
          get().notify(`${cmd.label}: ${out.message}`, 'error');
          return false;
        }
        const next = 'ok' in out ? out.topology : out;
        if (next === before) return true;
        const s = get();
        let past = s.past;
        if (cmd.undoable) {
          past = [...s.past, pending ?? before].slice(-HISTORY_LIMIT);
          pending = null;
        } else if (pending === null) {
          pending = before; // a gesture without a checkpoint still undoes as one step
        }
        const selection =
          'ok' in out && out.ids.length > 0 && cmd.undoable ? { ids: out.ids } : s.selection;
        set({
          topology: next,
          revision: stamp(next),
          past,
          future: cmd.undoable ? [] : s.future,
          selection,
        });
        return true;
      },

      checkpoint() {
        pending = get().topology;
      },

      undo() {
        const s = get();
        const prev = s.past[s.past.length - 1];
        if (!prev) return;
        pending = null;
        set({
          topology: prev,
          past: s.past.slice(0, -1),
          future: [s.topology, ...s.future],
          revision: stamp(prev),
        });
      },

      redo() {
        const s = get();
        const next = s.future[0];
        if (!next) return;
        pending = null;
        set({
          topology: next,
          past: [...s.past, s.topology],
          future: s.future.slice(1),
          revision: stamp(next),
        });
      },

      select(ids) {
        set({ selection: { ids } });
      },

      markSaved(filePath, diskRevision = null, savedRevision = get().revision) {
        set({ filePath, diskRevision, savedRevision });
      },

      notify(text, kind = 'info') {
        set({ notice: { text, kind, at: Date.now() } });
      },

      focusOn(id) {
        set({ focus: { id, nonce: (get().focus?.nonce ?? 0) + 1 }, selection: { ids: [id] } });
      },
    };
  });
}

/** The app's store; tests and benchmarks make their own with createDesignStore. */
export const designStore = createDesignStore();

export function useDesign<T>(selector: (s: DesignStore) => T): T {
  return useStore(designStore, selector);
}

export const selectDirty = (s: DesignState) => s.revision !== s.savedRevision;
