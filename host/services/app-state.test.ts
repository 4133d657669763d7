import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from './app-state.ts';
import { defaultStateDir } from '../disk/state-dir.ts';

let dir: string;
let state: AppState;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fedstudio-state-'));
  state = new AppState(path.join(dir, 'nested', 'state'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('AppState', () => {
  it('starts empty when nothing was remembered (and the folder does not exist yet)', async () => {
    expect(await state.recent()).toEqual([]);
    expect(await state.recovery()).toBeNull();
  });

  it('keeps the 10 most recent files, newest first, each once', async () => {
    for (let i = 0; i < 12; i++) await state.touchRecent(`/w/d${i}.topology.yaml`);
    await state.touchRecent('/w/d5.topology.yaml');
    const recent = await state.recent();
    expect(recent).toHaveLength(10);
    expect(recent.map((r) => path.basename(r.path))).toEqual([
      'd5.topology.yaml',
      'd11.topology.yaml',
      'd10.topology.yaml',
      'd9.topology.yaml',
      'd8.topology.yaml',
      'd7.topology.yaml',
      'd6.topology.yaml',
      'd4.topology.yaml',
      'd3.topology.yaml',
      'd2.topology.yaml',
    ]);
  });

  it.each([
    ['not JSON', '{"path": '],
    ['the wrong shape', '{"path": 3}'],
    ['an entry with an empty path', '[{"path": "", "openedAt": "x"}]'],
  ])('forgets a damaged recent list (%s) instead of failing', async (_what, text) => {
    await mkdir(state.dir, { recursive: true });
    await writeFile(path.join(state.dir, 'recent.json'), text);
    expect(await state.recent()).toEqual([]);
    await state.touchRecent('/w/a.topology.yaml');
    expect((await state.recent()).map((r) => r.path)).toEqual(['/w/a.topology.yaml']);
  });

  it('forgets a damaged recovery file instead of failing', async () => {
    await mkdir(state.dir, { recursive: true });
    await writeFile(path.join(state.dir, 'recovery.json'), '{"text": 42}');
    expect(await state.recovery()).toBeNull();
    await writeFile(path.join(state.dir, 'recovery.json'), '\u0000garbage');
    expect(await state.recovery()).toBeNull();
  });

  it('puts, reads and clears the recovery copy, as JSON on disk', async () => {
    const r = {
      path: '/w/a.topology.yaml',
      text: 'kind: Topology\n',
      savedAt: '2025-01-01T00:00:00Z',
    };
    await state.putRecovery(r);
    expect(await state.recovery()).toEqual(r);
    expect(JSON.parse(await readFile(path.join(state.dir, 'recovery.json'), 'utf8'))).toEqual(r);
    await state.clearRecovery();
    expect(await state.recovery()).toBeNull();
  });

  const modeOf = async (p: string) => (await stat(p)).mode & 0o777;

  it('keeps the state folder and recovery.json readable by the user only', async () => {
    await state.putRecovery({ path: '/w/a.topology.yaml', text: 'x', savedAt: '2025-01-01' });
    await state.touchRecent('/w/a.topology.yaml');
    expect(await modeOf(state.dir)).toBe(0o700);
    expect(await modeOf(path.join(state.dir, 'recovery.json'))).toBe(0o600);
    expect(await modeOf(path.join(state.dir, 'recent.json'))).toBe(0o600);
    // The parents are the user's folders (~/.config): their modes are not ours to change.
    expect(await modeOf(path.dirname(state.dir))).not.toBe(0o700);
  });

  it('tightens a state folder and recovery file an earlier version left open', async () => {
    await mkdir(state.dir, { recursive: true, mode: 0o755 });
    await chmod(state.dir, 0o755);
    await writeFile(path.join(state.dir, 'recovery.json'), 'null\n', { mode: 0o644 });
    await state.putRecovery({ path: '/w/b.topology.yaml', text: 'y', savedAt: '2025-01-01' });
    expect(await modeOf(state.dir)).toBe(0o700);
    expect(await modeOf(path.join(state.dir, 'recovery.json'))).toBe(0o600);
  });

  it('leaves the mode of a folder that holds more than the app state (the user named it)', async () => {
    await mkdir(state.dir, { recursive: true });
    await chmod(state.dir, 0o755);
    await writeFile(path.join(state.dir, 'thesis.tex'), 'mine');
    await state.putRecovery({ path: '/w/c.topology.yaml', text: 'z', savedAt: '2025-01-01' });
    expect(await modeOf(state.dir)).toBe(0o755);
    expect(await modeOf(path.join(state.dir, 'recovery.json'))).toBe(0o600);
  });

  it('lives in FEDSTUDIO_STATE_DIR when set, else under the XDG config folder', () => {
    const saved = { s: process.env.FEDSTUDIO_STATE_DIR, x: process.env.XDG_CONFIG_HOME };
    try {
      process.env.FEDSTUDIO_STATE_DIR = '/tmp/fs-state';
      expect(defaultStateDir()).toBe('/tmp/fs-state');
      delete process.env.FEDSTUDIO_STATE_DIR;
      process.env.XDG_CONFIG_HOME = '/tmp/xdg';
      expect(defaultStateDir()).toBe(path.join('/tmp/xdg', 'fedstudio'));
    } finally {
      if (saved.s === undefined) delete process.env.FEDSTUDIO_STATE_DIR;
      else process.env.FEDSTUDIO_STATE_DIR = saved.s;
      if (saved.x === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved.x;
    }
  });
});
