// Model -> design text: stable key order (the schema's), block style, positions and sizes inline,
// no defaults written that the user did not set. Diff-friendly by construction.
import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import { TopologySchema, type Topology } from './schema.ts';

const INLINE_KEYS = new Set(['position', 'size', 'shard']);

export function serializeTopology(model: Topology): string {
  // Parsing through the schema puts every object's keys in declaration order and drops nothing
  // the format allows; a model that does not fit the format is a programming error here.
  const canonical = TopologySchema.parse(model);
  const doc = new Document(canonical, { keepUndefined: false });
  visit(doc, {
    Pair(_, pair) {
      if (
        isPair(pair) &&
        isScalar(pair.key) &&
        INLINE_KEYS.has(String(pair.key.value)) &&
        isMap(pair.value)
      ) {
        pair.value.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
