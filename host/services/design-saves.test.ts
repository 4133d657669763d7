// Saving over someone else's changes: revisions, conflicts, and path errors as clear HostErrors.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostApi } from '../../shared/host-api.ts';
import { AppState } from './app-state.ts';
import { revisionOf } from './design-files.ts';
import { errorBody, HostError } from './host-errors.ts';
import { createHostServices, grantedFoldersPolicy, type Dialogs } from './host-services.ts';

const design = (name: string) => `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${name} }
nodes:
  - { id: p, kind: prometheus, name: prom }
`;

let base: string;
let ws: string;
let host: HostApi;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-saves-'));
  ws = path.join(base, 'ws');
  await mkdir(ws);
  host = createHostServices({
    kind: 'web',
    workspace: ws,
    state: new AppState(path.join(base, 's')),
  });
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('revisions and conflicts', () => {
  it('open answers the revision of the bytes read; save answers the new one', async () => {
    await writeFile(path.join(ws, 'a.topology.yaml'), design('one'));
    const opened = await host.openDesign({ path: 'a.topology.yaml' });
    expect(opened!.revision).toBe(revisionOf(design('one')));
    const saved = await host.saveDesign({
      path: 'a.topology.yaml',
      text: design('two'),
      expectedRevision: opened!.revision,
    });
    expect(saved!.revision).toBe(revisionOf(design('two')));
    expect(await host.designRevision({ path: 'a.topology.yaml' })).toEqual({
      revision: saved!.revision,
    });
    expect(await host.designRevision({ path: 'none.topology.yaml' })).toEqual({ revision: null });
  });

  it('refuses a save based on a stale revision, naming both, and overwrites when told', async () => {
    const file = path.join(ws, 'a.topology.yaml');
    await writeFile(file, design('one'));
    const opened = await host.openDesign({ path: 'a.topology.yaml' });
    await writeFile(file, design('theirs')); // another program
    const e = await refusal(
      host.saveDesign({
        path: 'a.topology.yaml',
        text: design('mine'),
        expectedRevision: opened!.revision,
      }),
    );
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(`${file} changed on disk since you opened it`);
    expect(e.details).toEqual([
      `opened: ${opened!.revision}`,
      expect.stringMatching(new RegExp(`^on disk: ${revisionOf(design('theirs'))} \\(\\d+ bytes`)),
    ]);
    expect(await readFile(file, 'utf8')).toBe(design('theirs'));
    const forced = await host.saveDesign({
      path: 'a.topology.yaml',
      text: design('mine'),
      expectedRevision: opened!.revision,
      overwrite: true,
    });
    expect(forced!.revision).toBe(revisionOf(design('mine')));
    expect(await readFile(file, 'utf8')).toBe(design('mine'));
  });

  it('of two concurrent saves based on one revision, exactly one wins', async () => {
    const file = path.join(ws, 'a.topology.yaml');
    await writeFile(file, design('one'));
    const { revision } = (await host.openDesign({ path: 'a.topology.yaml' }))!;
    const results = await Promise.allSettled(
      ['tab-a', 'tab-b'].map((n) =>
        host.saveDesign({ path: 'a.topology.yaml', text: design(n), expectedRevision: revision }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(((lost[0] as PromiseRejectedResult).reason as HostError).code).toBe('conflict');
    const text = await readFile(file, 'utf8');
    expect([design('tab-a'), design('tab-b')]).toContain(text);
  });

  it('a touch that keeps the bytes is no conflict; a deleted file is saved again', async () => {
    const file = path.join(ws, 'a.topology.yaml');
    await writeFile(file, design('one'));
    const { revision } = (await host.openDesign({ path: 'a.topology.yaml' }))!;
    await writeFile(file, design('one'));
    const args = { path: 'a.topology.yaml', text: design('two'), expectedRevision: revision };
    expect(await host.saveDesign(args)).not.toBeNull();
    await rm(file);
    expect(
      await host.saveDesign({ ...args, expectedRevision: revisionOf(design('two')) }),
    ).not.toBeNull();
    expect(await readFile(file, 'utf8')).toBe(design('two'));
  });

  it('Save As onto an existing file without a revision asks first (conflict)', async () => {
    await writeFile(path.join(ws, 'other.topology.yaml'), design('other'));
    const e = await refusal(host.saveDesign({ path: 'other.topology.yaml', text: design('x') }));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/other\.topology\.yaml already exists$/);
    expect(
      await host.saveDesign({ path: 'other.topology.yaml', text: design('x'), overwrite: true }),
    ).not.toBeNull();
    // A new file needs no revision.
    expect(await host.saveDesign({ path: 'new.topology.yaml', text: design('x') })).not.toBeNull();
  });

  it('saves through a symbolic link to its target, leaving the link in place', async () => {
    const real = path.join(ws, 'real.topology.yaml');
    await writeFile(real, design('one'));
    await symlink(real, path.join(ws, 'link.topology.yaml'));
    const { revision } = (await host.openDesign({ path: 'link.topology.yaml' }))!;
    await host.saveDesign({
      path: 'link.topology.yaml',
      text: design('two'),
      expectedRevision: revision,
    });
    expect(await readFile(real, 'utf8')).toBe(design('two'));
    const { lstat } = await import('node:fs/promises');
    expect((await lstat(path.join(ws, 'link.topology.yaml'))).isSymbolicLink()).toBe(true);
  });
});

describe('bad paths are clear errors, not file system failures', () => {
  it('a NUL byte: invalid-args, said in one line', async () => {
    for (const call of [
      () => host.openDesign({ path: 'a\0b.topology.yaml' }),
      () => host.saveDesign({ path: 'a\0b.topology.yaml', text: design('x') }),
      () => host.designRevision({ path: 'a\0.topology.yaml' }),
    ]) {
      const e = await refusal(call());
      expect(e.code).toBe('invalid-args');
      expect(e.message).toBe(`${e.message.split(':')[0]}: a path cannot contain a NUL byte`);
      expect(e.message).toContain('\\u0000');
    }
  });

  it('a dangling link, to the file or a folder on the way: invalid-args naming the link', async () => {
    await symlink(path.join(ws, 'gone.topology.yaml'), path.join(ws, 'dangling.topology.yaml'));
    await symlink(path.join(ws, 'gone-dir'), path.join(ws, 'dir-link'));
    for (const p of ['dangling.topology.yaml', 'dir-link/a.topology.yaml']) {
      for (const call of [
        () => host.openDesign({ path: p }),
        () => host.saveDesign({ path: p, text: design('x') }),
        () => host.designRevision({ path: p }),
      ]) {
        const e = await refusal(call());
        expect(e.code).toBe('invalid-args');
        expect(e.message).toMatch(/is a symbolic link to .*gone.*, which does not exist$/);
      }
    }
  });

  it('a folder, or a file used as a folder: invalid-args; a missing file: not-found', async () => {
    await mkdir(path.join(ws, 'dir.topology.yaml'));
    await writeFile(path.join(ws, 'plain'), 'x');
    const dir = await refusal(host.openDesign({ path: 'dir.topology.yaml' }));
    expect(dir).toMatchObject({
      code: 'invalid-args',
      message: expect.stringMatching(/is a folder/),
    });
    const asDir = await refusal(host.openDesign({ path: 'plain/a.topology.yaml' }));
    expect(asDir).toMatchObject({
      code: 'invalid-args',
      message: expect.stringMatching(/is a file, not a folder/),
    });
    const saveAsDir = await refusal(
      host.saveDesign({ path: 'plain/a.topology.yaml', text: design('x') }),
    );
    expect(saveAsDir.code).toBe('invalid-args');
    const missing = await refusal(host.openDesign({ path: 'missing.topology.yaml' }));
    expect(missing).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no such file/),
    });
  });

  it('a file system error that escapes a service still becomes a one-line body', () => {
    const e = Object.assign(new Error("ENOENT: no such file or directory, open '/x/y'"), {
      code: 'ENOENT',
      path: '/x/y',
    });
    expect(errorBody(e)).toEqual({ code: 'not-found', message: '/x/y: no such file or folder' });
  });
});

describe('desktop grants: a chosen file, not its folder', () => {
  it('a file picked in a dialog grants that file only; a picked folder grants its contents', async () => {
    const picked = path.join(base, 'docs', 'picked.topology.yaml');
    await mkdir(path.dirname(picked));
    await writeFile(picked, design('p'));
    await writeFile(path.join(base, 'docs', 'neighbour.topology.yaml'), design('n'));
    const out = path.join(base, 'exports');
    const dialogs: Dialogs = {
      chooseOpen: async () => picked,
      chooseSave: async () => null,
      chooseFolder: async () => out,
    };
    const desktop = createHostServices({
      kind: 'electron',
      workspace: base,
      paths: grantedFoldersPolicy(),
      state: new AppState(path.join(base, 's')),
      dialogs,
    });
    const opened = await desktop.openDesign({});
    expect((await desktop.openDesign({ path: picked }))!.text).toBe(design('p'));
    await desktop.saveDesign({
      path: picked,
      text: design('q'),
      expectedRevision: opened!.revision,
    });
    for (const p of [
      path.join(base, 'docs', 'neighbour.topology.yaml'),
      path.join(base, 'docs', 'sub', 'new.topology.yaml'),
    ]) {
      expect((await refusal(desktop.openDesign({ path: p }))).code).toBe('forbidden');
      expect((await refusal(desktop.saveDesign({ path: p, text: design('x') }))).code).toBe(
        'forbidden',
      );
    }
    expect(await desktop.exportConfigs({ text: design('x') })).toMatchObject({ outDir: out });
    expect(
      await desktop.exportConfigs({ text: design('x'), outDir: path.join(out, 'again') }),
    ).not.toBeNull();
  });
});
