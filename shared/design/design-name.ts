// A design's name from the file it is saved as: "Save As payments-eu.topology.yaml" names a design
// that was still "untitled" payments-eu, so labs, exports and the window title say what it is.
import { DNS_LABEL, NAME_MAX } from '../model/primitives.ts';

/** The name a new design gets before anyone names it. */
export const UNTITLED = 'untitled';

const DESIGN_SUFFIXES = ['.topology.yaml', '.topology.yml', '.yaml', '.yml'];

/** The file's stem as a design name (a DNS label), or null when nothing usable is left of it. */
export function designNameFromPath(filePath: string): string | null {
  const base = filePath.split(/[\\/]/).pop() ?? '';
  const lower = base.toLowerCase();
  const suffix = DESIGN_SUFFIXES.find((s) => lower.endsWith(s));
  const stem = suffix ? lower.slice(0, -suffix.length) : lower;
  const name = stem
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, NAME_MAX)
    .replace(/-+$/, '');
  return DNS_LABEL.test(name) ? name : null;
}
