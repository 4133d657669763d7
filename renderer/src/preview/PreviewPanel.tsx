// The generated files of the design, as a tree and a highlighted read-only viewer; it follows the
// design as it changes and keeps the chosen file while it exists.
import { useEffect, useMemo, useRef, useState } from 'react';
import { instancesOf } from '../../../shared/model/instances.ts';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { languageOfPath } from '../editor/languages.ts';
import { useDesign } from '../store/design-store.ts';
import { FileTree } from './FileTree.tsx';
import { buildTree, defaultFile } from './tree.ts';
import { useLazyExport } from './use-lazy-export.ts';
import './preview.css';

const NO_FILES: Record<string, string> = {};

/** The first prometheus.yml of the selected node, when it is a Prometheus. */
function useSelectedPrometheusFile(files: Record<string, string>) {
  const node = useDesign((s) => {
    const id = s.selection.ids[0];
    return s.topology.nodes.find((n) => n.id === id);
  });
  if (node?.kind !== 'prometheus') return null;
  const first = instancesOf(node)[0];
  const path = first && `prometheus/${first.name}/prometheus.yml`;
  return path && path in files ? { path, name: node.name } : null;
}

export function PreviewPanel() {
  const root = useRef<HTMLDivElement>(null);
  const { result, stale } = useLazyExport(root);
  const files = result && 'files' in result ? result.files : NO_FILES;
  const paths = useMemo(() => Object.keys(files).sort(), [files]);
  const tree = useMemo(() => buildTree(paths), [paths]);
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen !== null && chosen in files ? chosen : defaultFile(paths);
  const jump = useSelectedPrometheusFile(files);
  const text = selected !== undefined ? (files[selected] ?? '') : '';
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    // A file chosen from elsewhere (the jump button) is brought into view in the tree.
    if (selected === undefined) return;
    const row = nav.current?.querySelector(`[data-path="${CSS.escape(selected)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="preview" data-testid="preview" ref={root}>
      <div className="panel-header">
        <span className="panel-title">Config preview</span>
        <span className="muted small">{paths.length} files</span>
        {stale && result && <span className="muted small updating">updating…</span>}
        <span className="spacer" />
        {jump && jump.path !== selected && (
          <button
            type="button"
            className="header-button"
            data-testid="preview-jump"
            onClick={() => setChosen(jump.path)}
          >
            Show {jump.name}’s prometheus.yml
          </button>
        )}
      </div>
      {result && 'error' in result ? (
        <div className="preview-error" role="alert">
          The export failed: {result.error}
        </div>
      ) : (
        <div className="preview-body">
          <nav className="preview-tree" aria-label="Generated files" ref={nav}>
            <FileTree entries={tree} selected={selected} onSelect={setChosen} />
          </nav>
          <div className="preview-view">
            <div className="preview-path" title={selected}>
              {selected ?? 'No file'}
            </div>
            <div className="preview-viewer" data-testid="preview-viewer" data-path={selected}>
              <CodeEditor
                value={text}
                language={languageOfPath(selected ?? '')}
                readOnly
                lineNumbers
                className="fill"
                ariaLabel={selected ? `Contents of ${selected}` : 'No file'}
              />
              {/* The editor draws only the lines in view; the whole text stays readable here. */}
              <pre className="sr-only" aria-hidden="true">
                {text}
              </pre>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
