import type { GenerateContext } from './context.ts';
import type { ExportResult } from './types.ts';

// Placeholder until this part is written.
export function renderEnv(ctx: GenerateContext): string {
  return `COMPOSE_PROJECT_NAME=${ctx.topology.metadata.name}\n`;
}
export function renderEnvExample(ctx: GenerateContext, vars: ExportResult['vars']): string {
  return (
    [`COMPOSE_PROJECT_NAME=${ctx.topology.metadata.name}`, ...vars.map((v) => `${v.name}=`)].join(
      '\n',
    ) + '\n'
  );
}
