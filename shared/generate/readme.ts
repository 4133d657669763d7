import type { GenerateContext } from './context.ts';
import type { ExportResult } from './types.ts';

// Placeholder until this part is written.
export function renderReadme(
  _ctx: GenerateContext,
  _result: Omit<ExportResult, 'vars'> & { vars: ExportResult['vars'] },
): string {
  return '# Exported by Federation Studio\n';
}
