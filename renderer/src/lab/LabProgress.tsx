// The launch's progress (the runner's events as they come, and how it failed), and one
// container's last log lines.
import { useEffect, useRef } from 'react';
import { showLogs } from './lab-actions.ts';
import { useLab } from './lab-store.ts';
import './lab-logs.css';

const TONES: Record<string, string> = {
  healthy: 'ok',
  done: 'ok',
  edges: 'ok',
  error: 'bad',
  cleanup: 'warn',
  remove: 'warn',
  pull: 'info',
};

export function LabProgress() {
  const events = useLab((s) => s.events);
  const error = useLab((s) => s.error);
  const starting = useLab((s) => s.starting);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [events.length]);
  return (
    <div className="lab-progress" data-testid="lab-progress">
      {error && (
        <div className="lab-error" role="alert" data-testid="lab-error" data-code={error.code}>
          {error.message}
        </div>
      )}
      {events.length === 0 && !error ? (
        <p className="lab-empty">
          {starting ? 'Connecting to Docker…' : 'Nothing has happened yet.'}
        </p>
      ) : (
        <ol className="lab-events">
          {events.map((e) =>
            // The failure is shown in full above; its event would say it twice.
            e.type === 'error' && e.message === error?.message ? null : (
              <li key={e.seq} data-type={e.type}>
                <span className={`lab-event-type lab-tone-${TONES[e.type] ?? 'muted'}`}>
                  {e.type}
                </span>
                <span className="lab-event-msg">{e.message}</span>
              </li>
            ),
          )}
          {starting && (
            <li className="muted" ref={end}>
              <span className="lab-spinner" aria-hidden="true" /> working…
            </li>
          )}
          {!starting && <li ref={end} className="lab-events-end" aria-hidden="true" />}
        </ol>
      )}
    </div>
  );
}

export function LabLogsView() {
  const logs = useLab((s) => s.logs);
  const instances = useLab((s) => s.status?.instances ?? null);
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    // The newest lines are at the end.
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [logs?.text]);
  return (
    <div className="lab-logs-view">
      <div className="lab-logs-bar">
        <select
          aria-label="Container"
          value={logs?.instance ?? ''}
          onChange={(e) => e.target.value && void showLogs(e.target.value)}
        >
          <option value="" disabled>
            Choose a container…
          </option>
          {(instances ?? []).map((i) => (
            <option key={i.name} value={i.name}>
              {i.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!logs || logs.loading}
          onClick={() => logs && void showLogs(logs.instance)}
        >
          {logs?.loading ? 'Loading…' : 'Refresh'}
        </button>
        <span className="muted">last 300 lines</span>
      </div>
      <pre className="lab-logs" data-testid="lab-logs" ref={pre} data-instance={logs?.instance}>
        {logs?.error
          ? logs.error
          : logs
            ? logs.text || (logs.loading ? '' : '(no output yet)')
            : 'Choose a container (or its Logs in Containers) to see what it wrote.'}
      </pre>
    </div>
  );
}
