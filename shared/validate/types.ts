export type Severity = 'error' | 'warning' | 'info';

/** What the validator tells the architect: RULES.md's shape of a finding. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  nodes: string[];
  edges: string[];
  fix: string;
  /** True when a node or edge it names suppresses this rule (FORMAT.md `suppress`). */
  suppressed?: boolean;
}
