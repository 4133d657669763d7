// What loaded YAML data stands for once its aliases are expanded: bounded in size and depth, and
// free of keys that JavaScript objects cannot hold as plain data.
import type { PathSegment } from './path.ts';
import { MAX_NESTING } from './yaml-load.ts';

/** Aliases can make a small file stand for a huge tree ("billion laughs"): bound what it expands to. */
export const MAX_EXPANDED_VALUES = 5_000_000;

export type ShapeProblem =
  | { kind: 'too-big' }
  /** `path` is where the alias (or value) that crosses the bound sits. */
  | { kind: 'too-deep'; path: PathSegment[] }
  /** `path` is the mapping holding the key. */
  | { kind: 'proto-key'; path: PathSegment[] };

interface Frame {
  value: object;
  /** The key or index this value is at in its parent. */
  seg: PathSegment;
  /** Own keys of a mapping; undefined for a list (its indexes). */
  keys: string[] | undefined;
  length: number;
  next: number;
  size: number;
  /** Levels below this value, counting plain values as one. */
  height: number;
}

const frame = (value: object, seg: PathSegment): Frame => {
  const keys = Array.isArray(value) ? undefined : Object.keys(value);
  return {
    value,
    seg,
    keys,
    length: keys ? keys.length : (value as unknown[]).length,
    next: 0,
    size: 1,
    height: 0,
  };
};

/** The path of the value the top frame holds (the root's segment is left out). */
const pathOf = (stack: Frame[]): PathSegment[] => stack.slice(1).map((f) => f.seg);

/**
 * Walks the data without recursion, each shared (aliased) subtree once. The text's own nesting is
 * bounded while parsing; aliases nesting into aliases can still build depth, checked here with
 * the same count: every value, plain ones too, is a level. Paths are spelled out only for a problem.
 */
export function shapeProblem(root: unknown): ShapeProblem | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  const memo = new Map<object, { size: number; height: number }>();
  const open = new Set<object>([root]);
  const stack: Frame[] = [frame(root, '')];
  for (let f = stack[0]; f !== undefined; f = stack[stack.length - 1]) {
    if (f.next >= f.length) {
      stack.pop();
      open.delete(f.value);
      const shape = { size: f.size, height: f.height + 1 };
      memo.set(f.value, shape);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.size += shape.size;
        parent.height = Math.max(parent.height, shape.height);
      }
      if ((parent ?? f).size > MAX_EXPANDED_VALUES) return { kind: 'too-big' };
      continue;
    }
    const seg: PathSegment = f.keys ? (f.keys[f.next] as string) : f.next;
    f.next++;
    const child: unknown = (f.value as Record<PathSegment, unknown>)[seg];
    // js-yaml keeps `__proto__` as an own key, but copying such an object (as validation does)
    // turns it into the prototype: the key would be lost and the object changed.
    if (seg === '__proto__') return { kind: 'proto-key', path: pathOf(stack) };
    const known = child === null || typeof child !== 'object' ? LEAF : memo.get(child);
    if (known === undefined) {
      // A cycle cannot come from YAML aliases, but would be infinitely big.
      if (open.has(child as object)) return { kind: 'too-big' };
      if (stack.length + 1 > MAX_NESTING)
        return { kind: 'too-deep', path: [...pathOf(stack), seg] };
      open.add(child as object);
      stack.push(frame(child as object, seg));
      continue;
    }
    if (stack.length + known.height > MAX_NESTING)
      return { kind: 'too-deep', path: [...pathOf(stack), seg] };
    f.size += known.size;
    f.height = Math.max(f.height, known.height);
    if (f.size > MAX_EXPANDED_VALUES) return { kind: 'too-big' };
  }
  return undefined;
}

const LEAF = { size: 1, height: 1 };
