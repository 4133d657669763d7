// Reads every design of templates/ for the tests beside it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTopology, formatModelError } from '../shared/design/parse.ts';
import type { Topology } from '../shared/model/schema.ts';

export const TEMPLATES_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SUFFIX = '.topology.yaml';

export interface LoadedTemplate {
  id: string;
  file: string;
  text: string;
  topology: Topology;
}

export function templateFiles(): string[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith(SUFFIX))
    .sort();
}

/** Every template, parsed; a template that does not parse throws with its errors. */
export function loadTemplates(): LoadedTemplate[] {
  return templateFiles().map((f) => {
    const file = path.join(TEMPLATES_DIR, f);
    const text = readFileSync(file, 'utf8');
    const parsed = parseTopology(text);
    if (!parsed.ok) {
      throw new Error(parsed.errors.map((e) => formatModelError(e, f)).join('\n'));
    }
    return { id: f.slice(0, -SUFFIX.length), file, text, topology: parsed.topology };
  });
}
