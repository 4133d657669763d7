import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportRefused, describeFsError } from './export-target.ts';
import { writeExport } from './export-writer.ts';
import { junk, manifestMismatches } from './export-test-support.ts';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-target-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const tree = { 'README.md': '# r\n', 'grafana/dashboards/a.json': '{}\n' };

async function refusal(p: Promise<unknown>): Promise<ExportRefused> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExportRefused);
  // One line, no stack: it is printed as it is.
  expect((e as Error).message).not.toContain('\n');
  return e as ExportRefused;
}

describe('where an export lands', () => {
  it('writes into the folder a symbolic link points to and leaves the link as it is', async () => {
    const real = path.join(base, 'real');
    await mkdir(real);
    const link = path.join(base, 'link');
    await symlink(real, link);
    const r = await writeExport(link, tree);
    expect(r.outDir).toBe(real);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(path.join(real, 'README.md'), 'utf8')).toBe('# r\n');
    await writeExport(link, { ...tree, 'README.md': '# again\n' });
    expect(await readlink(link)).toBe(real);
    expect(await manifestMismatches(real)).toEqual([]);
    expect((await readdir(base)).sort()).toEqual(['link', 'real']);
  });

  it('never mixes two exports reaching one folder by two paths at once', async () => {
    const real = path.join(base, 'real');
    await mkdir(real);
    const link = path.join(base, 'link');
    await symlink(real, link);
    const many = (v: string) =>
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f/${i}.yml`, `${v} ${i}\n`]));
    const runs = await Promise.allSettled([
      writeExport(real, many('a')),
      writeExport(link, many('b')),
      writeExport(real, many('c')),
    ]);
    for (const r of runs)
      if (r.status === 'rejected') expect(String(r.reason)).toMatch(/another export .* is running/);
    expect(runs.some((r) => r.status === 'fulfilled')).toBe(true);
    await writeExport(link, many('d'));
    expect(await manifestMismatches(real)).toEqual([]);
    expect(await junk(real)).toEqual([]);
  });

  it('refuses a dangling link, a file, a path under a file and a NUL, saying why', async () => {
    const dangling = path.join(base, 'dangling');
    await symlink(path.join(base, 'nowhere'), dangling);
    expect((await refusal(writeExport(dangling, tree))).message).toMatch(
      /symbolic link to a folder that does not exist/,
    );
    expect(await readlink(dangling)).toBe(path.join(base, 'nowhere'));
    const file = path.join(base, 'file');
    await writeFile(file, 'x');
    expect((await refusal(writeExport(file, tree, { force: true }))).message).toMatch(
      /exists and is not a folder/,
    );
    expect((await refusal(writeExport(path.join(file, 'a', 'out'), tree))).message).toBe(
      `cannot create ${path.join(file, 'a', 'out')}: ${file} is a file, not a folder`,
    );
    expect((await refusal(writeExport(`${base}/a\0b`, tree))).message).toMatch(/not a usable/);
    const linkToFile = path.join(base, 'to-file');
    await symlink(file, linkToFile);
    expect((await refusal(writeExport(linkToFile, tree))).message).toMatch(/not a folder/);
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('refuses to write through a link or a file where a generated folder goes', async () => {
    const out = path.join(base, 'out');
    const elsewhere = path.join(base, 'elsewhere');
    await mkdir(out);
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(out, 'grafana'));
    expect((await refusal(writeExport(out, tree, { force: true }))).message).toMatch(
      /grafana is a symbolic link.*move it away/,
    );
    expect(await readdir(elsewhere)).toEqual([]);
    expect((await readdir(out)).sort()).toEqual(['grafana']);
  });

  it('turns file-system failures into one-line reasons and lets other errors through', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/out'"), {
      code: 'EACCES',
      path: '/srv/out',
    });
    const mapped = describeFsError(denied, 'create the folder');
    expect(mapped).toBeInstanceOf(ExportRefused);
    expect((mapped as Error).message).toBe(
      'cannot create the folder /srv/out: permission denied (EACCES)',
    );
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    expect((describeFsError(full, 'write the export') as Error).message).toBe(
      'cannot write the export: no space left on the device (ENOSPC)',
    );
    const bug = new TypeError('x is undefined');
    expect(describeFsError(bug, 'write')).toBe(bug);
  });
});
