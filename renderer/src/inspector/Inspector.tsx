// The right panel: the first selected node, edge or group as a form or as YAML; the design
// itself when nothing is selected.
import { useMemo, useState } from 'react';
import { NODE_KINDS } from '../../../shared/kinds/index.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { useDesign } from '../store/design-store.ts';
import { Capacity } from './Capacity.tsx';
import type { ItemRef } from './commit.ts';
import { EdgeEnds } from './EdgeEnds.tsx';
import { edgeFields, GROUP_FIELDS, nodeFields, yamlOnlyFields } from './fields.ts';
import { ItemFindings } from './ItemFindings.tsx';
import { ItemForm } from './ItemForm.tsx';
import { MultiEdit } from './MultiEdit.tsx';
import { TopologyForm } from './TopologyForm.tsx';
import { YamlTab } from './YamlTab.tsx';
import './inspector.css';
import { countedKind } from '../../../shared/plural.ts';

type Tab = 'form' | 'yaml';

function selectionSummary(t: Topology, ids: readonly string[]): string {
  const counts = new Map<string, number>();
  const nodes = new Map(t.nodes.map((n) => [n.id, n.kind as string]));
  const edges = new Set((t.edges ?? []).map((e) => e.id));
  for (const id of ids) {
    const k = nodes.get(id) ?? (edges.has(id) ? 'edge' : 'group');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => countedKind(n, k)).join(', ');
}

function placeholdersFor(t: Topology, ref: ItemRef): Record<string, string | undefined> {
  const d = t.defaults ?? {};
  if (ref.type === 'node')
    return {
      scrapeInterval: d.scrapeInterval ?? '15s (default)',
      evaluationInterval: d.evaluationInterval ?? '15s (default)',
    };
  if (ref.type === 'edge') {
    const from = t.nodes.find((n) => n.id === ref.item.from);
    const interval =
      (from?.kind === 'prometheus' ? from.scrapeInterval : undefined) ?? d.scrapeInterval;
    return { interval: interval ?? 'scrape interval', timeout: d.scrapeTimeout };
  }
  return {};
}

export function Inspector() {
  const ids = useDesign((s) => s.selection.ids);
  const first = ids[0];
  const node = useDesign((s) => s.topology.nodes.find((n) => n.id === first));
  const edge = useDesign((s) => (s.topology.edges ?? []).find((e) => e.id === first));
  const group = useDesign((s) => (s.topology.groups ?? []).find((g) => g.id === first));
  const summary = useDesign((s) => (ids.length > 1 ? selectionSummary(s.topology, ids) : ''));
  const topology = useDesign((s) => s.topology);
  const [tab, setTab] = useState<Tab>('form');
  // Several nodes and nothing else: their shared fields, edited together.
  const several = useMemo(() => {
    if (ids.length < 2) return null;
    const byId = new Map(topology.nodes.map((n) => [n.id, n]));
    const nodes = ids.flatMap((id) => byId.get(id) ?? []);
    return nodes.length === ids.length ? nodes : null;
  }, [ids, topology]);

  const target: ItemRef | null = several
    ? null
    : node
      ? { type: 'node', id: node.id, item: node }
      : edge
        ? { type: 'edge', id: edge.id, item: edge }
        : group
          ? { type: 'group', id: group.id, item: group }
          : null;

  let title = 'Design';
  let subtitle = topology.metadata.name;
  if (several) {
    title = `${several.length} nodes`;
    subtitle = summary;
  } else if (node) {
    title = node.name;
    subtitle = `${NODE_KINDS[node.kind].label} · ${node.id}`;
  } else if (edge) {
    title = `${edge.kind} edge`;
    subtitle = edge.id;
  } else if (group) {
    title = group.label ?? group.id;
    subtitle = `Group · ${group.id}`;
  }
  const kindKey = node?.kind ?? edge?.kind;
  const yamlOnly = kindKey ? yamlOnlyFields(kindKey) : undefined;

  return (
    <div className="inspector" data-testid="inspector">
      <div className="panel-header">
        <span className="panel-title">Inspector</span>
        {ids.length > 1 && (
          <span className="badge" data-testid="selection-count">
            {ids.length} selected
          </span>
        )}
      </div>
      {ids.length > 1 && !several && (
        <div className="multi-summary">{summary}. Showing the first.</div>
      )}
      <div className="item-head">
        {node && <span className={`kind-dot cat-${NODE_KINDS[node.kind].category}`} />}
        <div className="item-titles">
          <div className="item-title" title={title}>
            {title}
          </div>
          <div className="item-subtitle muted">{subtitle}</div>
        </div>
      </div>
      {target && (
        <div className="tabs" role="tablist">
          {(['form', 'yaml'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              data-testid={`inspector-tab-${t}`}
              className={tab === t ? 'tab active' : 'tab'}
              onClick={() => setTab(t)}
            >
              {t === 'form' ? 'Fields' : 'YAML'}
            </button>
          ))}
        </div>
      )}
      <div className="inspector-body">
        {several && <MultiEdit nodes={several} />}
        {!target && !several && <TopologyForm />}
        {target && tab === 'yaml' && <YamlTab key={target.id} target={target} />}
        {target && tab === 'form' && (
          <div key={target.id}>
            {node?.kind === 'prometheus' && <Capacity nodeId={node.id} />}
            {edge && <EdgeEnds edge={edge} />}
            <ItemFindings id={target.id} />
            <ItemForm
              target={target}
              specs={node ? nodeFields(node.kind) : edge ? edgeFields(edge.kind) : GROUP_FIELDS}
              placeholders={placeholdersFor(topology, target)}
            />
            {group && (
              <div className="muted small">
                {topology.nodes.filter((n) => n.group === group.id).length} nodes in this group
              </div>
            )}
            {yamlOnly && (
              <div className="field-hint yaml-note">
                Edit {yamlOnly} in the{' '}
                <button type="button" className="link-button" onClick={() => setTab('yaml')}>
                  YAML tab
                </button>
                .
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
