// The lab's folder under the state dir (labs/<name>/): the generated configs, a local .env of
// values for every ${VAR} (random, made once and kept, never exported), secrets/<VAR> files, and
// lab.json, which lets `status` and `down` work from the lab's name alone.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { renderLabFiles } from '../../shared/lab/render.ts';
import type { LabEdge, LabPlan, LabVar } from '../../shared/lab/types.ts';
import { writeFileAtomic } from '../disk/atomic-write.ts';
import {
  defaultStateDir,
  ensurePrivateDir,
  isStateDir,
  STATE_FILE_MODE,
} from '../disk/state-dir.ts';
import { confinedPath, writeFileTree } from '../disk/file-tree.ts';

export function labDir(name: string, stateDir = defaultStateDir()): string {
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name)) throw new Error(`"${name}" is not a lab name`);
  return path.join(stateDir, 'labs', name);
}

/** Generated configs live below config/, so a design's paths can never reach .env or secrets/. */
export const CONFIG_SUBDIR = 'config';

/** What status needs besides Docker's answers, written by `up`. */
export const LabRecord = z.object({
  name: z.string(),
  edges: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['scrape', 'federate']),
      from: z.string(),
      to: z.string(),
      scrapers: z.array(z.string()),
      job: z.string(),
      targets: z.array(z.string()).optional(),
      external: z.boolean().optional(),
    }),
  ),
  /** Where the lab's configs differ from the export; absent in records of older versions. */
  differences: z
    .array(
      z.object({
        server: z.string(),
        job: z.string(),
        edgeId: z.string(),
        nodeId: z.string(),
        files: z.array(z.string()),
        changes: z.array(z.string()),
      }),
    )
    .optional(),
});
export type LabRecord = z.infer<typeof LabRecord>;

export async function readLabRecord(dir: string): Promise<LabRecord | null> {
  try {
    const parsed = LabRecord.safeParse(
      JSON.parse(await readFile(path.join(dir, 'lab.json'), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function parseEnv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], m[2]);
  }
  return out;
}

function newValue(v: LabVar): string {
  // A URL var is where Alertmanager would deliver: a lab must not page anyone, and the config
  // must still load, so it points at the discard port of the container itself.
  return v.kind === 'url'
    ? `http://127.0.0.1:9/fedstudio-lab/${v.name}`
    : randomBytes(18).toString('base64url');
}

/** The lab's values: those already in its .env (kept across `up`s), new ones for the rest. */
async function labValues(dir: string, vars: LabVar[]): Promise<Map<string, string>> {
  let existing = new Map<string, string>();
  try {
    existing = parseEnv(await readFile(path.join(dir, '.env'), 'utf8'));
  } catch {
    // no .env yet: every value is new
  }
  for (const v of vars) if (!existing.has(v.name)) existing.set(v.name, newValue(v));
  return existing;
}

export interface WrittenLab {
  dir: string;
  configDir: string;
  values: Map<string, string>;
}

/** Writes everything a lab's containers mount; returns the values for ${VAR} references. */
export async function writeLabFolder(
  plan: LabPlan,
  edges: LabEdge[],
  stateDir?: string,
): Promise<WrittenLab> {
  const dir = labDir(plan.name, stateDir);
  // Only the user may enter the state folder and its labs; mounted files stay readable to the
  // containers' own users, who reach them through their bind mounts.
  await ensurePrivateDir(path.dirname(path.dirname(dir)), isStateDir);
  await ensurePrivateDir(path.dirname(dir));
  await ensurePrivateDir(dir);
  const values = await labValues(dir, plan.vars);
  const env = [
    '# Values of the lab for every ${VAR} of the design: made up by Federation Studio, local only.',
    ...[...values].map(([k, v]) => `${k}=${v}`),
    '',
  ].join('\n');
  // Written anew (not in place), so a .env left readable by an older version is tightened too.
  await writeFileAtomic(path.join(dir, '.env'), env, { mode: STATE_FILE_MODE });
  const configDir = path.join(dir, CONFIG_SUBDIR);
  // Overwritten in place, never removed first: containers kept from an earlier `up` have these
  // folders bind-mounted, and a removed folder would leave them looking at an empty one.
  await mkdir(configDir, { recursive: true });
  await writeFileTree(configDir, {
    ...plan.files,
    ...renderLabFiles(plan, Object.fromEntries(values)),
  });
  const secrets = [...new Set(plan.containers.flatMap((c) => c.secrets))];
  if (secrets.length > 0) {
    const secretsDir = path.join(dir, 'secrets');
    await ensurePrivateDir(secretsDir);
    for (const s of secrets) {
      await writeFile(confinedPath(secretsDir, s), values.get(s) ?? '', { mode: 0o644 });
    }
  }
  const record: LabRecord = { name: plan.name, edges, differences: plan.differences };
  await writeFile(path.join(dir, 'lab.json'), JSON.stringify(record, null, 2) + '\n');
  return { dir, configDir, values };
}

/** `${VAR}` references in an environment value, filled from the lab's values. */
export function interpolate(value: string, values: Map<string, string>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (_, name: string) => values.get(name) ?? '',
  );
}
