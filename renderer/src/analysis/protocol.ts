// What the analysis worker is asked and answers: a design at a revision in, its validation
// report or its export out, tagged with that revision so the page can drop answers overtaken by
// newer edits.
import { generateExport, type ExportResult } from '../../../shared/generate/index.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { validate, type ValidationReport } from '../../../shared/validate/engine.ts';

export type ExportOutcome = ExportResult | { error: string };

export interface Jobs {
  validate: ValidationReport;
  export: ExportOutcome;
}
export type Job = keyof Jobs;

export interface AnalysisRequest {
  job: Job;
  revision: number;
  topology: Topology;
}

export type AnalysisReply =
  | { job: 'validate'; revision: number; value: ValidationReport }
  | { job: 'export'; revision: number; value: ExportOutcome };

/** Runs one job; the same code runs in the worker and, where there is none, in the page. */
export function runJob(req: AnalysisRequest): AnalysisReply {
  if (req.job === 'validate')
    return { job: 'validate', revision: req.revision, value: validate(req.topology) };
  let value: ExportOutcome;
  try {
    value = generateExport(req.topology);
  } catch (e) {
    value = { error: (e as Error).message };
  }
  return { job: 'export', revision: req.revision, value };
}
