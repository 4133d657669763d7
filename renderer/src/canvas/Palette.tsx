// The palette: every node kind by category, and a group. Drag an item onto the canvas, or click
// it (or press Enter on it) to add it at a free spot in view.
import type { DragEvent } from 'react';
import type { NodeKind } from '../../../shared/model/schema.ts';
import { addKindAtFreeSpot } from './canvas-commands.ts';
import { KindIcon } from './icons.tsx';
import { KIND_DESCRIPTIONS } from './kind-descriptions.ts';
import { CATEGORIES, NODE_LOOKS, type Category } from './kinds.ts';
import './palette.css';

const KIND_MIME = 'application/x-fedstudio-kind';

const BY_CATEGORY: [Category, NodeKind[]][] = (Object.keys(CATEGORIES) as Category[]).map((c) => [
  c,
  (Object.keys(NODE_LOOKS) as NodeKind[]).filter((k) => NODE_LOOKS[k].category === c),
]);

function onDragStart(e: DragEvent, kind: NodeKind | 'group'): void {
  e.dataTransfer.setData(KIND_MIME, kind);
  e.dataTransfer.setData('text/plain', kind);
  e.dataTransfer.effectAllowed = 'copy';
}

function Item({
  kind,
  label,
  colour,
}: {
  kind: NodeKind | 'group';
  label: string;
  colour: string;
}) {
  return (
    <button
      type="button"
      className="palette-item"
      data-testid={`palette-${kind}`}
      draggable
      onDragStart={(e) => onDragStart(e, kind)}
      onClick={() => addKindAtFreeSpot(kind)}
      title={`${KIND_DESCRIPTIONS[kind]}\nDrag onto the canvas, or click to add one.`}
      style={{ borderLeftColor: colour }}
    >
      <KindIcon kind={kind} colour={colour} size={16} />
      <span>{label}</span>
    </button>
  );
}

export function Palette() {
  return (
    <nav className="palette" aria-label="Palette">
      {BY_CATEGORY.filter(([, kinds]) => kinds.length > 0).map(([cat, kinds]) => (
        <section key={cat} className="palette-section">
          <h3 className="palette-heading">{CATEGORIES[cat].label}</h3>
          {kinds.map((k) => (
            <Item key={k} kind={k} label={NODE_LOOKS[k].label} colour={NODE_LOOKS[k].colour} />
          ))}
        </section>
      ))}
      <section className="palette-section">
        <h3 className="palette-heading">Grouping</h3>
        <Item kind="group" label="Group (datacenter, team)" colour="var(--muted)" />
      </section>
    </nav>
  );
}
