// The findings that name the selected item, in short.
import { useFindingsOf } from '../analysis/analysis-store.ts';

export function ItemFindings({ id }: { id: string }) {
  const open = useFindingsOf(id).filter((f) => !f.suppressed);
  if (open.length === 0) return null;
  return (
    <ul className="item-findings" aria-label="Findings on this item">
      {open.map((f, i) => (
        <li key={i} className={`sev-${f.severity}`}>
          <span className="rule-id">{f.rule}</span> {f.message}
        </li>
      ))}
    </ul>
  );
}
