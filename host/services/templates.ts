// The template gallery: every design in templates/, with the title and summary from its metadata.
import { realpathSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTopology } from '../../shared/design/parse.ts';

export interface TemplateInfo {
  id: string;
  title: string;
  summary: string;
  file: string;
  nodes: number;
  edges: number;
}

const SUFFIX = '.topology.yaml';

/** templates/ beside the package root, found from this module (source) or the bundle (dist/). */
export function defaultTemplatesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../templates'), path.resolve(here, '../templates')];
  const fromEnv = process.env.FEDSTUDIO_TEMPLATES_DIR;
  if (fromEnv) return fromEnv;
  return candidates.find(existsSyncSafe) ?? path.resolve(here, '../../templates');
}

function existsSyncSafe(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export async function listTemplates(dir = defaultTemplatesDir()): Promise<TemplateInfo[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(SUFFIX)).sort();
  const out: TemplateInfo[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    const parsed = parseTopology(await readFile(file, 'utf8'));
    if (!parsed.ok)
      throw new Error(`template ${f} does not parse: ${parsed.errors[0]?.message ?? ''}`);
    const [title = f, ...rest] = (parsed.topology.metadata.description ?? '').split('\n');
    out.push({
      id: f.slice(0, -SUFFIX.length),
      title: title.trim() || f,
      summary: rest.join(' ').replace(/\s+/g, ' ').trim(),
      file,
      nodes: parsed.topology.nodes.length,
      edges: parsed.topology.edges?.length ?? 0,
    });
  }
  return out;
}

export async function readTemplate(id: string, dir = defaultTemplatesDir()): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`no template "${id}"`);
  try {
    return await readFile(path.join(dir, id + SUFFIX), 'utf8');
  } catch {
    const known = (await listTemplates(dir)).map((t) => t.id);
    throw new Error(`no template "${id}"; known templates: ${known.join(', ')}`);
  }
}

/**
 * The template id when `file` is one of the app's own templates, else null. A template opened by
 * path (`npm run web -- templates/x.topology.yaml`) becomes an unsaved copy, so that saving and
 * exporting never write into the app's templates folder.
 */
export function templateIdOf(file: string, dir = defaultTemplatesDir()): string | null {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const base = path.basename(file);
  if (!base.endsWith(SUFFIX)) return null;
  return path.dirname(real(file)) === real(dir) ? base.slice(0, -SUFFIX.length) : null;
}
