import type { GenerateContext } from './context.ts';
import type { ServiceSpec } from './types.ts';

// Placeholder until this part is written.
export function renderCompose(_ctx: GenerateContext, _services: ServiceSpec[]): string {
  return 'services: {}\n';
}
