// The Lab panel (bottom area): what the lab of the design is doing. While a launch runs, its
// progress (image pulls, container starts, health); then each instance with its state, health,
// UI link and logs, and each scrape and federate edge with its targets.
import { useEffect } from 'react';
import { useDesign } from '../store/design-store.ts';
import { followDesign, showLabTab } from './lab-actions.ts';
import { useLab, type LabTab } from './lab-store.ts';
import { labSummary, LAB_COLOURS } from './lab-view.ts';
import { LabLogsView, LabProgress } from './LabProgress.tsx';
import { LabDifferences, LabEdges, LabInstances } from './LabTables.tsx';
import './lab.css';

/** The design's name settles this long before the panel looks for its lab. */
const FOLLOW_DELAY_MS = 400;

function Summary() {
  const starting = useLab((s) => s.starting);
  const stopping = useLab((s) => s.stopping);
  const status = useLab((s) => s.status);
  const error = useLab((s) => s.error);
  const statusError = useLab((s) => s.statusError);
  if (stopping) return <span className="lab-phase">stopping…</span>;
  if (starting) {
    return (
      <span className="lab-phase" style={{ color: LAB_COLOURS.starting }}>
        <span className="lab-spinner" aria-hidden="true" /> starting…
      </span>
    );
  }
  if (statusError) {
    return (
      <span className="lab-phase lab-phase-error" title={statusError}>
        status unavailable
      </span>
    );
  }
  if (!status)
    return <span className="lab-phase muted">{error ? 'failed to start' : 'not running'}</span>;
  const n = labSummary(status, starting);
  const allUp = n.healthy === n.instances;
  const edgesUp = n.edgesUp === n.edges;
  return (
    <span className="lab-phase" data-testid="lab-summary">
      <span
        className="lab-dot"
        style={{ background: LAB_COLOURS[allUp ? 'healthy' : 'down'] }}
        aria-hidden="true"
      />
      {n.healthy}/{n.instances} healthy
      {n.edges > 0 && (
        <>
          <span className="muted"> · </span>
          <span style={{ color: edgesUp ? undefined : LAB_COLOURS.pending }}>
            {n.edgesUp}/{n.edges} edges up
          </span>
        </>
      )}
    </span>
  );
}

const TABS: { id: LabTab; label: string }[] = [
  { id: 'instances', label: 'Containers' },
  { id: 'edges', label: 'Edges' },
  { id: 'progress', label: 'Progress' },
  { id: 'logs', label: 'Logs' },
];

export function LabPanel() {
  const designName = useDesign((s) => s.topology.metadata.name);
  const name = useLab((s) => s.name);
  const tab = useLab((s) => s.tab);
  const hasLab = useLab((s) => s.status !== null || s.starting || s.events.length > 0 || !!s.error);

  useEffect(() => {
    const t = setTimeout(() => followDesign(designName), FOLLOW_DELAY_MS);
    return () => clearTimeout(t);
  }, [designName]);

  return (
    <div className="lab" data-testid="lab-panel">
      <div className="panel-header lab-header">
        <span className="panel-title">Lab</span>
        <div className="lab-tabs" role="tablist" aria-label="Lab views">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={tab === t.id ? 'lab-tab lab-tab-on' : 'lab-tab'}
              data-testid={`lab-tab-${t.id}`}
              onClick={() => showLabTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      {hasLab && (
        <div className="lab-strip">
          <span className="lab-name" title={name ?? undefined}>
            {name}
          </span>
          <Summary />
        </div>
      )}
      <div className="lab-body" role="tabpanel" key={tab}>
        {!hasLab && tab !== 'logs' ? (
          <p className="lab-empty">
            No lab is running for <b>{designName}</b>. <b>Launch</b> runs the design on the local
            Docker engine: a container per instance on one network, each UI published on 127.0.0.1.
          </p>
        ) : tab === 'instances' ? (
          <LabInstances />
        ) : tab === 'edges' ? (
          <>
            <LabEdges />
            <LabDifferences />
          </>
        ) : tab === 'progress' ? (
          <LabProgress />
        ) : (
          <LabLogsView />
        )}
      </div>
    </div>
  );
}
