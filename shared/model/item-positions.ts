// Where the nodes, edges and groups of a design start in its text, for findings that point at the
// file (the CLI's `file:line`). Only the items asked for are placed, and they are found with js-yaml
// told where each collection opens: several times faster, and far less memory, than the
// position-keeping parser that places parse errors.
import jsyaml from 'js-yaml';
import { lazyLocator } from './locate.ts';
import type { PathSegment } from './path.ts';
import type { Topology } from './schema.ts';
import { nodeStart } from './yaml-load.ts';
import { normalizeText, type Position } from './yaml-text.ts';

/**
 * Where each group, node and edge among `ids` (all of them when left out) starts: id -> line and
 * column, the same answer as the position-keeping locator's.
 */
export function sourcePositions(
  text: string,
  t: Topology,
  ids?: Iterable<string>,
): Map<string, Position> {
  const wanted = ids === undefined ? undefined : new Set(ids);
  const paths = new Map<string, PathSegment[]>();
  const add = (id: string, path: PathSegment[]) => {
    if ((wanted === undefined || wanted.has(id)) && !paths.has(id)) paths.set(id, path);
  };
  (t.groups ?? []).forEach((g, i) => add(g.id, ['groups', i]));
  t.nodes.forEach((n, i) => add(n.id, ['nodes', i]));
  (t.edges ?? []).forEach((e, i) => add(e.id, ['edges', i]));
  const out = new Map<string, Position>();
  if (paths.size === 0) return out;
  const start = collectionStarts(text);
  const fallback = lazyLocator(text);
  for (const [id, path] of paths) out.set(id, start(path) ?? fallback(path));
  return out;
}

/**
 * Where the mapping or list at a path starts, or undefined when the path leads elsewhere (the
 * caller then asks the position-keeping locator). Parses on the first call.
 */
export function collectionStarts(
  input: string,
): (path: readonly PathSegment[]) => Position | undefined {
  const text = normalizeText(input);
  let index: { root: unknown; starts: WeakMap<object, number> } | undefined;
  let lines: number[] | undefined;
  return (path) => {
    index ??= indexCollections(text);
    let v = index.root;
    for (const seg of path) {
      if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
      v = (v as Record<PathSegment, unknown>)[seg];
    }
    if (v === null || typeof v !== 'object') return undefined;
    const at = index.starts.get(v);
    if (at === undefined) return undefined;
    lines ??= lineStarts(text);
    return positionIn(lines, valueStart(text, at));
  };
}

/** The design's data, and where js-yaml began reading each mapping and list of it. */
function indexCollections(text: string): { root: unknown; starts: WeakMap<object, number> } {
  const starts = new WeakMap<object, number>();
  const open: number[] = [];
  try {
    const docs = jsyaml.loadAll(text, null, {
      schema: jsyaml.CORE_SCHEMA,
      listener: (event, state) => {
        if (event === 'open') {
          open.push(state.position);
          return;
        }
        const at = open.pop();
        const value: unknown = state.result;
        // An alias yields the anchored value itself, which keeps the anchor's place.
        if (at !== undefined && value !== null && typeof value === 'object' && !starts.has(value))
          starts.set(value, at);
      },
    });
    return { root: docs.find((d) => d !== null && d !== undefined) ?? null, starts };
  } catch {
    // Text that parsed as a design parses again; should it not, the slower locator answers.
    return { root: null, starts };
  }
}

/** Where the value read from `offset` starts: past space, comments, an anchor and a tag. */
function valueStart(text: string, offset: number): number {
  let i = nodeStart(text, offset);
  while (text[i] === '&' || text[i] === '!') {
    while (i < text.length && !/\s/.test(text[i] ?? '')) i++;
    i = nodeStart(text, i);
  }
  return i;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function positionIn(lines: number[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lines[lo] ?? 0) + 1 };
}
