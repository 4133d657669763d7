import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderManifest, sha256 } from './export-manifest.ts';
import { createStaging, recoverInterrupted, sealStaging } from './export-staging.ts';
import { filesBelow, junk, manifestMismatches, readManifest } from './export-test-support.ts';
import { writeExport } from './export-writer.ts';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-recovery-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const a = { 'README.md': '# a\n', 'prometheus/p/prometheus.yml': 'a: 1\n', 'old.txt': 'old\n' };
const b = {
  'README.md': '# b\n',
  'prometheus/p/prometheus.yml': 'b: 1\n',
  'new/file.txt': 'new\n',
};
const read = (dir: string, rel: string) => readFile(path.join(dir, rel), 'utf8');

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid;
}

/** A staging folder of another process, as a kill leaves it: sealed or not. */
async function leftover(out: string, sealed: boolean): Promise<string> {
  const s = await createStaging(out);
  for (const [rel, text] of Object.entries(b)) {
    await mkdir(path.dirname(path.join(s.files, rel)), { recursive: true });
    await writeFile(path.join(s.files, rel), text);
  }
  if (sealed) {
    const listed = new Map(Object.entries(b).map(([p, t]) => [p, sha256(t)]));
    await sealStaging(
      s,
      { remove: [{ path: 'old.txt', sha256: sha256('old\n') }] },
      renderManifest(listed),
    );
  }
  const dir = path.join(out, `.fedstudio-tmp-${deadPid()}-0123456789ab`);
  await rename(s.dir, dir);
  return dir;
}

describe('an interrupted export', () => {
  it('that was still staging is discarded: the previous export stays as it was', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, a);
    await writeFile(path.join(out, 'mine.txt'), 'mine');
    await leftover(out, false);
    await recoverInterrupted(out);
    expect(await filesBelow(out)).toEqual([
      '.fedstudio-export',
      'README.md',
      'mine.txt',
      'old.txt',
      'prometheus/p/prometheus.yml',
    ]);
    expect(await read(out, 'README.md')).toBe('# a\n');
    expect(await manifestMismatches(out)).toEqual([]);
  });

  it('that was sealed is finished, also when half of its files were already moved', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, a);
    await writeFile(path.join(out, 'prometheus/p/mine.yml'), 'mine');
    const dir = await leftover(out, true);
    // The kill came after the first file was moved in.
    await rename(path.join(dir, 'files', 'README.md'), path.join(out, 'README.md'));
    const r = await writeExport(out, b);
    expect(r).toMatchObject({ replaced: [], removed: [], kept: ['prometheus/p/mine.yml'] });
    expect(await read(out, 'new/file.txt')).toBe('new\n');
    expect(await read(out, 'prometheus/p/prometheus.yml')).toBe('b: 1\n');
    expect(await filesBelow(out)).not.toContain('old.txt');
    expect((await readManifest(out)).files.map((f) => f.path)).toEqual(Object.keys(b).sort());
    expect(await manifestMismatches(out)).toEqual([]);
    expect(await junk(out)).toEqual([]);
  });

  it('into a new folder leaves a folder the next plain export fills without --force', async () => {
    const out = path.join(base, 'out');
    await mkdir(out);
    await leftover(out, false);
    await writeExport(out, a);
    expect(await junk(out)).toEqual([]);
    expect(await manifestMismatches(out)).toEqual([]);
  });

  it('of a process still running is not touched: the export is refused', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, a);
    const running = path.join(out, `.fedstudio-tmp-${process.ppid}-0123456789ab`);
    await mkdir(running);
    await expect(writeExport(out, b)).rejects.toThrow(/another export .* is running/);
    expect(await readdir(out)).toContain(path.basename(running));
  });

  it('of an earlier version: its temporary folder is deleted, its old folder reported, never deleted', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, a);
    await mkdir(path.join(base, '.out.fedstudio-tmp-0123456789ab'));
    await mkdir(path.join(base, '.out.fedstudio-old-0123456789ab'));
    await writeFile(path.join(base, '.out.fedstudio-old-0123456789ab', 'rules.yml'), 'mine?');
    const r = await writeExport(out, b);
    expect(r.notes).toEqual([expect.stringContaining('.out.fedstudio-old-0123456789ab')]);
    expect((await readdir(base)).sort()).toEqual(['.out.fedstudio-old-0123456789ab', 'out']);
    // With the export folder moved away, the files are split: refuse rather than guess.
    await rename(out, path.join(base, '.out.fedstudio-tmp-ba9876543210'));
    await expect(writeExport(out, b)).rejects.toThrow(/moved .*out away.*move them back/);
    expect((await readdir(base)).sort()).toEqual([
      '.out.fedstudio-old-0123456789ab',
      '.out.fedstudio-tmp-ba9876543210',
    ]);
  });
});
