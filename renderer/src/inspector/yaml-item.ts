// Pure: one design item as YAML for the inspector's YAML tab, and back, with errors that name the
// line. Canvas geometry (position, size) is left out of the text and kept from the item.
import jsyaml from 'js-yaml';
import { schemaErrors } from '../../../shared/design/parse.ts';
import { loadYaml } from '../../../shared/model/yaml-load.ts';
import { normalizeText } from '../../../shared/model/yaml-text.ts';
import type { z } from 'zod';

const GEOMETRY = ['position', 'size'] as const;

export function itemYaml(item: object): string {
  const shown = Object.fromEntries(
    Object.entries(item).filter(([k]) => !(GEOMETRY as readonly string[]).includes(k)),
  );
  return jsyaml.dump(shown, { lineWidth: 100, noRefs: true });
}

export interface YamlError {
  line: number;
  message: string;
}

export type ItemParse<T> = { ok: true; value: T } | { ok: false; errors: YamlError[] };

/** The text parsed and checked against the item's schema; geometry comes from `current`. */
export function parseItemYaml(text: string, schema: z.ZodType, current: object): ItemParse<object> {
  // The design file's own reading: the same limits, so no text typed here can crash the tab.
  text = normalizeText(text);
  const loaded = loadYaml(text);
  if (!loaded.ok)
    return { ok: false, errors: loaded.errors.map((e) => ({ line: e.line, message: e.message })) };
  const raw = loaded.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ line: 1, message: 'expected a mapping of fields' }] };
  }
  const geometry = Object.fromEntries(
    Object.entries(current).filter(([k]) => (GEOMETRY as readonly string[]).includes(k)),
  );
  const candidate = { ...raw, ...geometry };
  const r = schema.safeParse(candidate);
  if (r.success) return { ok: true, value: r.data as object };
  // The design file's own messages ("missing required …", "unknown key …"), not zod's.
  return {
    ok: false,
    errors: schemaErrors(r.error, candidate, text)
      .slice(0, 8)
      .map((e) => ({
        line: e.line || 1,
        message: e.path && e.path !== '(document)' ? `${e.path}: ${e.message}` : e.message,
      })),
  };
}
