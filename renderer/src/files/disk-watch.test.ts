// The renderer's side of saves that could overwrite changes made on disk: which revision a save
// names, what a conflict shows, and the check when the window regains focus.
import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi, HostArgs } from '../../../shared/host-api.ts';
import { designStore, emptyTopology, selectDirty } from '../store/design-store.ts';
import { addNode } from '../../../shared/design/edit.ts';
import { checkDisk } from './disk-watch.ts';
import { bindHost, save, saveTo } from './file-actions.ts';
import { useFileUi } from './file-ui.ts';
import { HostCallError } from '../host/envelope.ts';

const rev = (c: string) => `sha256:${c.repeat(64)}`;

/** A host whose saveDesign and designRevision the test scripts; records what saves sent. */
function fakeHost(o: { onDisk: string | null; conflict?: boolean }) {
  const saves: HostArgs<'saveDesign'>[] = [];
  const host = {
    async saveDesign(args: HostArgs<'saveDesign'>) {
      saves.push(args);
      if (o.conflict && !args.overwrite)
        throw new HostCallError({
          code: 'conflict',
          message: `${args.path} changed on disk since you opened it`,
        });
      return { path: args.path!, revision: rev('b') };
    },
    async designRevision() {
      return { revision: o.onDisk };
    },
    async clearRecovery() {
      return { ok: true as const };
    },
  } as unknown as HostApi;
  bindHost(host);
  return { host, saves };
}

function openedAs(diskRevision: string) {
  designStore.getState().load(emptyTopology('d'), '/ws/d.topology.yaml', { diskRevision });
  designStore.getState().apply({
    label: 'add',
    undoable: true,
    run: (t) => addNode(t, 'prometheus', { x: 0, y: 0 }),
  });
}

afterEach(() => {
  bindHost(null);
  useFileUi.getState().show(null);
});

describe('saving over the open file', () => {
  it('names the revision it opened, and keeps the new one', async () => {
    const { saves } = fakeHost({ onDisk: rev('a') });
    openedAs(rev('a'));
    const r = await saveTo('/ws/d.topology.yaml');
    expect(r).toEqual({ ok: true, value: '/ws/d.topology.yaml' });
    expect(saves[0]).toMatchObject({ expectedRevision: rev('a') });
    expect(saves[0]).not.toHaveProperty('overwrite');
    expect(designStore.getState().diskRevision).toBe(rev('b'));
    expect(selectDirty(designStore.getState())).toBe(false);
    // Save As elsewhere names no revision (the host asks if that file exists).
    await saveTo('/ws/other.topology.yaml');
    expect(saves[1]).not.toHaveProperty('expectedRevision');
  });

  it('on a conflict shows the choice, writes nothing, and overwrites only when told', async () => {
    const { saves } = fakeHost({ onDisk: rev('c'), conflict: true });
    openedAs(rev('a'));
    await save();
    expect(useFileUi.getState().dialog).toMatchObject({
      kind: 'conflict',
      path: '/ws/d.topology.yaml',
      reason: 'save',
    });
    expect(selectDirty(designStore.getState())).toBe(true);
    expect(saves).toHaveLength(1);
    await saveTo('/ws/d.topology.yaml', { overwrite: true });
    expect(saves[1]).toMatchObject({ overwrite: true });
    expect(selectDirty(designStore.getState())).toBe(false);
  });
});

describe('the look at the disk on focus', () => {
  it('asks once per change on disk, and says nothing when the file is as opened', async () => {
    const disk = { onDisk: rev('a') as string | null };
    fakeHost(disk);
    openedAs(rev('a'));
    await checkDisk(hostOf());
    expect(useFileUi.getState().dialog).toBeNull();
    disk.onDisk = rev('d');
    await checkDisk(hostOf(disk));
    expect(useFileUi.getState().dialog).toMatchObject({ kind: 'conflict', reason: 'focus' });
    useFileUi.getState().show(null);
    await checkDisk(hostOf(disk));
    expect(useFileUi.getState().dialog).toBeNull();
  });

  it('tells the user when the file was deleted', async () => {
    const disk = { onDisk: null };
    openedAs(rev('e'));
    await checkDisk(hostOf(disk));
    expect(useFileUi.getState().dialog).toBeNull();
    expect(designStore.getState().notice?.text).toMatch(/deleted or moved on disk/);
  });
});

function hostOf(disk: { onDisk: string | null } = { onDisk: rev('a') }): HostApi {
  return fakeHost(disk).host;
}
