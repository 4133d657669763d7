// What the host asks of its design worker and what it answers: plain data, structured-cloned.
import type { ExportTarget } from '../../shared/export-target.ts';
import type { LabPlan } from '../../shared/lab/types.ts';
import type { ModelError } from '../../shared/design/parse.ts';
import type { PackedTree } from './packed-tree.ts';

export type DesignJob =
  | { kind: 'check'; text: string }
  | { kind: 'export'; text: string; target: ExportTarget }
  | { kind: 'labPlan'; text: string; env: Record<string, string> };

export type DesignAnswer =
  | { kind: 'invalid'; errors: ModelError[] }
  | { kind: 'checked' }
  | { kind: 'exported'; files: PackedTree; vars: string[]; summary: string }
  | { kind: 'planned'; name: string; plan: LabPlan }
  | { kind: 'unplannable'; message: string };
