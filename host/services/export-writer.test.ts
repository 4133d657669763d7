import {
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER, ExportRefused, writeExport } from './export-writer.ts';
import { MANIFEST_TYPE, sha256 } from './export-manifest.ts';
import { filesBelow, junk, manifestMismatches, readManifest } from './export-test-support.ts';
import { confinedPath } from '../disk/file-tree.ts';

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
  'prometheus/a/rules/alerts.yml': 'groups: []\n',
  '.env': 'COMPOSE_PROJECT_NAME=x\n',
};
const read = (dir: string, rel: string) => readFile(path.join(dir, rel), 'utf8');

/** A folder holding a person's files, the way a home folder or a repo does. */
async function foreignFolder(name: string): Promise<string> {
  const out = path.join(base, name);
  await mkdir(path.join(out, '.ssh'), { recursive: true });
  await writeFile(path.join(out, '.bashrc'), 'alias ll="ls -l"\n');
  await writeFile(path.join(out, '.ssh', 'id_ed25519'), 'PRIVATE\n');
  await writeFile(path.join(out, 'design.topology.yaml'), 'my design\n');
  await writeFile(path.join(out, 'notes.md'), 'notes\n');
  return out;
}
const USER_FILES = ['.bashrc', '.ssh/id_ed25519', 'design.topology.yaml', 'notes.md'];

describe('writeExport', () => {
  it('creates the folder with every file and a manifest of them', async () => {
    const out = path.join(base, 'deep', 'out');
    const r = await writeExport(out, tree, { design: { shardModulus: { dc: 4 } } });
    expect(r).toMatchObject({ created: true, kept: [], replaced: [], removed: [], written: 4 });
    expect(await read(out, 'prometheus/a/prometheus.yml')).toBe('global: {}\n');
    expect(await filesBelow(out)).toEqual([EXPORT_MARKER, ...Object.keys(tree)].sort());
    const m = await readManifest(out);
    expect(m).toMatchObject({
      type: MANIFEST_TYPE,
      version: 1,
      design: { shardModulus: { dc: 4 } },
    });
    expect(m.generator.name).toBe('fedstudio');
    expect(Date.parse(m.exportedAt)).not.toBeNaN();
    expect(m.files).toContainEqual({ path: 'README.md', sha256: sha256('# r\n') });
    expect(await manifestMismatches(out)).toEqual([]);
    expect(await junk(path.dirname(out))).toEqual([]);
  });

  it('--force into a foreign folder writes beside its files, and a plain re-export touches only its own', async () => {
    const out = await foreignFolder('home');
    await expect(writeExport(out, tree)).rejects.toThrow(/not empty.*--force/);
    const r = await writeExport(out, tree, { force: true });
    expect(r.kept).toEqual(['.bashrc', '.ssh', 'design.topology.yaml', 'notes.md']);
    expect((await readManifest(out)).files.map((f) => f.path)).toEqual(Object.keys(tree).sort());
    // The design drops a file, a server and changes another: only generated files move.
    const next = { 'README.md': '# r2\n', 'prometheus/b/prometheus.yml': 'global: {}\n' };
    const again = await writeExport(out, next);
    expect(again.removed.sort()).toEqual(
      ['.env', 'prometheus/a/prometheus.yml', 'prometheus/a/rules/alerts.yml'].sort(),
    );
    for (const f of USER_FILES) expect(await filesBelow(out)).toContain(f);
    expect(await read(out, '.ssh/id_ed25519')).toBe('PRIVATE\n');
    expect(await readdir(path.join(out, 'prometheus'))).toEqual(['b']);
    expect(await manifestMismatches(out)).toEqual([]);
  });

  it('keeps what the user added inside generated folders, even when the design drops the folder', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, tree);
    await writeFile(path.join(out, 'prometheus/a/rules/mine.yml'), 'groups: [mine]\n');
    const r = await writeExport(out, { 'README.md': '# r\n', 'grafana/x.json': '{}' });
    expect(r.kept).toContain('prometheus');
    expect(await filesBelow(path.join(out, 'prometheus'))).toEqual(['a/rules/mine.yml']);
    const r2 = await writeExport(out, tree);
    expect(r2.kept).toEqual(['prometheus/a/rules/mine.yml']);
    expect(await read(out, 'prometheus/a/rules/mine.yml')).toBe('groups: [mine]\n');
  });

  it('removes a dropped file only while it holds what was written; an edited one stays', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, { ...tree, 'extra.txt': 'x\n' });
    await writeFile(path.join(out, 'prometheus/a/rules/alerts.yml'), 'groups: [edited]\n');
    const r = await writeExport(out, { 'README.md': '# r\n' });
    expect(r.removed.sort()).toEqual(['.env', 'extra.txt', 'prometheus/a/prometheus.yml']);
    expect(r.kept).toContain('prometheus/a/rules/alerts.yml');
    expect(await read(out, 'prometheus/a/rules/alerts.yml')).toBe('groups: [edited]\n');
    expect((await readManifest(out)).files.map((f) => f.path)).toEqual(['README.md']);
  });

  it('replaces a file it did not write (or one edited since) only with --force, and says so', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, { 'README.md': '# r\n' });
    await writeFile(path.join(out, 'docker-compose.yml'), 'services: {mine: {}}\n');
    await writeFile(path.join(out, 'README.md'), '# my notes\n');
    const next = { 'README.md': '# r2\n', 'docker-compose.yml': 'services: {}\n' };
    const refused = writeExport(out, next);
    await expect(refused).rejects.toBeInstanceOf(ExportRefused);
    await expect(refused).rejects.toThrow(
      /README.md \(edited since the last export\), docker-compose.yml \(not written by fedstudio\).*--force/,
    );
    expect(await read(out, 'docker-compose.yml')).toBe('services: {mine: {}}\n');
    expect(await read(out, 'README.md')).toBe('# my notes\n');
    const r = await writeExport(out, next, { force: true });
    expect(r.replaced).toEqual(['README.md', 'docker-compose.yml']);
    expect(await read(out, 'docker-compose.yml')).toBe('services: {}\n');
  });

  it('keeps .env and secrets/ the user filled in, and updates a .env nobody edited', async () => {
    const out = path.join(base, 'out');
    await writeExport(out, tree);
    const renamed = { ...tree, '.env': 'COMPOSE_PROJECT_NAME=y\n' };
    await writeExport(out, renamed);
    expect(await read(out, '.env')).toBe('COMPOSE_PROJECT_NAME=y\n');
    await writeFile(path.join(out, '.env'), 'COMPOSE_PROJECT_NAME=y\nSECRET=filled-in\n');
    await mkdir(path.join(out, 'secrets'));
    await writeFile(path.join(out, 'secrets', 'TOKEN'), 's3cret');
    const r = await writeExport(out, tree, { force: true });
    expect(r.kept).toEqual(['.env', 'secrets']);
    expect(r.replaced).toEqual([]);
    expect(await read(out, '.env')).toContain('SECRET=filled-in');
    expect(await read(out, 'secrets/TOKEN')).toBe('s3cret');
    expect(await manifestMismatches(out)).toEqual([]);
  });

  it("never changes an existing folder's mode; a replaced file keeps its mode", async () => {
    const out = await foreignFolder('private');
    await chmod(out, 0o700);
    await writeExport(out, tree, { force: true });
    expect((await stat(out)).mode & 0o777).toBe(0o700);
    await chmod(path.join(out, 'README.md'), 0o600);
    await writeExport(out, { ...tree, 'README.md': '# changed\n' });
    expect((await stat(out)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(out, 'README.md'))).mode & 0o777).toBe(0o600);
    expect(await read(out, 'README.md')).toBe('# changed\n');
  });

  // Giving a file another owner needs root; the tests run as root in CI and in the dev container.
  it.skipIf(process.getuid?.() !== 0)(
    "never changes an existing folder's owner; a replaced file keeps its owner",
    async () => {
      const out = await foreignFolder('owned');
      await chown(out, 4321, 4321);
      await writeExport(out, tree, { force: true });
      expect((await stat(out)).uid).toBe(4321);
      await chown(path.join(out, 'README.md'), 4321, 4322);
      await writeExport(out, { ...tree, 'README.md': '# changed\n' });
      const s = await stat(path.join(out, 'README.md'));
      expect([s.uid, s.gid]).toEqual([4321, 4322]);
      expect((await stat(out)).uid).toBe(4321);
    },
  );

  it('reads a marker of an earlier version as its own folder: replaces generated files, removes nothing', async () => {
    const out = path.join(base, 'legacy');
    await mkdir(out);
    await writeFile(path.join(out, EXPORT_MARKER), '# Made by `fedstudio export`. Exporting...\n');
    await writeFile(path.join(out, 'README.md'), 'old');
    await writeFile(path.join(out, 'stale.yml'), 'from an older design');
    await writeFile(path.join(out, '.env'), 'EDITED=1\n');
    const r = await writeExport(out, tree);
    expect(r).toMatchObject({ replaced: [], removed: [], kept: ['.env', 'stale.yml'] });
    expect(await read(out, 'README.md')).toBe('# r\n');
    expect(await read(out, '.env')).toBe('EDITED=1\n');
    expect(await manifestMismatches(out)).toEqual([]);
  });

  it('refuses a manifest it cannot read unless forced, and never removes what a manifest lists outside', async () => {
    const out = path.join(base, 'out');
    await mkdir(out);
    await writeFile(path.join(base, 'victim'), 'v');
    const evil = { type: MANIFEST_TYPE, version: 1, generator: { name: 'x', version: '1' } };
    const files = [{ path: '../victim', sha256: sha256('v') }];
    await writeFile(
      path.join(out, EXPORT_MARKER),
      JSON.stringify({ ...evil, exportedAt: '', files }),
    );
    await expect(writeExport(out, tree)).rejects.toThrow(/not an export manifest.*\.\.\/victim/);
    await writeExport(out, tree, { force: true });
    expect(await readFile(path.join(base, 'victim'), 'utf8')).toBe('v');
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
    expect(await read(out, 'README.md')).toBe('# r\n');
    expect(await junk(base)).toEqual([]);
    expect(await manifestMismatches(out)).toEqual([]);
  });

  it('refuses generated paths that would escape the folder or use its reserved names', async () => {
    const out = path.join(base, 'out');
    await expect(writeExport(out, { '../evil': 'x' })).rejects.toThrow(/outside/);
    await expect(writeExport(out, { '/etc/passwd': 'x' })).rejects.toThrow(/relative/);
    await expect(writeExport(out, { [EXPORT_MARKER]: 'x' })).rejects.toThrow(/reserved/);
    expect(await readdir(base)).toEqual([]);
    expect(() => confinedPath(out, 'a/../../b')).toThrow(/outside/);
    expect(confinedPath(out, 'a/b')).toBe(path.join(out, 'a', 'b'));
  });

  it('serialises exports into one folder within a process', async () => {
    const out = path.join(base, 'out');
    const runs = await Promise.all(
      [1, 2, 3].map((n) => writeExport(out, { ...tree, 'n.txt': `${n}` })),
    );
    expect(runs.filter((r) => r.created)).toHaveLength(1);
    expect(await read(out, 'n.txt')).toBe('3');
    expect(await manifestMismatches(out)).toEqual([]);
  });
});
