// A generated file tree crosses from the design worker as one transferred buffer, not thousands of
// strings: handing over is then free, and the host decodes the files a slice at a time, letting
// its other calls in between.
import type { FileTree } from '../../shared/generate/types.ts';

export interface PackedTree {
  paths: string[];
  /** Where each file's UTF-8 bytes end in `bytes`. */
  ends: number[];
  bytes: Uint8Array;
}

export function packTree(files: FileTree): PackedTree {
  const encoder = new TextEncoder();
  const paths = Object.keys(files);
  const parts = paths.map((p) => encoder.encode(files[p] ?? ''));
  const bytes = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  const ends: number[] = [];
  let at = 0;
  for (const b of parts) {
    bytes.set(b, at);
    at += b.length;
    ends.push(at);
  }
  return { paths, ends, bytes };
}

/** Decoded bytes between two turns of the event loop. */
const SLICE_BYTES = 256 * 1024;

export async function unpackTree(packed: PackedTree): Promise<FileTree> {
  const decoder = new TextDecoder();
  const files: FileTree = {};
  let start = 0;
  let sinceYield = 0;
  for (const [i, p] of packed.paths.entries()) {
    const end = packed.ends[i] ?? start;
    files[p] = decoder.decode(packed.bytes.subarray(start, end));
    sinceYield += end - start;
    start = end;
    if (sinceYield >= SLICE_BYTES) {
      sinceYield = 0;
      await new Promise((r) => setImmediate(r));
    }
  }
  return files;
}
