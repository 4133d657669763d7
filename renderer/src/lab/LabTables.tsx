// The lab's containers (state, health, UI link, logs) and its scrape and federate edges (targets
// up and down, last error), from the polled status.
import { useDesign } from '../store/design-store.ts';
import { showLogs } from './lab-actions.ts';
import { useLab } from './lab-store.ts';
import { edgeState, instanceLabState, LAB_COLOURS } from './lab-view.ts';

const Dot = ({ colour, title }: { colour: string; title?: string }) => (
  <span className="lab-dot" style={{ background: colour }} title={title} aria-hidden="true" />
);

function Badge({ text, tone }: { text: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }) {
  return <span className={`lab-badge lab-badge-${tone}`}>{text}</span>;
}

const stateTone = (s: string) =>
  s === 'running' ? 'ok' : s === 'created' || s === 'restarting' ? 'warn' : 'bad';
const healthTone = (h: string) =>
  h === 'healthy' ? 'ok' : h === 'starting' ? 'warn' : h === 'unknown' ? 'muted' : 'bad';

/** One badge per container: its Docker state when not running, else its health. */
function StatusBadge({ state, health }: { state: string; health: string }) {
  if (state !== 'running') return <Badge text={state} tone={stateTone(state)} />;
  return <Badge text={health === 'unknown' ? 'running' : health} tone={healthTone(health)} />;
}

export function LabInstances() {
  const status = useLab((s) => s.status);
  const starting = useLab((s) => s.starting);
  const nodes = useDesign((s) => s.topology.nodes);
  const focusOn = useDesign((s) => s.focusOn);
  if (!status) {
    return (
      <p className="lab-empty">
        {starting ? 'Waiting for the first containers…' : 'No containers.'}
      </p>
    );
  }
  return (
    <table className="lab-table" data-testid="lab-instances">
      <thead>
        <tr>
          <th>Container</th>
          <th>Status</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {status.instances.map((i) => {
          const node = nodes.find((n) => n.id === i.node);
          return (
            <tr
              key={i.name}
              data-testid="lab-instance"
              data-instance={i.name}
              data-state={i.state}
              data-health={i.health}
            >
              <td className="lab-mono lab-name-cell">
                <Dot colour={LAB_COLOURS[instanceLabState(i, starting)]} />
                <button
                  type="button"
                  className="lab-link-btn"
                  title={node ? `${node.name}: show on the canvas` : undefined}
                  disabled={!node}
                  onClick={() => node && focusOn(node.id)}
                >
                  {i.name}
                </button>
              </td>
              <td>
                <StatusBadge state={i.state} health={i.health} />
              </td>
              <td className="lab-actions">
                {i.url && (
                  <a
                    href={i.url}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="lab-ui-link"
                    title={i.url}
                  >
                    Open UI ↗
                  </a>
                )}
                <button
                  type="button"
                  className="lab-link-btn"
                  data-testid="lab-logs-btn"
                  onClick={() => void showLogs(i.name)}
                >
                  Logs
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function LabEdges() {
  const status = useLab((s) => s.status);
  const starting = useLab((s) => s.starting);
  const edges = useDesign((s) => s.topology.edges);
  const nodes = useDesign((s) => s.topology.nodes);
  const focusOn = useDesign((s) => s.focusOn);
  if (!status || status.edges.length === 0) {
    return <p className="lab-empty">No scrape or federate edges to check{status ? '' : ' yet'}.</p>;
  }
  const nameOf = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  return (
    <table className="lab-table" data-testid="lab-edges">
      <thead>
        <tr>
          <th>Edge</th>
          <th className="lab-num" title="Targets up / down">
            Up / down
          </th>
        </tr>
      </thead>
      <tbody>
        {status.edges.map((e) => {
          const edge = (edges ?? []).find((x) => x.id === e.id);
          const state = edgeState(e, starting);
          return (
            <tr key={e.id} data-testid="lab-edge" data-edge={e.id} data-lab-state={state}>
              <td className="lab-edge-cell">
                <div>
                  <Dot colour={LAB_COLOURS[state]} title={state} />
                  <button type="button" className="lab-link-btn" onClick={() => focusOn(e.id)}>
                    {edge ? `${nameOf(edge.from)} → ${nameOf(edge.to)}` : e.id}
                  </button>
                  {edge && <span className="muted lab-kind">{edge.kind}</span>}
                  {state === 'external' && (
                    <span
                      className="muted lab-kind"
                      title="No lab container stands for these targets; the lab does not wait for them"
                    >
                      external
                    </span>
                  )}
                </div>
                {e.lastError && state !== 'up' && state !== 'external' && (
                  <div className="lab-edge-error" title={e.lastError}>
                    {e.lastError}
                  </div>
                )}
              </td>
              <td className="lab-num">
                <span className={e.up > 0 ? 'lab-tone-ok' : 'muted'}>{e.up}</span>
                <span className="muted"> / </span>
                <span className={e.down > 0 ? 'lab-tone-bad' : 'muted'}>{e.down}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Where the lab's configs differ from the export: the lab says so, rather than hiding it. */
export function LabDifferences() {
  const differences = useLab((s) => s.status?.differences) ?? [];
  if (differences.length === 0) return null;
  return (
    <div className="lab-differences" data-testid="lab-differences">
      <p className="muted">The lab differs from the export in:</p>
      <ul>
        {differences.flatMap((d) =>
          d.changes.map((c) => (
            <li key={`${d.server}/${d.job}/${c}`}>
              <b>
                {d.server} · {d.job}
              </b>
              : {c}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
