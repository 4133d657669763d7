// Every node kind's generator: the files, containers and variables of all nodes of that kind.
// Typed over the kind union, so a node kind does not compile until it has one. Beside its facts
// (shared/kinds/<kind>.ts) rather than in them: generators read the facts of other kinds (ports,
// health, labels), so the facts sit below every generator.
import type { NodeKind, NodeOf } from '../model/schema.ts';
import { generateAlertmanager } from './alertmanager.ts';
import type { GenerateContext } from './context.ts';
import { generateDatastores } from './datastores.ts';
import { generateLoki, generatePromtail, generateTempo } from './extended-logs.ts';
import { generateMimir } from './extended-mimir.ts';
import { generateObjectStores } from './extended-objstore.ts';
import { generateThanos } from './extended-thanos.ts';
import { generateGrafana } from './grafana.ts';
import { generatePrometheus } from './prometheus.ts';
import { generateTargets } from './targets.ts';
import type { FileTree, GeneratedPart } from './types.ts';

export type KindGenerator = (ctx: GenerateContext) => GeneratedPart;
export type NodeGeneratorRegistry = { readonly [K in NodeKind]: KindGenerator };

/** A generator of one node at a time, run over every node of its kind. */
function eachNode<K extends NodeKind>(
  kind: K,
  one: (ctx: GenerateContext, node: NodeOf<K>) => GeneratedPart,
): KindGenerator {
  return (ctx) => mergeParts(ctx.nodesOfKind(kind).map((n) => one(ctx, n)));
}

/**
 * In the order the export lists containers (docker-compose.yml, README, lab): the Prometheus
 * stack first, then data stores and targets, then the extended kinds.
 */
export const NODE_GENERATORS: NodeGeneratorRegistry = {
  prometheus: generatePrometheus,
  alertmanager: generateAlertmanager,
  grafana: generateGrafana,
  influxdb: (ctx) => generateDatastores(ctx, ['influxdb']),
  clickhouse: (ctx) => generateDatastores(ctx, ['clickhouse']),
  postgres: (ctx) => generateDatastores(ctx, ['postgres']),
  redis: (ctx) => generateDatastores(ctx, ['redis']),
  mysql: (ctx) => generateDatastores(ctx, ['mysql']),
  targets: generateTargets,
  loki: eachNode('loki', generateLoki),
  tempo: eachNode('tempo', generateTempo),
  promtail: eachNode('promtail', generatePromtail),
  mimir: eachNode('mimir', generateMimir),
  'thanos-query': eachNode('thanos-query', generateThanos),
  'thanos-store': eachNode('thanos-store', generateThanos),
  'thanos-compactor': eachNode('thanos-compactor', generateThanos),
  'object-store': generateObjectStores,
};

/** The parts of the given kinds (by default every kind), as one, in the export's order. */
export function generateKinds(
  ctx: GenerateContext,
  kinds: readonly NodeKind[] = Object.keys(NODE_GENERATORS) as NodeKind[],
): GeneratedPart {
  const wanted = new Set(kinds);
  const order = (Object.keys(NODE_GENERATORS) as NodeKind[]).filter((k) => wanted.has(k));
  return mergeParts(order.map((k) => NODE_GENERATORS[k](ctx)));
}

/** Parts joined in order; two parts writing one path is a generator bug. */
function mergeParts(parts: readonly GeneratedPart[]): GeneratedPart {
  const files: FileTree = {};
  for (const part of parts) {
    for (const [p, text] of Object.entries(part.files)) {
      if (p in files) throw new Error(`two generators wrote ${p}`);
      files[p] = text;
    }
  }
  return {
    files,
    services: parts.flatMap((p) => p.services),
    vars: parts.flatMap((p) => p.vars ?? []),
  };
}
