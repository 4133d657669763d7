import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../../../shared/host-api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useHost } from '../../host/host-context.ts';
import { designStore } from '../../store/design-store.ts';
import { fromTemplate, startEmpty, type Failure } from '../file-actions.ts';
import { hostError, useFileUi } from '../file-ui.ts';
import { ErrorBox } from '../../ui/ErrorBox.tsx';

/** New from template: the gallery of designs from the seeds, plus an empty design. */
export function TemplatesDialog() {
  const host = useHost();
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const close = () => useFileUi.getState().show(null);

  useEffect(() => {
    let live = true;
    host.listTemplates({}).then(
      (t) => live && setTemplates(t),
      (e: unknown) => {
        if (!live) return;
        setTemplates([]);
        setError({ ok: false, message: hostError(e).message, details: [] });
      },
    );
    return () => {
      live = false;
    };
  }, [host]);

  const choose = async (id: string) => {
    setLoading(id);
    const r = await fromTemplate(id);
    setLoading(null);
    if (!r.ok) setError(r);
  };

  const empty = () => {
    startEmpty();
    close();
    designStore.getState().notify('New empty design: drag nodes from the palette.');
  };

  return (
    <Dialog
      name="templates"
      title="New design"
      onCancel={close}
      wide
      footer={
        <button type="button" data-testid="dialog-cancel" onClick={close}>
          Cancel
        </button>
      }
    >
      <p className="hint">Start from an architecture of the seed documents, or from nothing.</p>
      <ul className="gallery" aria-busy={templates === null}>
        <li>
          <button
            type="button"
            className="gallery-item gallery-empty"
            data-testid="template-empty"
            data-autofocus
            onClick={empty}
          >
            <span className="gallery-title">Empty design</span>
            <span className="gallery-summary">A blank canvas.</span>
            <span className="gallery-counts">0 nodes · 0 edges</span>
          </button>
        </li>
        {templates?.map((t) => (
          <li key={t.id}>
            <button
              type="button"
              className="gallery-item"
              data-testid={`template-${t.id}`}
              disabled={loading !== null}
              aria-busy={loading === t.id}
              onClick={() => void choose(t.id)}
              title={t.id}
            >
              <span className="gallery-title">{t.title}</span>
              <span className="gallery-summary">{t.summary}</span>
              <span className="gallery-counts">
                {t.nodes} nodes · {t.edges} edges
              </span>
            </button>
          </li>
        ))}
      </ul>
      {templates === null && <p className="hint">Loading templates…</p>}
      {error && <ErrorBox message={error.message} details={error.details} />}
    </Dialog>
  );
}
