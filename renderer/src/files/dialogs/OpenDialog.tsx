import { useEffect, useState } from 'react';
import type { RecentFile } from '../../../../shared/host-api.ts';
import { PathDialogFooter } from './PathDialogFooter.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { useHost } from '../../host/host-context.ts';
import { openPath, type Failure } from '../file-actions.ts';
import { baseName, displayPath, useFileUi } from '../file-ui.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';

/** The folder part of a path, for the second line of an entry. */
function folderOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? 'workspace' : p.slice(0, i) + '/';
}

/** Open: the workspace's designs, the recent files, or any path in the workspace. */
export function OpenDialog() {
  const host = useHost();
  const hostKind = useFileUi((s) => s.hostKind);
  const workspace = useFileUi((s) => s.workspace);
  const [designs, setDesigns] = useState<string[] | null>(null);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [path, setPath] = useState('');
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => useFileUi.getState().show(null);

  useEffect(() => {
    let live = true;
    host.listDesigns({}).then(
      (d) => live && setDesigns(d.map((x) => x.path)),
      () => live && setDesigns([]),
    );
    host.recentFiles({}).then(
      (r) => live && setRecent(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const open = async (p?: string) => {
    setBusy(true);
    setError(null);
    const r = await openPath(p);
    setBusy(false);
    if (!r.ok && r.message) setError(r);
  };

  const entry = (p: string, extra?: string) => (
    <li key={p}>
      <button
        type="button"
        className="file-item"
        data-testid="open-item"
        data-path={p}
        disabled={busy}
        title={p}
        onClick={() => {
          setPath(displayPath(p));
          void open(p);
        }}
      >
        <span className="file-name">{baseName(p)}</span>
        <span className="file-dir">{folderOf(displayPath(p))}</span>
        {extra && <span className="file-when">{extra}</span>}
      </button>
    </li>
  );

  return (
    <Dialog
      name="open"
      title="Open design"
      onCancel={close}
      wide
      footer={
        <PathDialogFooter
          native={hostKind === 'electron' ? { label: 'Browse…', onPick: () => void open() } : null}
          busy={busy}
          form="open-form"
          canSubmit={path.trim() !== ''}
          onCancel={close}
          submit="Open"
        />
      }
    >
      <form
        id="open-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) void open(path.trim());
        }}
      >
        <label className="field">
          Path (in the workspace {workspace || '.'})
          <input
            type="text"
            data-testid="path-input"
            value={path}
            spellCheck={false}
            placeholder="designs/my-design.topology.yaml"
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
      </form>
      {error && <ErrorBox message={error.message} details={error.details} />}
      <div className="file-lists">
        <section>
          <h3>In the workspace</h3>
          {designs === null ? (
            <p className="hint">Looking…</p>
          ) : designs.length === 0 ? (
            <p className="hint">No *.topology.yaml files here.</p>
          ) : (
            <ul className="file-list">{designs.map((p) => entry(p))}</ul>
          )}
        </section>
        <section>
          <h3>Recent</h3>
          {recent.length === 0 ? (
            <p className="hint">Nothing opened yet.</p>
          ) : (
            <ul className="file-list">
              {recent.map((r) => entry(r.path, new Date(r.openedAt).toLocaleString()))}
            </ul>
          )}
        </section>
      </div>
    </Dialog>
  );
}
