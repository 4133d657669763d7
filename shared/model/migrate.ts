// Saved designs carry their apiVersion; older ones are migrated on load, step by step, to the
// current one. v1 is the first version, so the chain is empty: a new version adds one step here.
import { API_VERSION } from './schema.ts';

type Migration = { to: string; run: (doc: Record<string, unknown>) => Record<string, unknown> };

export const MIGRATIONS: Record<string, Migration> = {};

export type MigrateResult =
  { ok: true; doc: Record<string, unknown>; from: string } | { ok: false; message: string };

export function migrate(doc: Record<string, unknown>, migrations = MIGRATIONS): MigrateResult {
  const from = doc.apiVersion;
  if (typeof from !== 'string') return { ok: true, doc, from: String(from) }; // the schema reports it
  let current = doc;
  let version = from;
  for (let steps = 0; version !== API_VERSION; steps++) {
    const step = migrations[version];
    if (!step || steps > 100) {
      return {
        ok: false,
        message: `unsupported apiVersion "${from}": this version of Federation Studio reads "${API_VERSION}"${Object.keys(migrations).length ? ` and migrates ${Object.keys(migrations).join(', ')}` : ''}`,
      };
    }
    current = step.run(current);
    version = step.to;
    current = { ...current, apiVersion: version };
  }
  return { ok: true, doc: current, from };
}
