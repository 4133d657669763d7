import type { Facts } from './facts.ts';
import type { ExportTarget } from '../export-target.ts';
import type { Severity } from './types.ts';

/** A finding as a rule reports it; the engine adds the rule's id, severity and suppression. */
export interface Draft {
  /** One sentence in the design's own names. */
  message: string;
  nodes: string[];
  edges: string[];
  /** A fix specific to this finding; the rule's general fix otherwise. */
  fix?: string;
}

/** One row of RULES.md. */
export interface Rule {
  id: string;
  severity: Severity;
  /** RULES.md's section. */
  area:
    | 'federation'
    | 'alerting'
    | 'sharding'
    | 'capacity'
    | 'rules'
    | 'grafana'
    | 'long-term storage'
    | 'structure'
    | 'secrets';
  /** When it triggers, in RULES.md's words. */
  when: string;
  /** Why it matters: what goes wrong in production. */
  why: string;
  fix: string;
  /** RULES.md source tags, e.g. ['FED', 'RP']. */
  sources: string[];
  /** Set when the finding only matters for one export target: checked only when it is chosen. */
  target?: ExportTarget;
  check(facts: Facts): Draft[];
}
