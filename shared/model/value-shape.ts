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
  path: PathSegment[];
  entries: [PathSegment, unknown][];
  next: number;
  size: number;
  depth: number;
}

const frame = (value: object, path: PathSegment[]): Frame => ({
  value,
  path,
  entries: Array.isArray(value)
    ? value.map((v, i): [PathSegment, unknown] => [i, v])
    : Object.entries(value),
  next: 0,
  size: 1,
  depth: 0,
});

/**
 * Walks the data without recursion, each shared (aliased) subtree once. The text's own nesting is
 * bounded while parsing; aliases nesting into aliases can still build depth, checked here.
 */
export function shapeProblem(root: unknown): ShapeProblem | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  const memo = new Map<object, { size: number; depth: number }>();
  const open = new Set<object>([root]);
  const stack: Frame[] = [frame(root, [])];
  for (let f = stack[0]; f !== undefined; f = stack[stack.length - 1]) {
    const entry = f.entries[f.next];
    if (entry !== undefined) {
      f.next++;
      const [seg, child] = entry;
      // js-yaml keeps `__proto__` as an own key, but copying such an object (as validation does)
      // turns it into the prototype: the key would be lost and the object changed.
      if (seg === '__proto__') return { kind: 'proto-key', path: f.path };
      if (child === null || typeof child !== 'object') {
        f.size++;
        continue;
      }
      const path = [...f.path, seg];
      // A cycle cannot come from YAML aliases, but would be infinitely big.
      if (open.has(child)) return { kind: 'too-big' };
      const known = memo.get(child);
      if (known === undefined) {
        if (stack.length >= MAX_NESTING) return { kind: 'too-deep', path };
        open.add(child);
        stack.push(frame(child, path));
        continue;
      }
      if (stack.length + known.depth > MAX_NESTING) return { kind: 'too-deep', path };
      f.size += known.size;
      f.depth = Math.max(f.depth, known.depth);
    } else {
      stack.pop();
      open.delete(f.value);
      const shape = { size: f.size, depth: f.depth + 1 };
      memo.set(f.value, shape);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.size += shape.size;
        parent.depth = Math.max(parent.depth, shape.depth);
      }
      if ((parent ?? f).size > MAX_EXPANDED_VALUES) return { kind: 'too-big' };
      continue;
    }
    if (f.size > MAX_EXPANDED_VALUES) return { kind: 'too-big' };
  }
  return undefined;
}
