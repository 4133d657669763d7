// Text-like fields (text, numbers, durations, secrets, paths, lists): the draft is checked as one
// types, and applied on blur or Enter (Ctrl+Enter in multi-line ones) when it is valid.
import { useState, type KeyboardEvent } from 'react';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { fieldText, parseField } from './field-values.ts';
import type { FieldSpec } from './fields.ts';

export interface FieldProps {
  spec: FieldSpec;
  value: unknown;
  /** Applies a value; returns why it was refused, or null. */
  commit: (value: unknown) => string | null;
  placeholder?: string | undefined;
}

const MULTI = new Set(['multiline', 'strings', 'selectors']);

export function TextField({ spec, value, commit, placeholder }: FieldProps) {
  const shown = fieldText(spec, value);
  const [draft, setDraft] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const text = draft ?? shown;
  const parsed = draft === null ? null : parseField(spec, draft);
  const error = parsed && !parsed.ok ? parsed.error : refused;

  const apply = (latest: string | null = draft) => {
    if (latest === null) return;
    const checked = parseField(spec, latest);
    if (!checked.ok) return; // shown, not applied
    if (latest === shown) {
      setDraft(null);
      return;
    }
    const why = commit(checked.value);
    setRefused(why);
    if (!why) setDraft(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const multi = MULTI.has(spec.type);
    if (e.key === 'Enter' && (!multi || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      apply();
    } else if (e.key === 'Escape') {
      setDraft(null);
      setRefused(null);
    }
  };
  const common = {
    id: `field-${spec.key}`,
    'data-testid': `field-${spec.key}`,
    value: text,
    placeholder: placeholder ?? spec.placeholder ?? '',
    'aria-invalid': error ? true : undefined,
    className: error ? 'invalid' : undefined,
    spellCheck: false,
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      setRefused(null);
    },
    onBlur: () => apply(),
    onKeyDown: onKey,
  };
  if (spec.type === 'selectors') {
    // Series selectors, one per line, highlighted as PromQL; applied on blur or Ctrl+Enter.
    return (
      <>
        <CodeEditor
          value={text}
          language="promql"
          wrap
          testId={`field-${spec.key}`}
          ariaLabel={spec.label}
          invalid={Boolean(error)}
          placeholder={placeholder ?? spec.placeholder ?? ''}
          onChange={(t) => {
            setDraft(t);
            setRefused(null);
          }}
          onCommit={(t) => apply(t)}
        />
        {error && (
          <div className="field-error" role="alert" data-testid={`error-${spec.key}`}>
            {error}
          </div>
        )}
      </>
    );
  }
  return (
    <>
      {MULTI.has(spec.type) ? (
        <textarea
          {...common}
          rows={Math.min(8, Math.max(spec.type === 'multiline' ? 2 : 2, text.split('\n').length))}
        />
      ) : (
        <input type="text" inputMode={spec.type === 'int' ? 'numeric' : undefined} {...common} />
      )}
      {error && (
        <div className="field-error" role="alert" data-testid={`error-${spec.key}`}>
          {error}
        </div>
      )}
    </>
  );
}
