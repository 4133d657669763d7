// The findings of the design, by severity; each one focuses what it names on the canvas.
import { useState } from 'react';
import type { TopologyNode } from '../../../shared/model/schema.ts';
import type { Finding, Severity } from '../../../shared/validate/types.ts';
import { focusOf } from '../../../shared/validate/focus.ts';
import { ruleById } from '../../../shared/validate/rules/index.ts';
import { ruleSource } from '../../../shared/validate/sources.ts';
import { useAnalysis } from '../analysis/analysis-store.ts';
import { designStore, useDesign } from '../store/design-store.ts';
import { CodeText } from './CodeText.tsx';
import './problems.css';

const SEVERITIES: { sev: Severity; title: string; icon: string }[] = [
  { sev: 'error', title: 'Errors', icon: '⨯' },
  { sev: 'warning', title: 'Warnings', icon: '!' },
  { sev: 'info', title: 'Info', icon: 'i' },
];

// Node names by id, once per version of the node list: every row looks its names up here.
const namesByNodes = new WeakMap<readonly TopologyNode[], Map<string, string>>();
function nodeNames(nodes: readonly TopologyNode[]): Map<string, string> {
  let names = namesByNodes.get(nodes);
  if (!names) namesByNodes.set(nodes, (names = new Map(nodes.map((n) => [n.id, n.name]))));
  return names;
}

function FindingRow({ f }: { f: Finding }) {
  const focusOn = useDesign((s) => s.focusOn);
  const names = useDesign((s) => {
    const byId = nodeNames(s.topology.nodes);
    return f.nodes.map((id) => byId.get(id) ?? id).join(', ');
  });
  // A finding about a connection shows its edge, where the fix is (as the CLI's file:line does).
  const target = f.nodes[0] ?? f.edges[0];
  const rule = ruleById(f.rule);
  const show = () => {
    const id = focusOf(designStore.getState().topology, f);
    if (id) focusOn(id);
  };
  return (
    <li>
      <button
        type="button"
        className={`finding sev-${f.severity}${f.suppressed ? ' suppressed' : ''}`}
        data-testid="finding"
        data-rule={f.rule}
        data-severity={f.severity}
        disabled={target === undefined}
        title={target ? 'Show on the canvas' : undefined}
        onClick={show}
      >
        <span className={`sev-icon sev-${f.severity}`} aria-label={f.severity}>
          {SEVERITIES.find((s) => s.sev === f.severity)?.icon}
        </span>
        <span className="finding-text">
          <span className="finding-line">
            <span className="finding-rule">{f.rule}</span>
            <span className="finding-message">
              <CodeText text={f.message} />
            </span>
          </span>
          <span className="finding-fix">
            <span className="fix-label">Fix:</span> <CodeText text={f.fix} />
          </span>
          {names && <span className="finding-where">{names}</span>}
        </span>
      </button>
      {rule && (
        <details className="finding-why" data-testid="finding-why">
          <summary>Why it matters</summary>
          <p>
            <CodeText text={rule.why} />
          </p>
          {rule.sources.length > 0 && (
            <p className="finding-sources">
              Sources:{' '}
              {rule.sources.map((tag, i) => {
                const src = ruleSource(tag);
                return (
                  <span key={tag}>
                    {i > 0 && '; '}
                    {src.title}
                    {src.url && <span className="finding-url"> ({src.url})</span>}
                  </span>
                );
              })}
            </p>
          )}
        </details>
      )}
    </li>
  );
}

export function ProblemsPanel() {
  const report = useAnalysis((s) => s.report);
  // Findings arrive from a worker a moment after each edit; until the first, nothing is known.
  const reportRevision = useAnalysis((s) => s.reportRevision);
  const revision = useDesign((s) => s.revision);
  const checked = reportRevision >= 0;
  const current = reportRevision === revision;
  const [collapsed, setCollapsed] = useState<Partial<Record<Severity, boolean>>>({});
  const open = report.findings.filter((f) => !f.suppressed);
  const suppressed = report.findings.filter((f) => f.suppressed);
  const count = (sev: Severity) => open.filter((f) => f.severity === sev).length;

  return (
    <div className="problems" data-testid="problems">
      <div className="panel-header">
        <span className="panel-title">Problems</span>
        {SEVERITIES.map(({ sev, title }) => (
          <span
            key={sev}
            className={`count sev-${sev}${count(sev) === 0 ? ' zero' : ''}`}
            data-testid={`problems-count-${sev}`}
            title={title}
          >
            <span className={`sev-icon sev-${sev}`}>
              {SEVERITIES.find((s) => s.sev === sev)?.icon}
            </span>
            {count(sev)}
          </span>
        ))}
        {suppressed.length > 0 && (
          <span className="count muted" title="Suppressed">
            {suppressed.length} suppressed
          </span>
        )}
      </div>
      <div className="problems-body" aria-busy={!current}>
        {!checked && (
          <div className="problems-empty muted" data-testid="problems-checking">
            Checking the design…
          </div>
        )}
        {checked && open.length === 0 && (
          <div className="problems-empty" data-testid="problems-empty">
            <span className="ok-mark">✓</span> No problems found
          </div>
        )}
        {SEVERITIES.map(({ sev, title }) => {
          const list = open.filter((f) => f.severity === sev);
          if (list.length === 0) return null;
          return (
            <section key={sev} className="sev-group">
              <button
                type="button"
                className="group-head"
                aria-expanded={!collapsed[sev]}
                onClick={() => setCollapsed({ ...collapsed, [sev]: !collapsed[sev] })}
              >
                <span className="chevron">{collapsed[sev] ? '▸' : '▾'}</span>
                {title} <span className="muted">({list.length})</span>
              </button>
              {!collapsed[sev] && (
                <ul>
                  {list.map((f, i) => (
                    <FindingRow key={`${f.rule}-${i}`} f={f} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        {suppressed.length > 0 && (
          <details className="sev-group suppressed-group">
            <summary className="group-head">
              Suppressed <span className="muted">({suppressed.length})</span>
            </summary>
            <ul>
              {suppressed.map((f, i) => (
                <FindingRow key={`${f.rule}-${i}`} f={f} />
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}
