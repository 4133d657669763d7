// Recording and alert rules of a Prometheus: one card per rule, each part applied on its own as
// the whole list (so each edit is one undo step). Expressions are PromQL-highlighted and parsed.
import { useState } from 'react';
import type { AlertRule, RecordingRule } from '../../../shared/model/schema.ts';
import { parseExpr } from '../../../shared/validate/promql.ts';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { withField } from './field-values.ts';
import type { FieldSpec } from './fields.ts';
import { LabelsField } from './LabelsField.tsx';
import { TextField, type FieldProps } from './TextField.tsx';

type Rule = RecordingRule | AlertRule;

function ExprInput({
  id,
  expr,
  commit,
}: {
  id: string;
  expr: string;
  commit: (expr: string) => string | null;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const text = draft ?? expr;
  const parsed = draft === null ? null : parseExpr(draft);
  const error = parsed && !parsed.ok ? parsed.reason : refused;
  return (
    <>
      <CodeEditor
        value={text}
        language="promql"
        wrap
        testId={id}
        ariaLabel="PromQL expression"
        invalid={Boolean(error)}
        className="expr-input"
        onChange={(t) => {
          setDraft(t);
          setRefused(null);
        }}
        onCommit={(t) => {
          if (t === expr) {
            setDraft(null);
            return;
          }
          if (!parseExpr(t).ok) return;
          const why = commit(t.trim());
          setRefused(why);
          if (!why) setDraft(null);
        }}
      />
      {error && <div className="field-error">{error}</div>}
    </>
  );
}

export function RulesField({ spec, value, commit }: FieldProps) {
  const alert = spec.type === 'alertRules';
  const rules = (Array.isArray(value) ? value : []) as Rule[];
  const put = (list: Rule[]) => commit(list.length > 0 ? list : undefined);
  const setPart = (i: number, key: string, v: unknown) =>
    put(rules.map((r, j) => (j === i ? withField(r, key, v) : r)));
  const sub = (i: number, key: string, label: string, type: FieldSpec['type']): FieldSpec => ({
    key: `${spec.key}-${i}-${key}`,
    label,
    type,
    required: key === 'record' || key === 'alert',
  });
  const add = () =>
    put([
      ...rules,
      alert
        ? { alert: `NewAlert${rules.length + 1}`, expr: 'up == 0', for: '5m' }
        : { record: `job:new_rule_${rules.length + 1}:sum`, expr: 'sum by (job) (up)' },
    ]);
  return (
    <div className="rules" data-testid={`field-${spec.key}`}>
      {rules.map((r, i) => {
        const nameKey = 'alert' in r ? 'alert' : 'record';
        const name = 'alert' in r ? r.alert : r.record;
        return (
          <div className="rule-card" key={`${i}-${name}`}>
            <div className="rule-head">
              <span className="muted small">{alert ? 'Alert' : 'Record'}</span>
              <button
                type="button"
                className="icon-button"
                title="Remove rule"
                aria-label={`Remove ${name}`}
                onClick={() => put(rules.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
            <TextField
              spec={sub(i, nameKey, alert ? 'Alert name' : 'Record name', 'text')}
              value={name}
              commit={(v) => setPart(i, nameKey, v)}
            />
            <div className="sub-label">expr</div>
            <ExprInput
              id={`field-${spec.key}-${i}-expr`}
              expr={r.expr}
              commit={(v) => setPart(i, 'expr', v)}
            />
            {'alert' in r && (
              <>
                <div className="sub-label">for</div>
                <TextField
                  spec={sub(i, 'for', 'For', 'duration')}
                  value={r.for}
                  placeholder="0s"
                  commit={(v) => setPart(i, 'for', v)}
                />
              </>
            )}
            <div className="sub-label">labels</div>
            <LabelsField
              spec={sub(i, 'labels', 'Labels', 'labels')}
              value={r.labels}
              commit={(v) => setPart(i, 'labels', v)}
            />
            {'alert' in r && (
              <>
                <div className="sub-label">annotations</div>
                <LabelsField
                  freeKeys
                  spec={sub(i, 'annotations', 'Annotations', 'labels')}
                  value={r.annotations}
                  commit={(v) => setPart(i, 'annotations', v)}
                />
              </>
            )}
          </div>
        );
      })}
      <button type="button" className="link-button" onClick={() => add()}>
        {alert ? '+ Add alert rule' : '+ Add recording rule'}
      </button>
    </div>
  );
}
