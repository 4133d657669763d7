// What the file side of the app shows besides the document: the open dialog, and the host's
// workspace (paths are shown relative to it). The document itself is in the design store.
import { create } from 'zustand';
import type { Recovery } from '../../../shared/host-api.ts';
import { HostCallError } from '../host/envelope.ts';

export type FileDialog =
  | { kind: 'templates' }
  | { kind: 'open' }
  | { kind: 'save-as'; then?: () => void }
  | { kind: 'export' }
  | { kind: 'confirm'; action: string; proceed: () => void }
  | { kind: 'recovery'; recovery: Recovery }
  /** `path` changed on disk (or exists) where the document is saved: reload, overwrite, cancel. */
  | { kind: 'conflict'; path: string; reason: 'save' | 'focus'; then?: () => void }
  | { kind: 'errors'; title: string; message: string; lines: string[]; then?: () => void };

export interface FileUi {
  dialog: FileDialog | null;
  workspace: string;
  hostKind: 'web' | 'electron';
  /** A file operation is under way (buttons wait for it). */
  busy: boolean;
  show(d: FileDialog | null): void;
}

export const useFileUi = create<FileUi>()((set) => ({
  dialog: null,
  workspace: '',
  hostKind: 'web',
  busy: false,
  show(dialog) {
    set({ dialog });
  },
}));

/** A path for display and for the path inputs: relative to the workspace when inside it. */
export function displayPath(p: string, workspace = useFileUi.getState().workspace): string {
  if (!workspace) return p;
  const ws = workspace.replace(/[\\/]+$/, '');
  if (p === ws) return '.';
  for (const sep of ['/', '\\']) {
    if (p.startsWith(ws + sep)) return p.slice(ws.length + 1);
  }
  return p;
}

/** The last part of a path. */
export function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** A design file name from what the user typed: `.topology.yaml` is added when no YAML suffix is. */
export function designFileName(typed: string): string {
  const t = typed.trim();
  return /\.ya?ml$/i.test(t) ? t : `${t}.topology.yaml`;
}

/** The code, message and `file:line:col` lines of a failed host call, whatever the transport. */
export function hostError(e: unknown): { code: string; message: string; details: string[] } {
  if (e instanceof HostCallError) return { code: e.code, message: e.message, details: e.details };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e), details: [] };
}
