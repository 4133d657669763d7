import type { GenerateContext } from './context.ts';
import type { GeneratedPart } from './types.ts';

// Placeholder until this part is written.
export function generateGrafana(_ctx: GenerateContext): GeneratedPart {
  return { files: {}, services: [] };
}
