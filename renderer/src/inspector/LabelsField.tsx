// A label map as rows of name and value; names are checked as typed, the map is applied when a
// row is left (or removed) and every row is valid.
import { useState, type FocusEvent } from 'react';
import { labelRowsOf, parseLabelRows, type LabelRow } from './field-values.ts';
import type { FieldProps } from './TextField.tsx';

export function LabelsField({
  spec,
  value,
  commit,
  freeKeys = false,
}: FieldProps & { freeKeys?: boolean }) {
  const [rows, setRows] = useState<LabelRow[] | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const shown = rows ?? labelRowsOf(value);
  const parsed = parseLabelRows(shown, freeKeys);
  const rowErrors = parsed.ok ? [] : parsed.errors;

  const apply = (next: LabelRow[]) => {
    const p = parseLabelRows(next, freeKeys);
    if (!p.ok) return;
    const same = JSON.stringify(p.value ?? {}) === JSON.stringify(value ?? {});
    const why = same ? null : commit(p.value);
    setRefused(why);
    if (!why) setRows(null);
  };
  const edit = (i: number, patch: Partial<LabelRow>) => {
    setRows(shown.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setRefused(null);
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    // Leaving one input for another of the same editor is not leaving the editor.
    if (e.currentTarget.contains(e.relatedTarget)) return;
    if (rows) apply(rows);
  };
  return (
    <div className="labels-editor" data-testid={`field-${spec.key}`} onBlur={onBlur}>
      {shown.map((row, i) => (
        <div key={i} className="label-row">
          <div className="label-inputs">
            <input
              type="text"
              aria-label={`${spec.label} name ${i + 1}`}
              data-testid={`field-${spec.key}-name-${i}`}
              placeholder="name"
              className={rowErrors[i] ? 'invalid' : undefined}
              value={row.key}
              spellCheck={false}
              onChange={(e) => edit(i, { key: e.target.value })}
              onKeyDown={(e) => e.key === 'Enter' && apply(shown)}
            />
            <span className="muted">=</span>
            <input
              type="text"
              aria-label={`${spec.label} value ${i + 1}`}
              data-testid={`field-${spec.key}-value-${i}`}
              placeholder="value"
              value={row.value}
              spellCheck={false}
              onChange={(e) => edit(i, { value: e.target.value })}
              onKeyDown={(e) => e.key === 'Enter' && apply(shown)}
            />
            <button
              type="button"
              className="icon-button"
              title="Remove label"
              aria-label={`Remove ${row.key || 'label'}`}
              onClick={() => apply(shown.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
          {rowErrors[i] && <div className="field-error">{rowErrors[i]}</div>}
        </div>
      ))}
      <button
        type="button"
        className="link-button"
        data-testid={`field-${spec.key}-add`}
        onClick={() => setRows([...shown, { key: '', value: '' }])}
      >
        {freeKeys ? '+ Add annotation' : '+ Add label'}
      </button>
      {refused && (
        <div className="field-error" role="alert">
          {refused}
        </div>
      )}
    </div>
  );
}
