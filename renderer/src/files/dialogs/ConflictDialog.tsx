// A design file changed on disk behind the app (another program, another tab), or Save As met an
// existing file: the user decides. Reload discards the unsaved edits and opens the file as it is
// now; Overwrite writes this version over it; Cancel writes nothing and keeps editing.
import { useState } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { designStore, selectDirty, useDesign } from '../../store/design-store.ts';
import { openPath, saveTo, showErrors, type Failure } from '../file-actions.ts';
import { displayPath, useFileUi } from '../file-ui.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';

const close = () => useFileUi.getState().show(null);

export function ConflictDialog(p: { path: string; reason: 'save' | 'focus'; then?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const dirty = useDesign(selectDirty);
  const ownFile = useDesign((s) => s.filePath === p.path);
  const known = useDesign((s) => s.diskRevision !== null);
  const file = displayPath(p.path);
  // The document's own file, opened in this session: it changed. Otherwise the file is there
  // and nobody here has seen it (Save As onto it, or a recovered design).
  const changed = ownFile && known;

  const reload = async () => {
    setBusy(true);
    const r = await openPath(p.path);
    setBusy(false);
    if (r.ok) designStore.getState().notify(`Reloaded ${file} from disk`);
    else if (r.message) showErrors(`Cannot reload ${file}`, r.message, r.details);
  };
  const overwrite = async () => {
    setBusy(true);
    setError(null);
    const r = await saveTo(p.path, { overwrite: true });
    setBusy(false);
    if (!r.ok) {
      setError(r);
      return;
    }
    close();
    p.then?.();
  };

  return (
    <Dialog
      name="conflict"
      title={changed ? 'Changed on disk' : 'File exists'}
      onCancel={close}
      footer={
        <>
          {ownFile && (
            <button
              type="button"
              className="danger"
              data-testid="conflict-reload"
              disabled={busy}
              title="Discard your changes and open the file as it is on disk"
              onClick={() => void reload()}
            >
              Reload
            </button>
          )}
          <span className="spacer" />
          <button type="button" data-testid="dialog-cancel" disabled={busy} onClick={close}>
            Cancel
          </button>
          {(dirty || p.reason === 'save') && (
            <button
              type="button"
              className="primary"
              data-testid="conflict-overwrite"
              disabled={busy}
              title="Replace the file on disk with your version"
              onClick={() => void overwrite()}
            >
              Overwrite
            </button>
          )}
        </>
      }
    >
      <p data-testid="conflict-message">
        <strong>{file}</strong>{' '}
        {changed ? 'changed on disk since you opened it.' : 'already exists on disk.'}
      </p>
      <p className="hint">
        {ownFile ? 'Reload discards your unsaved changes and opens it as it is now. ' : ''}
        {dirty || p.reason === 'save'
          ? 'Overwrite replaces it with your version. Cancel keeps both as they are.'
          : 'Cancel keeps your version open; saving it later asks again.'}
      </p>
      {error && <ErrorBox message={error.message} details={error.details} />}
    </Dialog>
  );
}
