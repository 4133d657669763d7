// The export invariant, over random sequences of exports (plain or --force, with designs that add
// and drop files) and of the user writing and deleting files, generated names included: an export
// never removes or changes a file it did not write, except a file at a generated path with --force,
// which it reports; a refused export changes nothing; after an export the manifest matches.
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_MARKER } from './export-manifest.ts';
import { filesBelow, junk, manifestMismatches } from './export-test-support.ts';
import { ExportRefused, writeExport } from './export-writer.ts';

const GENERATED = [
  'README.md',
  '.env',
  'compose.yml',
  'rules/a.yml',
  'rules/b.yml',
  'grafana/d.json',
];
const USER_ONLY = [
  '.bashrc',
  'notes.md',
  'rules/mine.yml',
  'grafana/extra/x.json',
  'secrets/TOKEN',
];
const PATHS = [...GENERATED, ...USER_ONLY];

type Step =
  | { kind: 'export'; files: string[]; variant: number; force: boolean }
  | { kind: 'write'; path: string; variant: number }
  | { kind: 'delete'; path: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('export' as const),
    files: fc.subarray(GENERATED, { minLength: 1 }),
    variant: fc.nat(2),
    force: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('write' as const),
    path: fc.constantFrom(...PATHS),
    variant: fc.nat(2),
  }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
);

let base: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-prop-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await filesBelow(dir)).filter((f) => f !== EXPORT_MARKER);
  return new Map(
    await Promise.all(
      files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const),
    ),
  );
}

let run = 0;
async function check(steps: Step[]) {
  const dir = path.join(base, `run-${run++}`);
  await mkdir(dir);
  /** Who wrote each file last. */
  const owner = new Map<string, 'user' | 'export'>();
  let ours = false;
  for (const s of steps) {
    if (s.kind === 'write') {
      await mkdir(path.dirname(path.join(dir, s.path)), { recursive: true });
      await writeFile(path.join(dir, s.path), `user ${s.variant} ${s.path}\n`);
      owner.set(s.path, 'user');
      continue;
    }
    if (s.kind === 'delete') {
      await unlink(path.join(dir, s.path)).catch(() => {});
      owner.delete(s.path);
      continue;
    }
    const tree = Object.fromEntries(s.files.map((f) => [f, `generated ${s.variant} ${f}\n`]));
    const before = await snapshot(dir);
    const conflict = s.files.some((f) => owner.get(f) === 'user' && f !== '.env');
    const foreign = !ours && before.size > 0;
    const outcome = await writeExport(dir, tree, { force: s.force }).catch((e: unknown) =>
      e instanceof Error ? e : new Error(String(e)),
    );
    const after = await snapshot(dir);
    if (outcome instanceof Error) {
      expect(outcome).toBeInstanceOf(ExportRefused);
      expect(!s.force && (foreign || conflict), outcome.message).toBe(true);
      expect(after).toEqual(before);
      continue;
    }
    ours = true;
    for (const [f, who] of owner) {
      const generated = f in tree;
      if (who === 'user') {
        if (s.force && generated && f !== '.env') {
          expect(after.get(f)).toBe(tree[f]);
          expect(outcome.replaced).toContain(f);
        } else expect(after.get(f), f).toBe(before.get(f));
      } else if (!generated) {
        expect(after.has(f), `${f} is no longer generated`).toBe(false);
        expect(outcome.removed).toContain(f);
        owner.delete(f);
      }
    }
    for (const [f, text] of Object.entries(tree)) {
      if (owner.get(f) === 'user' && f === '.env') continue;
      expect(after.get(f), f).toBe(text);
      owner.set(f, 'export');
    }
    expect(await manifestMismatches(dir)).toEqual([]);
    expect(await junk(dir)).toEqual([]);
  }
}

describe('export invariant', () => {
  it('holds over random sequences of exports and user edits', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), check), {
      numRuns: 60,
    });
  }, 60_000);
});
