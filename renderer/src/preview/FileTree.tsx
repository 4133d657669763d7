// The generated files as collapsible folders.
import { useState } from 'react';
import type { TreeEntry } from './tree.ts';

interface Props {
  entries: readonly TreeEntry[];
  selected: string | undefined;
  onSelect: (path: string) => void;
}

export function FileTree({ entries, selected, onSelect }: Props) {
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (path: string) => {
    const next = new Set(closed);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    setClosed(next);
  };
  const render = (list: readonly TreeEntry[], depth: number) => (
    <ul role={depth === 0 ? 'tree' : 'group'}>
      {list.map((e) =>
        e.type === 'folder' ? (
          <li key={e.path} role="treeitem" aria-expanded={!closed.has(e.path)}>
            <button
              type="button"
              className="tree-row folder"
              style={{ paddingLeft: 6 + depth * 12 }}
              onClick={() => toggle(e.path)}
            >
              <span className="chevron">{closed.has(e.path) ? '▸' : '▾'}</span>
              {e.name}/
            </button>
            {!closed.has(e.path) && render(e.children, depth + 1)}
          </li>
        ) : (
          <li key={e.path} role="treeitem" aria-selected={e.path === selected}>
            <button
              type="button"
              className={`tree-row file${e.path === selected ? ' selected' : ''}`}
              style={{ paddingLeft: 18 + depth * 12 }}
              data-testid="preview-file"
              data-path={e.path}
              title={e.path}
              onClick={() => onSelect(e.path)}
            >
              {e.name}
            </button>
          </li>
        ),
      )}
    </ul>
  );
  return render(entries, 0);
}
