import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER, ExportRefused, writeExport } from './export-writer.ts';
import { confinedPath } from './file-tree.ts';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-writer-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const tree = {
  'README.md': '# r\n',
  'prometheus/a/prometheus.yml': 'global: {}\n',
  '.env': 'COMPOSE_PROJECT_NAME=x\n',
};

describe('writeExport', () => {
  it('creates the folder with every file and a marker', async () => {
    const out = path.join(base, 'deep', 'out');
    const r = await writeExport(out, tree);
    expect(r.created).toBe(true);
    expect(await readFile(path.join(out, 'prometheus/a/prometheus.yml'), 'utf8')).toBe(
      'global: {}\n',
    );
    expect((await readdir(out)).sort()).toEqual(['.env', EXPORT_MARKER, 'README.md', 'prometheus']);
    expect((await readdir(path.dirname(out))).filter((n) => n.includes('fedstudio-'))).toEqual([]);
  });

  it('refuses a non-empty folder it did not make, unless forced, and then keeps foreign files', async () => {
    const out = path.join(base, 'repo');
    await mkdir(out);
    await writeFile(path.join(out, 'mine.txt'), 'keep me');
    await writeFile(path.join(out, 'README.md'), 'old readme');
    await expect(writeExport(out, tree)).rejects.toBeInstanceOf(ExportRefused);
    expect(await readFile(path.join(out, 'README.md'), 'utf8')).toBe('old readme');
    const r = await writeExport(out, tree, { force: true });
    expect(r.kept).toEqual(['mine.txt']);
    expect(await readFile(path.join(out, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(await readFile(path.join(out, 'README.md'), 'utf8')).toBe('# r\n');
  });

  it('re-exports into its own folder: stale files go, .env and secrets/ stay', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, tree);
    await writeFile(path.join(out, '.env'), 'COMPOSE_PROJECT_NAME=x\nSECRET=filled-in\n');
    await mkdir(path.join(out, 'secrets'));
    await writeFile(path.join(out, 'secrets', 'TOKEN'), 's3cret');
    const next = {
      'README.md': '# r2\n',
      'prometheus/b/prometheus.yml': 'global: {}\n',
      '.env': 'COMPOSE_PROJECT_NAME=x\n',
    };
    const r = await writeExport(out, next);
    expect(r.kept.sort()).toEqual(['.env', 'secrets']);
    expect(await readdir(path.join(out, 'prometheus'))).toEqual(['b']);
    expect(await readFile(path.join(out, '.env'), 'utf8')).toContain('SECRET=filled-in');
    expect(await readFile(path.join(out, 'secrets', 'TOKEN'), 'utf8')).toBe('s3cret');
  });

  it('leaves the old export untouched and no temporary folder when writing fails half way', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, tree);
    const failing = async (root: string) => {
      await writeFile(path.join(root, 'README.md'), 'half');
      throw new Error('disk full');
    };
    await expect(writeExport(out, { 'README.md': 'new' }, { writeTree: failing })).rejects.toThrow(
      'disk full',
    );
    expect(await readFile(path.join(out, 'README.md'), 'utf8')).toBe('# r\n');
    expect((await readdir(base)).sort()).toEqual(['out']);
  });

  it('refuses generated paths that would escape the folder', async () => {
    const out = path.join(base, 'out');
    await expect(writeExport(out, { '../evil': 'x' })).rejects.toThrow(/outside/);
    await expect(writeExport(out, { '/etc/passwd': 'x' })).rejects.toThrow(/relative/);
    expect(await readdir(base)).toEqual([]);
    expect(() => confinedPath(out, 'a/../../b')).toThrow(/outside/);
    expect(confinedPath(out, 'a/b')).toBe(path.join(out, 'a', 'b'));
  });

  it('refuses a file where the folder should be', async () => {
    const out = path.join(base, 'file');
    await writeFile(out, 'x');
    await expect(writeExport(out, tree, { force: true })).rejects.toThrow(/not a folder/);
  });
});
