// Model -> design text: stable key order (the schema's), block style, positions and sizes inline,
// no defaults written that the user did not set. Diff-friendly by construction.
import jsyaml from 'js-yaml';
import { TopologySchema, type Topology } from './schema.ts';

/** Small maps written inline, `position: { x: 10, y: 20 }`, to keep designs short and diffs local. */
const INLINE_KEYS = new Set(['position', 'size', 'shard']);
const TOKEN = '__fedstudio_inline_';

export function serializeTopology(model: Topology): string {
  // Parsing through the schema puts every object's keys in declaration order and drops nothing
  // the format allows; a model that does not fit the format is a programming error here.
  const canonical = TopologySchema.parse(model);
  const inline: string[] = [];
  // js-yaml has no per-key flow style: inline maps go out as placeholder scalars, then are put
  // back as flow text. Their values are numbers only, so the flow text needs no quoting.
  const swap = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => swap(x));
    if (v === null || typeof v !== 'object') return v;
    if (
      key !== undefined &&
      INLINE_KEYS.has(key) &&
      Object.values(v).every((x) => typeof x === 'number')
    ) {
      inline.push(
        `{ ${Object.entries(v)
          .map(([k, x]) => `${k}: ${String(x)}`)
          .join(', ')} }`,
      );
      return `${TOKEN}${inline.length - 1}`;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x, k)]));
  };
  const text = jsyaml.dump(swap(canonical), {
    lineWidth: -1,
    noRefs: true,
    quotingType: "'",
    noCompatMode: true,
  });
  // A user string that happens to contain the token would be ambiguous: then write block style.
  const uses = text.split(TOKEN).length - 1;
  if (uses !== inline.length)
    return jsyaml.dump(canonical, {
      lineWidth: -1,
      noRefs: true,
      quotingType: "'",
      noCompatMode: true,
    });
  return text.replace(new RegExp(`${TOKEN}(\\d+)`, 'g'), (_, i: string) => inline[Number(i)] ?? '');
}
