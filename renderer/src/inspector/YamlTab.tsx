// The selected item as YAML, editable: every field of FORMAT.md, including those the form leaves
// out. Apply parses it, checks it against the item's schema and replaces the item (one undo step).
import { useMemo, useState } from 'react';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { commitItem, schemaOf, type ItemRef } from './commit.ts';
import { itemYaml, parseItemYaml, type YamlError } from './yaml-item.ts';

export function YamlTab({ target }: { target: ItemRef }) {
  const original = useMemo(() => itemYaml(target.item), [target.item]);
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  const [errors, setErrors] = useState<YamlError[]>([]);
  // A draft made against an older version of the item is dropped when the item changes.
  const text = draft && draft.base === original ? draft.text : original;
  const dirty = text !== original;

  const apply = () => {
    const r = parseItemYaml(text, schemaOf(target), target.item);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    const why = commitItem(target, r.value, 'Edit as YAML');
    if (why) {
      setErrors([{ line: 0, message: why }]);
      return;
    }
    setErrors([]);
    setDraft(null);
  };
  return (
    <div className="yaml-tab">
      <CodeEditor
        value={text}
        language="yaml"
        lineNumbers
        wrap
        testId="inspector-yaml"
        ariaLabel="Item as YAML"
        invalid={errors.length > 0}
        className="yaml-editor"
        onChange={(t) => {
          setDraft({ base: original, text: t });
          if (errors.length) setErrors([]);
        }}
        onSubmit={apply}
      />
      {errors.length > 0 && (
        <ul className="yaml-errors" role="alert" data-testid="inspector-yaml-errors">
          {errors.map((e, i) => (
            <li key={i}>
              {e.line > 0 && <span className="yaml-line">line {e.line}</span>}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      <div className="yaml-actions">
        <button
          type="button"
          className="primary"
          data-testid="inspector-yaml-apply"
          disabled={!dirty}
          onClick={apply}
        >
          Apply
        </button>
        <button
          type="button"
          data-testid="inspector-yaml-revert"
          disabled={!dirty}
          onClick={() => {
            setDraft(null);
            setErrors([]);
          }}
        >
          Revert
        </button>
        <span className="muted small">Ctrl+Enter applies</span>
      </div>
    </div>
  );
}
