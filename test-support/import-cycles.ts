// Import cycles, between files and between feature folders. A folder-level cycle (renderer's app
// using files while files uses app) is what lets file-level cycles creep back in, so both count.
import type { ImportEdge, ImportGraph } from './import-graph.ts';

interface ImportCycle {
  /** The members, in the order of one walk around the cycle; the first repeats at the end. */
  path: string[];
  /** Every edge on the walk is an `import type`. */
  typeOnly: boolean;
  /** Everything tied into the cycle: other walks may join more members than `path`. */
  members: string[];
}

/** Strongly connected components of more than one member (or one importing itself). */
function components(nodes: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const lowOf = (n: string) => low.get(n) ?? Infinity;
  const enter = (n: string) => {
    index.set(n, index.size);
    low.set(n, index.size - 1);
    stack.push(n);
    onStack.add(n);
  };
  // Iterative Tarjan: a long import chain would otherwise strain the call stack.
  for (const start of nodes) {
    if (index.has(start)) continue;
    enter(start);
    const work: { node: string; targets: string[]; child: number }[] = [
      { node: start, targets: next.get(start) ?? [], child: 0 },
    ];
    for (let frame = work.at(-1); frame; frame = work.at(-1)) {
      const to = frame.targets[frame.child++];
      if (to !== undefined) {
        if (!index.has(to)) {
          enter(to);
          work.push({ node: to, targets: next.get(to) ?? [], child: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(lowOf(frame.node), index.get(to) ?? Infinity));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(lowOf(parent.node), lowOf(frame.node)));
      if (lowOf(frame.node) !== index.get(frame.node)) continue;
      const members: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        members.push(member);
        if (member === frame.node) break;
      }
      const selfLoop = edges.some((e) => e.from === frame.node && e.to === frame.node);
      if (members.length > 1 || selfLoop) out.push(members.sort());
    }
  }
  return out;
}

/** One shortest walk from the component's first member back to itself, for the message. */
function walk(members: readonly string[], edges: readonly ImportEdge[]): ImportCycle {
  const inside = new Set(members);
  const start = members[0] ?? '';
  const cameFrom = new Map<string, ImportEdge>();
  const queue = [start];
  let closing: ImportEdge | undefined;
  for (let node = queue.shift(); node !== undefined && !closing; node = queue.shift()) {
    for (const e of edges) {
      if (e.from !== node || !inside.has(e.to)) continue;
      if (e.to === start) {
        closing = e;
        break;
      }
      if (cameFrom.has(e.to)) continue;
      cameFrom.set(e.to, e);
      queue.push(e.to);
    }
  }
  const steps: ImportEdge[] = [];
  for (let e = closing; e; e = e.from === start ? undefined : cameFrom.get(e.from))
    steps.unshift(e);
  return {
    path: [start, ...steps.map((s) => s.to)],
    typeOnly: steps.every((s) => s.typeOnly),
    members: [...members],
  };
}

export function findCycles(nodes: readonly string[], edges: readonly ImportEdge[]): ImportCycle[] {
  return components(nodes, edges).map((members) => walk(members, edges));
}

/**
 * The folder a file belongs to as a unit of design: `shared/model`, `renderer/src/lab`,
 * `host/services`; a file straight in one of those roots (shared/host-api.ts) is its own unit.
 */
export function featureFolder(file: string): string {
  const parts = file.split('/');
  const depth = parts[0] === 'renderer' && parts[1] === 'src' ? 3 : 2;
  return parts.length > depth ? parts.slice(0, depth).join('/') : file;
}

const TEST_FILE = /\.(test|spec)\.tsx?$/;

/**
 * Folders and the imports between them. Tests stay out: a test of shared/generate may drive the
 * host services on purpose, and it is no module anything else builds on.
 */
export function folderGraph(graph: ImportGraph): { nodes: string[]; edges: ImportEdge[] } {
  const nodes = [...new Set(graph.files.map(featureFolder))].sort();
  const byPair = new Map<string, ImportEdge>();
  for (const e of graph.edges) {
    if (TEST_FILE.test(e.from)) continue;
    const from = featureFolder(e.from);
    const to = featureFolder(e.to);
    if (from === to) continue;
    const key = `${from}\n${to}`;
    const known = byPair.get(key);
    byPair.set(key, { from, to, typeOnly: (known?.typeOnly ?? true) && e.typeOnly });
  }
  return { nodes, edges: [...byPair.values()] };
}

export function formatCycles(title: string, cycles: readonly ImportCycle[]): string {
  return cycles
    .map((c) => {
      const more = c.members.length > c.path.length - 1 ? ` (tied: ${c.members.join(', ')})` : '';
      return `${title}${c.typeOnly ? ' (types only)' : ''}: ${c.path.join(' > ')}${more}`;
    })
    .join('\n');
}
