// The file commands (new, open, save, save as, export, restore) on the design store, through the
// host. The toolbar and the keyboard shortcuts both call these; the FileBar binds the host.
import { DEFAULT_EXPORT_TARGET, type ExportTarget } from '../../../shared/export-target.ts';
import type { HostApi, HostResult, Recovery } from '../../../shared/host-api.ts';
import { formatModelError, parseTopology } from '../../../shared/design/parse.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { serializeTopology } from '../../../shared/model/serialize.ts';
import { designNameFromPath, UNTITLED } from '../../../shared/design/design-name.ts';
import { designStore, emptyTopology, selectDirty } from '../store/design-store.ts';
import { displayPath, hostError, useFileUi } from './file-ui.ts';

let host: HostApi | null = null;

export function bindHost(h: HostApi | null): void {
  host = h;
}

export function boundHost(): HostApi | null {
  return host;
}

export interface Failure {
  ok: false;
  /** The host's error code (`refused`, `forbidden`, ...) when the host answered one. */
  code?: string;
  message: string;
  details: string[];
}

export type Outcome<T = true> = { ok: true; value: T } | Failure;

const failed = (e: unknown): Failure => {
  const { code, message, details } = hostError(e);
  return { ok: false, code, message, details };
};

/** The design as its file text; a document the format cannot hold says where it is wrong. */
export function designText(t: Topology): Outcome<string> {
  try {
    return { ok: true, value: serializeTopology(t) };
  } catch {
    const json = JSON.stringify(t, null, 2);
    const parsed = parseTopology(json);
    return {
      ok: false,
      message: 'The design has fields the format does not allow; fix them first.',
      details: parsed.ok ? [] : parsed.errors.map((e) => formatModelError(e, 'design')),
    };
  }
}

/** Parses design text and makes it the document; a parse failure is shown with its lines. */
export function loadText(
  text: string,
  filePath: string | null,
  opts: { dirty?: boolean; source?: string; then?: () => void; diskRevision?: string } = {},
): boolean {
  const parsed = parseTopology(text);
  if (!parsed.ok) {
    const file = opts.source ?? (filePath ? displayPath(filePath) : 'design');
    showErrors(
      `Cannot open ${file}`,
      'The design does not fit the format:',
      parsed.errors.map((e) => formatModelError(e, file)),
      opts.then,
    );
    return false;
  }
  designStore.getState().load(parsed.topology, filePath, {
    dirty: opts.dirty ?? false,
    diskRevision: opts.diskRevision ?? null,
  });
  return true;
}

export function showErrors(title: string, message: string, lines: string[], then?: () => void) {
  useFileUi.getState().show({ kind: 'errors', title, message, lines, ...(then ? { then } : {}) });
}

/** Runs `proceed` now, or after asking to save, discard or cancel when there is unsaved work. */
export function guardUnsaved(action: string, proceed: () => void): void {
  if (!selectDirty(designStore.getState())) proceed();
  else useFileUi.getState().show({ kind: 'confirm', action, proceed });
}

export function newDesign(): void {
  guardUnsaved('New design', () => useFileUi.getState().show({ kind: 'templates' }));
}

export function openDesign(): void {
  guardUnsaved('Open', () => useFileUi.getState().show({ kind: 'open' }));
}

export function startEmpty(): void {
  designStore.getState().load(emptyTopology(), null);
}

/**
 * A template as a new design with no file: saving asks where (never into the templates folder).
 * Untouched, it is not unsaved work; the first edit makes it so.
 */
export function openTemplateCopy(id: string, text: string, then?: () => void): boolean {
  if (!loadText(text, null, { source: `template ${id}`, ...(then ? { then } : {}) })) return false;
  useFileUi.getState().show(null);
  designStore.getState().notify(`New design from template ${id}: save it to keep it.`);
  return true;
}

export async function fromTemplate(id: string): Promise<Outcome> {
  if (!host) return { ok: false, message: 'no host', details: [] };
  try {
    const { text } = await host.readTemplate({ id });
    if (!openTemplateCopy(id, text)) {
      return { ok: false, message: `template ${id} does not parse`, details: [] };
    }
    return { ok: true, value: true };
  } catch (e) {
    return failed(e);
  }
}

/** Opens a design file; with no path the host asks (Electron's native dialog). */
export async function openPath(path?: string): Promise<Outcome> {
  if (!host) return { ok: false, message: 'no host', details: [] };
  let opened: HostResult<'openDesign'>;
  try {
    opened = await host.openDesign(path !== undefined ? { path } : {});
  } catch (e) {
    return failed(e);
  }
  if (!opened) return { ok: false, message: '', details: [] }; // cancelled
  const parsed = parseTopology(opened.text);
  if (!parsed.ok) {
    const file = displayPath(opened.path);
    return {
      ok: false,
      message: `${file} is not a usable design`,
      details: parsed.errors.map((e) => formatModelError(e, file)),
    };
  }
  if (opened.template !== undefined) {
    openTemplateCopy(opened.template, opened.text);
    return { ok: true, value: true };
  }
  designStore.getState().load(parsed.topology, opened.path, { diskRevision: opened.revision });
  useFileUi.getState().show(null);
  designStore.getState().notify(`Opened ${displayPath(opened.path)}`);
  return { ok: true, value: true };
}

/**
 * Saves to a path (undefined: the host asks where). Later edits stay unsaved. Saving over the
 * document's own file names the revision it was opened as, so the host refuses (`conflict`) when
 * the file changed on disk since; `overwrite` is the user's answer to replace it anyway.
 */
export async function saveTo(
  path: string | undefined,
  opts: { overwrite?: boolean } = {},
): Promise<Outcome<string | null>> {
  if (!host) return { ok: false, message: 'no host', details: [] };
  if (path !== undefined) nameAfterFile(path);
  const s = designStore.getState();
  const text = designText(s.topology);
  if (!text.ok) return text;
  const revision = s.revision;
  const expectedRevision = path !== undefined && path === s.filePath ? s.diskRevision : null;
  let saved: HostResult<'saveDesign'>;
  try {
    saved = await host.saveDesign({
      ...(path !== undefined ? { path } : {}),
      text: text.value,
      ...(expectedRevision ? { expectedRevision } : {}),
      ...(opts.overwrite ? { overwrite: true } : {}),
    });
  } catch (e) {
    return failed(e);
  }
  if (!saved) return { ok: true, value: null };
  // Edits made while saving stay unsaved: the saved version is the one sent.
  designStore.getState().markSaved(saved.path, saved.revision, revision);
  // The native dialog chose the file only now: name the design after it and save that too.
  if (path === undefined && nameAfterFile(saved.path)) return saveTo(saved.path);
  await host.clearRecovery({}).catch(() => undefined);
  designStore.getState().notify(`Saved ${displayPath(saved.path)}`);
  return { ok: true, value: saved.path };
}

/**
 * A design still called "untitled" takes the name of the file it is saved as (one undo step);
 * true when it was renamed. A name the user chose is never changed.
 */
function nameAfterFile(filePath: string): boolean {
  const s = designStore.getState();
  if (s.topology.metadata.name !== UNTITLED) return false;
  const name = designNameFromPath(filePath);
  if (!name || name === UNTITLED) return false;
  return s.apply({
    label: `Name the design ${name}`,
    undoable: true,
    run: (t) => ({ ...t, metadata: { ...t.metadata, name } }),
  });
}

/** Ctrl+S: to the design's file, or Save As for a design never saved. */
export async function save(then?: () => void): Promise<void> {
  const filePath = designStore.getState().filePath;
  if (filePath === null) {
    saveAs(then);
    return;
  }
  const r = await saveTo(filePath);
  if (r.ok) then?.();
  else if (r.code === 'conflict') showConflict(filePath, 'save', then);
  else showErrors('Save failed', r.message, r.details);
}

/**
 * Asks what to do about a file that changed on disk (or exists) where the document would be
 * saved: reload it, overwrite it, or neither. Nothing is written until the user says so.
 */
export function showConflict(path: string, reason: 'save' | 'focus', then?: () => void): void {
  useFileUi.getState().show({ kind: 'conflict', path, reason, ...(then ? { then } : {}) });
}

export function saveAs(then?: () => void): void {
  useFileUi.getState().show({ kind: 'save-as', ...(then ? { then } : {}) });
}

export function exportDesign(): void {
  useFileUi.getState().show({ kind: 'export' });
}

export async function exportTo(
  outDir: string | undefined,
  force: boolean,
  target: ExportTarget = DEFAULT_EXPORT_TARGET,
): Promise<Outcome<HostResult<'exportConfigs'>>> {
  if (!host) return { ok: false, message: 'no host', details: [] };
  const text = designText(designStore.getState().topology);
  if (!text.ok) return text;
  try {
    const r = await host.exportConfigs({
      text: text.value,
      ...(outDir !== undefined ? { outDir } : {}),
      force,
      target,
    });
    return { ok: true, value: r };
  } catch (e) {
    return failed(e);
  }
}

/** Crash recovery: the autosaved text back as the document, still unsaved. */
export function restore(r: Recovery): boolean {
  return loadText(r.text, r.path, { dirty: true, source: 'the recovered design' });
}
