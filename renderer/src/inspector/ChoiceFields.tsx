// Fields applied at once: checkboxes, selects and the accepted-findings list.
import { useState } from 'react';
import type { FieldProps } from './TextField.tsx';

function Refusal({ text }: { text: string | null }) {
  return text ? (
    <div className="field-error" role="alert">
      {text}
    </div>
  ) : null;
}

export function BoolField({ spec, value, commit }: FieldProps) {
  const [refused, setRefused] = useState<string | null>(null);
  const fallback = spec.placeholder === 'true';
  const checked = typeof value === 'boolean' ? value : fallback;
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          data-testid={`field-${spec.key}`}
          checked={checked}
          onChange={(e) => setRefused(commit(e.target.checked))}
        />
        <span>
          {value === undefined ? `${checked ? 'on' : 'off'} (default)` : checked ? 'on' : 'off'}
        </span>
      </label>
      <Refusal text={refused} />
    </>
  );
}

export function EnumField({ spec, value, commit }: FieldProps) {
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <>
      <select
        data-testid={`field-${spec.key}`}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => setRefused(commit(e.target.value === '' ? undefined : e.target.value))}
      >
        <option value="">(default)</option>
        {(spec.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <Refusal text={refused} />
    </>
  );
}

export interface SuppressProps extends FieldProps {
  /** Rule ids of findings that name this item now. */
  firing: readonly string[];
}

export function SuppressField({ spec, value, commit, firing }: SuppressProps) {
  const [refused, setRefused] = useState<string | null>(null);
  const current = Array.isArray(value) ? (value as string[]) : [];
  const rules = [...new Set([...firing, ...current])].sort();
  if (rules.length === 0)
    return (
      <div className="muted small" data-testid={`field-${spec.key}`}>
        No findings on this item.
      </div>
    );
  const toggle = (rule: string, on: boolean) => {
    const next = on ? [...current, rule] : current.filter((r) => r !== rule);
    setRefused(commit(next.length > 0 ? next : undefined));
  };
  return (
    <div className="suppress-list" data-testid={`field-${spec.key}`}>
      {rules.map((r) => (
        <label key={r} className="check">
          <input
            type="checkbox"
            data-rule={r}
            checked={current.includes(r)}
            onChange={(e) => toggle(r, e.target.checked)}
          />
          <code>{r}</code>
          {!firing.includes(r) && <span className="muted small">not firing</span>}
        </label>
      ))}
      <Refusal text={refused} />
    </div>
  );
}
