// The small dialogs: unsaved work (confirm), crash recovery, and errors with their lines.
import { useState } from 'react';
import type { Recovery } from '../../../../shared/host-api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useHost } from '../../host/host-context.ts';
import { designStore, useDesign } from '../../store/design-store.ts';
import { restore, save, startEmpty } from '../file-actions.ts';
import { displayPath, useFileUi } from '../file-ui.ts';

const close = () => useFileUi.getState().show(null);

/** Before unsaved work is lost: Save (then go on), Discard (go on), Cancel. */
export function ConfirmDialog({ action, proceed }: { action: string; proceed: () => void }) {
  const name = useDesign((s) => s.topology.metadata.name);
  const filePath = useDesign((s) => s.filePath);
  return (
    <Dialog
      name="confirm"
      title="Unsaved changes"
      onCancel={close}
      footer={
        <>
          <button
            type="button"
            className="danger"
            data-testid="dialog-discard"
            onClick={() => {
              close();
              proceed();
            }}
          >
            Discard
          </button>
          <span className="spacer" />
          <button type="button" data-testid="dialog-cancel" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            data-testid="dialog-ok"
            onClick={() => {
              close();
              void save(proceed);
            }}
          >
            Save
          </button>
        </>
      }
    >
      <p>
        <strong>{filePath ? displayPath(filePath) : name}</strong> has changes that are not saved.
      </p>
      <p className="hint">Save them before “{action}”?</p>
    </Dialog>
  );
}

/** Unsaved work of an earlier run: restore it, or discard it and start anew. */
export function RecoveryDialog({ recovery }: { recovery: Recovery }) {
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const when = new Date(recovery.savedAt);
  const discard = async () => {
    setBusy(true);
    await host.clearRecovery({}).catch(() => undefined);
    // The design the app was started with stays open; an empty start offers the templates.
    const s = designStore.getState();
    if (s.filePath !== null || s.topology.nodes.length > 0) {
      close();
      return;
    }
    startEmpty();
    useFileUi.getState().show({ kind: 'templates' });
  };
  return (
    <Dialog
      name="recovery"
      title="Recover unsaved work?"
      footer={
        <>
          <button
            type="button"
            data-testid="dialog-cancel"
            disabled={busy}
            onClick={() => void discard()}
          >
            Discard
          </button>
          <button
            type="button"
            className="primary"
            data-testid="dialog-ok"
            disabled={busy}
            onClick={() => {
              close();
              if (restore(recovery)) designStore.getState().notify('Restored the unsaved design.');
            }}
          >
            Restore
          </button>
        </>
      }
    >
      <p>
        The last session ended with unsaved changes to{' '}
        <strong>{recovery.path ? displayPath(recovery.path) : 'a design never saved'}</strong>.
      </p>
      <p className="hint">
        Autosaved {Number.isNaN(when.getTime()) ? recovery.savedAt : when.toLocaleString()}.
      </p>
    </Dialog>
  );
}

export function ErrorsDialog(p: {
  title: string;
  message: string;
  lines: string[];
  then?: () => void;
}) {
  const done = () => {
    close();
    p.then?.();
  };
  return (
    <Dialog
      name="errors"
      title={p.title}
      onCancel={done}
      wide
      footer={
        <button type="button" className="primary" data-testid="dialog-ok" onClick={done}>
          OK
        </button>
      }
    >
      <p>{p.message}</p>
      {p.lines.length > 0 && (
        <pre className="error-lines" data-testid="error-lines">
          {p.lines.join('\n')}
        </pre>
      )}
    </Dialog>
  );
}
