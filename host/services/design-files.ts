// Design files on disk: read and parse with file:line:column errors, write atomically.
import { readFile } from 'node:fs/promises';
import { formatModelError, parseTopology, type ModelError } from '../../shared/model/parse.ts';
import type { Topology } from '../../shared/model/schema.ts';
import { decodeDesignBytes } from '../../shared/model/yaml-text.ts';
import { writeFileAtomic } from './atomic-write.ts';

export class DesignError extends Error {
  constructor(
    readonly file: string,
    readonly errors: ModelError[],
  ) {
    super(errors.map((e) => formatModelError(e, file)).join('\n'));
  }
}

export interface LoadedDesign {
  file: string;
  text: string;
  topology: Topology;
}

/** Reads and parses a design; throws DesignError naming file, line, column and field. */
export async function loadDesign(file: string): Promise<LoadedDesign> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'is a folder, not a design file'
          : err.message;
    throw new DesignError(file, [{ path: '(document)', line: 0, column: 0, message: why }]);
  }
  const decoded = decodeDesignBytes(bytes);
  if (!decoded.ok) throw new DesignError(file, decoded.errors);
  const text = decoded.text;
  const result = parseTopology(text);
  if (!result.ok) throw new DesignError(file, result.errors);
  return { file, text, topology: result.topology };
}

export async function saveDesignText(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text);
}
