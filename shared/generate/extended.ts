// Extended kinds: Loki, Tempo, Promtail, Mimir, the Thanos components and object stores. Each
// lives in an extended-*.ts file; this one gathers their parts.
import type { GenerateContext } from './context.ts';
import { generateLoki, generatePromtail, generateTempo } from './extended-logs.ts';
import { generateObjectStores } from './extended-objstore.ts';
import { generateMimir, generateThanos } from './extended-thanos.ts';
import type { GeneratedPart } from './types.ts';

export function generateExtended(ctx: GenerateContext): GeneratedPart {
  const parts: GeneratedPart[] = [
    ...ctx.nodesOfKind('loki').map((n) => generateLoki(ctx, n)),
    ...ctx.nodesOfKind('tempo').map((n) => generateTempo(ctx, n)),
    ...ctx.nodesOfKind('promtail').map((n) => generatePromtail(ctx, n)),
    ...ctx.nodesOfKind('mimir').map((n) => generateMimir(ctx, n)),
    ...ctx.nodesOfKind('thanos-query').map((n) => generateThanos(ctx, n)),
    ...ctx.nodesOfKind('thanos-store').map((n) => generateThanos(ctx, n)),
    ...ctx.nodesOfKind('thanos-compactor').map((n) => generateThanos(ctx, n)),
    generateObjectStores(ctx),
  ];
  return {
    files: Object.assign({}, ...parts.map((p) => p.files)) as GeneratedPart['files'],
    services: parts.flatMap((p) => p.services),
    vars: parts.flatMap((p) => p.vars ?? []),
  };
}
