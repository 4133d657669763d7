// Where a path of a design is in its YAML text, for errors and findings that point at the file.
import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { PathSegment } from './path.ts';
import { normalizeText } from './yaml-text.ts';

export type Locate = (
  path: readonly PathSegment[],
  key?: string,
) => { line: number; column: number };

/**
 * Where a path is in YAML text (line and column, 1-based), parsed on first use. A path the
 * position-keeping parser cannot follow (it reads a few constructs more strictly than js-yaml)
 * falls back to its nearest ancestor, at worst the document's start: an error always has a line.
 */
export function lazyLocator(text: string): Locate {
  let locate: Locate | undefined;
  return (path, key) => {
    if (!locate) {
      const lineCounter = new LineCounter();
      const docs = parseAllDocuments(normalizeText(text), {
        lineCounter,
        uniqueKeys: false,
        strict: false,
      });
      // The design is the one document with content; empty ones around it are allowed.
      const list = Array.isArray(docs) ? docs : [];
      const doc = list.find((d) => isCollection(d.contents)) ?? list[0];
      locate = doc ? locator(doc, lineCounter) : () => ({ line: 1, column: 1 });
    }
    return locate(path, key);
  };
}

/** Finds the line and column of a path in the YAML document, or of its nearest existing ancestor. */
function locator(doc: Document, lc: LineCounter): Locate {
  return (path, key) => {
    let node: unknown = doc.contents;
    let found: unknown = node;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) break;
        node = pair.value;
        found = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        if (node === undefined) break;
        found = node;
      } else break;
    }
    if (key !== undefined && isMap(found)) {
      const pair = found.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key,
      );
      if (pair && isScalar(pair.key)) found = pair.key;
    }
    const range = (found as YamlNode | undefined)?.range ?? doc.contents?.range;
    if (!range) return { line: 1, column: 1 };
    const pos = lc.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
}
