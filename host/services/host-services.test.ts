import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostApi } from '../../shared/host-api.ts';
import { AppState } from './app-state.ts';
import { HostError } from './host-errors.ts';
import { createHostServices, workspacePolicy, type Dialogs } from './host-services.ts';
import { PROMETHEUS_AND_TARGETS } from './test-designs.ts';

const DESIGN = PROMETHEUS_AND_TARGETS;

// Line 7 has the wrong type; the error must say so, with the line.
const INVALID = `apiVersion: fedstudio/v1
kind: Topology
metadata:
  name: broken
nodes:
  - id: prom
    kind: prometheus
    name: prom
    replicas: many
`;

let base: string;
let workspace: string;
let state: AppState;
let host: HostApi;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-host-'));
  workspace = path.join(base, 'ws');
  await mkdir(workspace);
  state = new AppState(path.join(base, 'state'));
  host = createHostServices({ kind: 'web', workspace, state });
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** The HostError a call fails with (the test fails if it succeeds). */
async function refusal(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return e as HostError;
  }
  throw new Error('expected the call to be refused');
}

describe('host services: workspace confinement', () => {
  it.each([
    ['a relative path that climbs out', '../outside.topology.yaml'],
    ['an absolute path elsewhere', '/etc/passwd'],
    ['a sibling folder sharing the prefix', '../ws-other/x.topology.yaml'],
  ])('refuses to open %s', async (_what, p) => {
    const e = await refusal(host.openDesign({ path: p }));
    expect(e.code).toBe('forbidden');
  });

  it('refuses to save or export outside the workspace and writes nothing there', async () => {
    const out = path.join(base, 'outside.topology.yaml');
    expect((await refusal(host.saveDesign({ path: out, text: DESIGN }))).code).toBe('forbidden');
    expect(
      (await refusal(host.exportConfigs({ text: DESIGN, outDir: path.join(base, 'exp') }))).code,
    ).toBe('forbidden');
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });

  it('without a path and without native dialogs asks for one', async () => {
    expect((await refusal(host.openDesign({}))).code).toBe('invalid-args');
    expect((await refusal(host.saveDesign({ text: DESIGN }))).code).toBe('invalid-args');
    expect((await refusal(host.exportConfigs({ text: DESIGN }))).code).toBe('invalid-args');
  });

  it('uses the native dialogs where there are, and a cancelled one answers null', async () => {
    const file = path.join(base, 'chosen.topology.yaml');
    await writeFile(file, DESIGN);
    const dialogs: Dialogs = {
      chooseOpen: async () => file,
      chooseSave: async () => null,
      chooseFolder: async () => null,
    };
    const desktop = createHostServices({ kind: 'electron', workspace, state, dialogs });
    expect(await desktop.openDesign({})).toEqual({
      path: file,
      text: DESIGN,
      revision: expect.stringMatching(/^sha256:/),
    });
    expect(await desktop.saveDesign({ text: DESIGN })).toBeNull();
    expect(await desktop.exportConfigs({ text: DESIGN })).toBeNull();
  });
});

describe('host services: designs', () => {
  it('saves, opens and lists designs in the workspace', async () => {
    const saved = await host.saveDesign({ path: 'designs/small.topology.yaml', text: DESIGN });
    const abs = path.join(workspace, 'designs', 'small.topology.yaml');
    expect(saved).toEqual({ path: abs, revision: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(await readFile(abs, 'utf8')).toBe(DESIGN);
    expect(await host.openDesign({ path: 'designs/small.topology.yaml' })).toEqual({
      path: abs,
      text: DESIGN,
      revision: saved!.revision,
    });
    await writeFile(path.join(workspace, 'top.topology.yaml'), DESIGN);
    await writeFile(path.join(workspace, 'notes.yaml'), 'a: 1\n');
    await mkdir(path.join(workspace, 'node_modules', 'x'), { recursive: true });
    await writeFile(path.join(workspace, 'node_modules', 'x', 'dep.topology.yaml'), DESIGN);
    await mkdir(path.join(workspace, '.hidden'));
    await writeFile(path.join(workspace, '.hidden', 'h.topology.yaml'), DESIGN);
    expect(await host.listDesigns({})).toEqual([
      { path: abs },
      { path: path.join(workspace, 'top.topology.yaml') },
    ]);
  });

  it('refuses to save text that is not a valid design, saying where', async () => {
    const e = await refusal(host.saveDesign({ path: 'broken.topology.yaml', text: INVALID }));
    expect(e.code).toBe('design-invalid');
    expect(e.details?.some((d) => /:9:\d+: nodes\[0\]\.replicas: /.test(d))).toBe(true);
    await expect(readFile(path.join(workspace, 'broken.topology.yaml'))).rejects.toThrow();
  });

  it('refuses a file name that is not a design file', async () => {
    const e = await refusal(host.saveDesign({ path: 'evil.sh', text: DESIGN }));
    expect(e.code).toBe('invalid-args');
  });

  it('opening an invalid design answers design-invalid with file:line:col lines', async () => {
    await writeFile(path.join(workspace, 'broken.topology.yaml'), INVALID);
    const e = await refusal(host.openDesign({ path: 'broken.topology.yaml' }));
    expect(e.code).toBe('design-invalid');
    const file = path.join(workspace, 'broken.topology.yaml');
    expect(e.details).toEqual([expect.stringMatching(new RegExp(`^${file}:9:\\d+: `))]);
  });

  it('opening a missing design answers not-found', async () => {
    expect((await refusal(host.openDesign({ path: 'nope.topology.yaml' }))).code).toBe('not-found');
  });

  it('remembers opened and saved files, newest first, each once', async () => {
    await host.saveDesign({ path: 'a.topology.yaml', text: DESIGN });
    await host.saveDesign({ path: 'b.topology.yaml', text: DESIGN });
    await host.openDesign({ path: 'a.topology.yaml' });
    const recent = await host.recentFiles({});
    expect(recent.map((r) => path.basename(r.path))).toEqual([
      'a.topology.yaml',
      'b.topology.yaml',
    ]);
    expect(Number.isNaN(Date.parse(recent[0]!.openedAt))).toBe(false);
  });

  it('hostInfo hands over the initial file, valid or not', async () => {
    await writeFile(path.join(workspace, 'start.topology.yaml'), DESIGN);
    const withFile = createHostServices({
      kind: 'web',
      workspace,
      state,
      initialFile: 'start.topology.yaml',
    });
    const info = await withFile.hostInfo({});
    expect(info).toEqual({
      kind: 'web',
      workspace,
      initialFile: {
        path: path.join(workspace, 'start.topology.yaml'),
        text: DESIGN,
        revision: expect.stringMatching(/^sha256:/),
      },
    });
    expect((await host.hostInfo({})).initialFile).toBeNull();
    // An invalid design still starts the app: the renderer shows where it is wrong.
    await writeFile(path.join(workspace, 'broken.topology.yaml'), INVALID);
    const broken = createHostServices({
      kind: 'web',
      workspace,
      state,
      initialFile: 'broken.topology.yaml',
    });
    expect((await broken.hostInfo({})).initialFile?.text).toBe(INVALID);
    const missing = createHostServices({ kind: 'web', workspace, state, initialFile: 'gone.yaml' });
    expect((await refusal(missing.hostInfo({}))).code).toBe('not-found');
  });
});

describe('host services: templates', () => {
  it('lists the templates with their counts and reads one', async () => {
    const list = await host.listTemplates({});
    expect(list.length).toBeGreaterThan(5);
    const ha = list.find((t) => t.id === 'ha-pair-alerting');
    expect(ha).toMatchObject({ title: expect.any(String), nodes: expect.any(Number) });
    expect(ha?.nodes).toBeGreaterThan(0);
    expect((await host.readTemplate({ id: 'ha-pair-alerting' })).text).toContain('kind: Topology');
    expect((await refusal(host.readTemplate({ id: 'no-such-template' }))).code).toBe('not-found');
  });

  it('opens a template by path as a copy: marked, and not a recent file', async () => {
    const templatesDir = path.join(workspace, 'tpl');
    await mkdir(templatesDir);
    await writeFile(path.join(templatesDir, 'mine.topology.yaml'), DESIGN);
    await writeFile(path.join(workspace, 'own.topology.yaml'), DESIGN);
    const tplHost = createHostServices({
      kind: 'web',
      workspace,
      state,
      templatesDir,
      initialFile: 'tpl/mine.topology.yaml',
    });
    expect((await tplHost.hostInfo({})).initialFile?.template).toBe('mine');
    expect((await tplHost.openDesign({ path: 'tpl/mine.topology.yaml' }))?.template).toBe('mine');
    expect((await tplHost.openDesign({ path: 'own.topology.yaml' }))?.template).toBeUndefined();
    const recent = (await state.recent()).map((r) => path.basename(r.path));
    expect(recent).toContain('own.topology.yaml');
    expect(recent).not.toContain('mine.topology.yaml');
  });
});

describe('host services: export', () => {
  it('exports into a new folder of the workspace and reports what it wrote', async () => {
    const r = await host.exportConfigs({ text: DESIGN, outDir: 'out' });
    expect(r).toMatchObject({ outDir: path.join(workspace, 'out'), kept: [] });
    expect(r!.written).toBeGreaterThan(2);
    expect(await readFile(path.join(workspace, 'out', 'README.md'), 'utf8')).not.toBe('');
    // Its own folder is exported into again without force.
    expect(await host.exportConfigs({ text: DESIGN, outDir: 'out' })).not.toBeNull();
  });

  it('refuses a non-empty folder it did not make unless forced, then keeps foreign files', async () => {
    const dir = path.join(workspace, 'repo');
    await mkdir(dir);
    await writeFile(path.join(dir, 'mine.txt'), 'keep me');
    const e = await refusal(host.exportConfigs({ text: DESIGN, outDir: 'repo' }));
    expect(e.code).toBe('refused');
    expect(e.message).toMatch(/not empty/);
    const r = await host.exportConfigs({ text: DESIGN, outDir: 'repo', force: true });
    expect(r!.kept).toEqual(['mine.txt']);
    expect(await readFile(path.join(dir, 'mine.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses to export into the workspace itself, which the export would replace', async () => {
    await writeFile(path.join(workspace, 'keep.topology.yaml'), DESIGN);
    for (const outDir of ['.', workspace]) {
      const e = await refusal(host.exportConfigs({ text: DESIGN, outDir, force: true }));
      expect(e.code).toBe('forbidden');
    }
    expect(await readFile(path.join(workspace, 'keep.topology.yaml'), 'utf8')).toBe(DESIGN);
  });

  it('refuses to export an invalid design', async () => {
    const e = await refusal(host.exportConfigs({ text: INVALID, outDir: 'out' }));
    expect(e.code).toBe('design-invalid');
    expect(e.details?.length).toBeGreaterThan(0);
  });
});

describe('host services: crash recovery', () => {
  it('puts, gets and clears the recovery copy', async () => {
    expect(await host.getRecovery({})).toBeNull();
    const r = { path: null, text: DESIGN, savedAt: new Date().toISOString() };
    expect(await host.putRecovery(r)).toEqual({ ok: true });
    expect(await host.getRecovery({})).toEqual(r);
    // Another run of the app (a new services object on the same state) finds it too.
    const later = createHostServices({ kind: 'web', workspace, state: new AppState(state.dir) });
    expect(await later.getRecovery({})).toEqual(r);
    expect(await host.clearRecovery({})).toEqual({ ok: true });
    expect(await later.getRecovery({})).toBeNull();
  });
});

describe('path confinement, to the letter', () => {
  it('accepts names that merely start with "..", and refuses a symbolic link that leads out', async () => {
    const { mkdtempSync, mkdirSync, symlinkSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const base = mkdtempSync(path.join(tmpdir(), 'fedstudio-confine-'));
    const ws = path.join(base, 'ws');
    const out = path.join(base, 'out');
    mkdirSync(ws);
    mkdirSync(out);
    write(path.join(out, 'secret.topology.yaml'), 'x');
    symlinkSync(out, path.join(ws, 'link'));
    const policy = workspacePolicy(ws);
    expect(policy.resolve('..foo.topology.yaml')).toBe(path.join(ws, '..foo.topology.yaml'));
    expect(() => policy.resolve('link/secret.topology.yaml')).toThrow(/outside/);
    expect(() => policy.resolve('link/new/file.topology.yaml')).toThrow(/outside/);
    expect(() => policy.resolve('../out/x')).toThrow(/outside/);
  });
});
