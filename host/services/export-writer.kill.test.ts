// An export killed (SIGKILL) at any point leaves the previous export whole, each file old or new,
// the user's files untouched; the next export completes or discards the interrupted one.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigFederation } from '../../bench/designs.ts';
import { generateExport } from '../../shared/generate/index.ts';
import type { FileTree } from '../../shared/generate/types.ts';
import { sha256 } from './export-manifest.ts';
import { filesBelow, junk, manifestMismatches, readManifest } from './export-test-support.ts';
import { writeExport } from './export-writer.ts';

const CHILD = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  'export-writer.kill-child.ts',
);

let base: string;
let child: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-kill-'));
  // Bundled once, so each child starts in milliseconds and the kills land in its write.
  child = path.join(base, 'child.mjs');
  await build({
    entryPoints: [CHILD],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Runs the child export; kills it `killAfter` ms after it starts writing (never, when null). */
function exportInChild(treeFile: string, out: string, killAfter: number | null) {
  return new Promise<{ killed: boolean; writingMs: number }>((resolve, reject) => {
    const proc = spawn(process.execPath, [child, treeFile, out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let started = 0;
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      if (started === 0 && d.toString().includes('writing')) {
        started = performance.now();
        if (killAfter !== null) setTimeout(() => proc.kill('SIGKILL'), killAfter);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, writingMs: 0 });
      else if (code === 0) resolve({ killed: false, writingMs: performance.now() - started });
      else reject(new Error(`child export failed (${code}): ${stderr}`));
    });
  });
}

const USER_FILES: FileTree = {
  'design.topology.yaml': 'my design\n',
  '.bashrc': 'alias ll="ls -l"\n',
  'notes/todo.md': '- check the export\n',
};

describe('an export killed half way', () => {
  it('leaves the previous export intact and no junk after the next export', async () => {
    const a = generateExport(bigFederation(8, 10, 3)).files;
    const design = bigFederation(7, 10, 3);
    const b = generateExport({ ...design, metadata: { name: 'renamed' } }).files;
    const inPrometheus = Object.keys(a).find((p) => p.startsWith('prometheus/'))!;
    const userFiles = {
      ...USER_FILES,
      [path.posix.join(path.posix.dirname(inPrometheus), 'mine.yml')]: 'x: 1\n',
    };
    const out = path.join(base, 'out');
    await mkdir(out);
    for (const [rel, text] of Object.entries(userFiles)) {
      await mkdir(path.dirname(path.join(out, rel)), { recursive: true });
      await writeFile(path.join(out, rel), text);
    }
    await writeExport(out, a, { force: true });
    const treeFile = path.join(base, 'b.json');
    await writeFile(treeFile, JSON.stringify(b));

    // One export of b, to time its write, then back to a.
    const { writingMs } = await exportInChild(treeFile, out, null);
    await writeExport(out, a);

    // Kill points search for the moment files are being swapped (between the last "old" and the
    // first "new" state): that window is short and its timing varies with the machine's load.
    const outcomes: string[] = [];
    let [early, late] = [0, writingMs * 1.5];
    for (let i = 0; i < 10; i++) {
      const delay = i === 0 ? 0 : (early + late) / 2;
      const { killed } = await exportInChild(treeFile, out, delay);
      const state = await checkState(out, a, b, userFiles);
      outcomes.push(killed ? state : 'finished');
      if (killed && state !== 'new') early = delay;
      else late = delay;
      // The next export completes or discards the interrupted one, then writes a again.
      await writeExport(out, a);
      expect(await junk(out)).toEqual([]);
      expect(await manifestMismatches(out)).toEqual([]);
      expect((await readManifest(out)).files.map((f) => f.path)).toEqual(Object.keys(a).sort());
      for (const [rel, text] of Object.entries(userFiles))
        expect(await readFile(path.join(out, rel), 'utf8')).toBe(text);
    }
    expect(outcomes.filter((o) => o !== 'finished').length, outcomes.join(', ')).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * The folder after a kill: user files as they were; every generated file old, new or (only when
 * one side lacks it) absent; the manifest the old one, or the new one with every file new.
 */
async function checkState(out: string, a: FileTree, b: FileTree, user: FileTree): Promise<string> {
  for (const [rel, text] of Object.entries(user))
    expect(await readFile(path.join(out, rel), 'utf8')).toBe(text);
  const manifest = await readManifest(out);
  const listed = manifest.files.map((f) => f.path);
  const isNew = listed.join() === Object.keys(b).sort().join();
  if (!isNew) expect(listed).toEqual(Object.keys(a).sort());
  let mixed = 0;
  for (const rel of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const text = await readFile(path.join(out, rel), 'utf8').catch(() => undefined);
    const allowed = [a[rel], b[rel]];
    if (!(rel in a) || !(rel in b)) allowed.push(undefined);
    expect(allowed, rel).toContain(text);
    if (text !== a[rel]) mixed++;
  }
  const side = isNew ? b : a;
  expect(manifest.files.filter((f) => f.sha256 !== sha256(side[f.path] ?? ''))).toEqual([]);
  if (isNew) expect(await manifestMismatches(out)).toEqual([]);
  const known = new Set([...Object.keys(a), ...Object.keys(b), ...Object.keys(user)]);
  const strays = (await filesBelow(out)).filter(
    (f) => !known.has(f) && !f.startsWith('.fedstudio-'),
  );
  expect(strays).toEqual([]);
  return isNew ? 'new' : mixed > 0 ? 'mixed' : 'old';
}
