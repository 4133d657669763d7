import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileTree } from '../../shared/generate/types.ts';

/** Resolves a generated relative path inside `root`, refusing anything that would escape it. */
export function confinedPath(root: string, relative: string): string {
  if (relative === '' || path.isAbsolute(relative) || relative.includes('\0')) {
    throw new Error(`refusing to write "${relative}": generated paths must be relative`);
  }
  const resolved = path.resolve(root, relative);
  const rel = path.relative(path.resolve(root), resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`refusing to write "${relative}": it points outside ${root}`);
  }
  return resolved;
}

/** Node's file thread pool has 4 threads: other calls' file operations queue behind few writes. */
const WRITES_AT_ONCE = 4;

/** Runs `work` on every item, at most `limit` at a time, in order of start. */
export async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Writes every file of a tree below `root` (which must exist). */
export async function writeFileTree(root: string, files: FileTree): Promise<void> {
  const dirs = new Set<string>();
  const targets = Object.keys(files).map((rel) => {
    const abs = confinedPath(root, rel);
    dirs.add(path.dirname(abs));
    return [abs, files[rel] ?? ''] as const;
  });
  // Only the deepest folders are made (each makes its parents); a folder whose child is made
  // anyway needs no call of its own.
  const parents = new Set([...dirs].map((d) => path.dirname(d)));
  const leaves = [...dirs].filter((d) => !parents.has(d)).sort();
  await eachAtMost(leaves, WRITES_AT_ONCE, (d) => mkdir(d, { recursive: true }));
  // A few writes at a time: thousands at once hold the event loop in one long burst and open as
  // many files as the tree has.
  await eachAtMost(targets, WRITES_AT_ONCE, ([abs, text]) => writeFile(abs, text, { mode: 0o644 }));
}
