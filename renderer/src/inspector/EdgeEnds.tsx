// An edge's ends and its kind; the kind can change to another that joins the same two nodes.
import { useState } from 'react';
import { allowedEdgeKinds, EDGE_KINDS } from '../../../shared/kinds/index.ts';
import { EDGE_SCHEMAS, type EdgeKind, type TopologyEdge } from '../../../shared/model/schema.ts';
import { useDesign } from '../store/design-store.ts';
import { commitItem } from './commit.ts';

const DEFAULT_MATCH = ['{__name__=~"job:.*"}'];

/** The edge rebuilt as another kind: fields the new kind has are kept, required ones filled in. */
export function rebuildEdge(edge: TopologyEdge, kind: EdgeKind): TopologyEdge {
  const keys = Object.keys(EDGE_SCHEMAS[kind].shape);
  const kept = Object.fromEntries(
    Object.entries(edge).filter(([k]) => k !== 'kind' && keys.includes(k)),
  );
  const next: Record<string, unknown> = {
    id: edge.id,
    kind,
    from: edge.from,
    to: edge.to,
    ...kept,
  };
  if (kind === 'federate' && !Array.isArray(next.match)) next.match = DEFAULT_MATCH;
  return next as TopologyEdge;
}

export function EdgeEnds({ edge }: { edge: TopologyEdge }) {
  const from = useDesign((s) => s.topology.nodes.find((n) => n.id === edge.from));
  const to = useDesign((s) => s.topology.nodes.find((n) => n.id === edge.to));
  const focusOn = useDesign((s) => s.focusOn);
  const [refused, setRefused] = useState<string | null>(null);
  const kinds = from && to ? allowedEdgeKinds(from, to) : [];
  if (!kinds.includes(edge.kind)) kinds.unshift(edge.kind);
  return (
    <section className="edge-ends">
      <div className="ends" aria-label="Ends of the edge">
        <button
          type="button"
          className="end-link"
          title="Select"
          onClick={() => focusOn(edge.from)}
        >
          <span className="muted small">{from ? from.kind : 'missing'}</span>{' '}
          {from?.name ?? edge.from}
        </button>
        <span className="ends-arrow muted">↓ {EDGE_KINDS[edge.kind].label}</span>
        <button type="button" className="end-link" title="Select" onClick={() => focusOn(edge.to)}>
          <span className="muted small">{to ? to.kind : 'missing'}</span> {to?.name ?? edge.to}
        </button>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="field-kind">
          Kind
        </label>
        {kinds.length > 1 ? (
          <select
            id="field-kind"
            data-testid="field-kind"
            value={edge.kind}
            onChange={(e) =>
              setRefused(
                commitItem(
                  { type: 'edge', id: edge.id, item: edge },
                  rebuildEdge(edge, e.target.value as EdgeKind),
                  'Change edge kind',
                ),
              )
            }
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k} — {EDGE_KINDS[k].label}
              </option>
            ))}
          </select>
        ) : (
          <div className="static-value" data-testid="field-kind">
            {edge.kind}
            <span className="muted small"> (the only kind between these two)</span>
          </div>
        )}
        {refused && <div className="field-error">{refused}</div>}
      </div>
    </section>
  );
}
