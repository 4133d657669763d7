import { useEffect, useRef, useState } from 'react';
import { PathDialogFooter } from './PathDialogFooter.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { useHost } from '../../host/host-context.ts';
import { useDesign } from '../../store/design-store.ts';
import { saveTo, showConflict, type Failure } from '../file-actions.ts';
import { designFileName, displayPath, useFileUi } from '../file-ui.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';

/** Save As: a path in the workspace, prefilled from the design's file or its name. */
export function SaveAsDialog({ then }: { then?: () => void }) {
  const host = useHost();
  const hostKind = useFileUi((s) => s.hostKind);
  const workspace = useFileUi((s) => s.workspace);
  const filePath = useDesign((s) => s.filePath);
  const name = useDesign((s) => s.topology.metadata.name);
  const [path, setPath] = useState(() =>
    filePath ? displayPath(filePath) : `${name || 'untitled'}.topology.yaml`,
  );
  const [existing, setExisting] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => useFileUi.getState().show(null);
  const input = useRef<HTMLInputElement>(null);

  // Select the name without its suffix once, so typing replaces just the name.
  useEffect(() => {
    const el = input.current;
    if (!el || document.activeElement !== el) return;
    const v = el.value;
    const end = v.endsWith('.topology.yaml') ? v.length - '.topology.yaml'.length : v.length;
    el.setSelectionRange(v.lastIndexOf('/') + 1, end);
  }, []);

  useEffect(() => {
    let live = true;
    host.listDesigns({}).then(
      (d) => live && setExisting(new Set(d.map((x) => displayPath(x.path)))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const target = designFileName(path);
  const replaces =
    path.trim() !== '' && existing.has(target) && (!filePath || displayPath(filePath) !== target);

  const save = async (p?: string) => {
    setBusy(true);
    setError(null);
    // The warning below already told the user the file will be replaced.
    const r = await saveTo(p, { overwrite: p !== undefined && replaces });
    setBusy(false);
    if (!r.ok) {
      // A file there that the list did not show, or the open file changed on disk: ask.
      if (r.code === 'conflict' && p !== undefined) showConflict(p, 'save', then);
      else setError(r);
      return;
    }
    if (r.value === null) return; // the native dialog was cancelled
    close();
    then?.();
  };

  return (
    <Dialog
      name="save-as"
      title="Save design as"
      onCancel={close}
      footer={
        <PathDialogFooter
          native={hostKind === 'electron' ? { label: 'Browse…', onPick: () => void save() } : null}
          busy={busy}
          form="save-as-form"
          canSubmit={path.trim() !== ''}
          onCancel={close}
          submit="Save"
        />
      }
    >
      <form
        id="save-as-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void save(target);
        }}
      >
        <label className="field">
          File (in the workspace {workspace || '.'})
          <input
            type="text"
            ref={input}
            data-testid="path-input"
            value={path}
            spellCheck={false}
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
      </form>
      {target !== path.trim() && path.trim() !== '' && <p className="hint">Saved as {target}</p>}
      {replaces && (
        <p className="dialog-warn" role="status">
          {target} exists and will be replaced.
        </p>
      )}
      {error && <ErrorBox message={error.message} details={error.details} />}
    </Dialog>
  );
}
