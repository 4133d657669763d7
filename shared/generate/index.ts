// Topology -> the export: every config file, the compose file, .env files, the design itself and
// a README. Pure: the Node side writes the result (host/services/export-writer.ts).
import { serializeTopology } from '../model/serialize.ts';
import type { Topology } from '../model/schema.ts';
import { renderCompose } from './compose.ts';
import { createContext } from './context.ts';
import {
  designVars,
  renderEnv,
  renderEnvExample,
  renderWriteSecrets,
  usedVars,
  WRITE_SECRETS_PATH,
} from './env.ts';
import { generateKinds } from './kinds.ts';
import { renderReadme } from './readme.ts';
import type { ExportResult, FileTree, ServiceSpec } from './types.ts';

export type { ExportResult } from './types.ts';

export interface ExportOptions {
  /** The design's own text, copied verbatim as topology.yaml (comments kept); else it is serialized. */
  designText?: string;
}

export function generateExport(t: Topology, options: ExportOptions = {}): ExportResult {
  const ctx = createContext(t);
  // Every node kind's generator (generate/kinds.ts), in the export's order.
  const part = generateKinds(ctx);
  const files: FileTree = { ...part.files };
  const services: ServiceSpec[] = part.services;
  const why = new Map<string, string>();
  for (const name of designVars(t)) why.set(name, 'referenced by the design');
  for (const v of part.vars ?? []) if (!why.has(v.name)) why.set(v.name, v.why);
  // Only what the stack reads: a variable the design names where no tool expands it is not.
  const vars = usedVars(services)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, why: why.get(name) ?? 'used by docker-compose.yml' }));
  files['docker-compose.yml'] = renderCompose(ctx, services);
  files['.env'] = renderEnv(ctx);
  files['.env.example'] = renderEnvExample(ctx, vars, services);
  const writeSecrets = renderWriteSecrets(services);
  if (writeSecrets) files[WRITE_SECRETS_PATH] = writeSecrets;
  files['topology.yaml'] = options.designText ?? serializeTopology(t);
  files['README.md'] = renderReadme(ctx, { files, services, vars });
  return { files: sortTree(files), services, vars };
}

function sortTree(files: FileTree): FileTree {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
