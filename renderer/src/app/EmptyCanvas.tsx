// What an empty canvas shows: how to add nodes (drag from the palette, or click it there) and
// how to connect them, and the templates to start from instead. It lets drops through.
import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../../shared/host-api.ts';
import { useHost } from '../host/host-context.ts';
import { runCommand } from '../commands/dispatch.ts';
import { fromTemplate, guardUnsaved, showErrors } from '../files/file-actions.ts';
import { useDesign } from '../store/design-store.ts';
import './empty-canvas.css';

/** The first few templates; the gallery (New) has them all. */
const SHOWN = 4;

function useTemplates(): TemplateInfo[] {
  const host = useHost();
  const [list, setList] = useState<TemplateInfo[]>([]);
  useEffect(() => {
    let live = true;
    // Without templates the hint still explains the palette; the gallery reports the error.
    host.listTemplates({}).then(
      (t) => live && setList(t),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  return list;
}

function start(id: string): void {
  guardUnsaved('New design', () => {
    void fromTemplate(id).then((r) => {
      if (!r.ok) showErrors('Cannot open the template', r.message, r.details);
    });
  });
}

export function EmptyCanvas() {
  const empty = useDesign((s) => s.topology.nodes.length === 0 && !s.topology.groups?.length);
  const templates = useTemplates();
  if (!empty) return null;
  return (
    <div className="empty-canvas" data-testid="empty-canvas">
      <div className="empty-canvas-card">
        <h2>An empty design</h2>
        <p>
          <strong>Drag a component from the palette</strong> on the left onto the canvas, or click
          it there to add it in view. Then drag from a node’s lower handle to another node to
          connect them: a Prometheus scrapes targets, federates another Prometheus, alerts to an
          Alertmanager.
        </p>
        {templates.length > 0 && (
          <>
            <p className="empty-canvas-or">Or start from a template:</p>
            <ul className="empty-canvas-templates">
              {templates.slice(0, SHOWN).map((t) => (
                <li key={t.id}>
                  <button
                    type="button"
                    data-testid={`empty-template-${t.id}`}
                    title={t.summary}
                    onClick={() => start(t.id)}
                  >
                    <span className="empty-canvas-title">{t.title}</span>
                    <span className="empty-canvas-counts">
                      {t.nodes} nodes · {t.edges} edges
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {templates.length > SHOWN && (
              <button
                type="button"
                className="empty-canvas-more"
                data-testid="empty-more-templates"
                onClick={() => runCommand('new')}
              >
                All {templates.length} templates…
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
