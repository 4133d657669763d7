// The registry as the renderer runs it, in Node: the theme reads its saved choice at start, and
// copy offers its YAML to the system clipboard, so both get a stand-in.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const clipboard = vi.hoisted(() => {
  const written: string[] = [];
  vi.stubGlobal('navigator', {
    clipboard: { writeText: async (t: string) => void written.push(t) },
  });
  const saved = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
  });
  vi.stubGlobal('window', globalThis); // no matchMedia: the theme starts dark
  return written;
});

import { COMMAND_IDS, COMMANDS, type CommandId } from '../../../shared/commands.ts';
import { addNode } from '../../../shared/design/edit.ts';
import { useOverlay } from '../store/overlays.ts';
import { useLab, initialLabState } from '../lab/lab-store.ts';
import { designStore, emptyTopology } from '../store/design-store.ts';
import { useTheme } from '../theme/theme.ts';
import { commandState, HANDLERS, isEnabled } from './registry.ts';

const s = () => designStore.getState();

function designWithTwoNodes() {
  let t = emptyTopology('reg');
  for (const kind of ['prometheus', 'targets'] as const) {
    const added = addNode(t, kind, { x: t.nodes.length * 300, y: 0 });
    if (!added.ok) throw new Error(added.message);
    t = added.topology;
  }
  s().load(t, null);
  return t;
}

describe('the command registry', () => {
  beforeEach(() => useLab.setState({ ...initialLabState }));

  it('has a handler for every command of the table, and nothing else', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...COMMAND_IDS].sort());
  });

  it('gives every text command the field’s own command to stand in for it', () => {
    for (const id of COMMAND_IDS) {
      const text = COMMANDS[id].whileTyping === 'text';
      expect(HANDLERS[id].native !== undefined, id).toBe(text);
    }
  });

  it('adds one undo step exactly for the commands the table calls undoable', () => {
    const headless: CommandId[] = [
      'copy',
      'paste',
      'cut',
      'duplicate',
      'delete',
      'select-all',
      'select-none',
    ];
    for (const id of headless) {
      const t = designWithTwoNodes();
      s().select([t.nodes[0]!.id]);
      HANDLERS.copy.run({}); // paste needs something copied
      const steps = s().past.length;
      expect(isEnabled(id), id).toBe(true);
      HANDLERS[id].run({});
      expect(s().past.length - steps, id).toBe(COMMANDS[id].undoable ? 1 : 0);
    }
    expect(clipboard.at(-1)).toContain('kind: Topology');
  });

  it('runs undo and redo on the design, when there is something to undo or redo', () => {
    designWithTwoNodes();
    expect(isEnabled('undo')).toBe(false);
    s().select([s().topology.nodes[0]!.id]);
    HANDLERS.delete.run({});
    expect(s().topology.nodes).toHaveLength(1);
    expect(isEnabled('undo')).toBe(true);
    HANDLERS.undo.run({});
    expect(s().topology.nodes).toHaveLength(2);
    expect(isEnabled('redo')).toBe(true);
    HANDLERS.redo.run({});
    expect(s().topology.nodes).toHaveLength(1);
  });

  it('selects all nodes and none', () => {
    const t = designWithTwoNodes();
    HANDLERS['select-all'].run({});
    expect(s().selection.ids).toEqual(t.nodes.map((n) => n.id));
    HANDLERS['select-none'].run({});
    expect(s().selection.ids).toEqual([]);
    expect(isEnabled('select-none')).toBe(false);
  });

  it('needs a host for the file and lab commands, and a lab for Stop', () => {
    const state = commandState();
    for (const id of [
      'new',
      'open',
      'save',
      'save-as',
      'export',
      'lab-up',
      'lab-status',
    ] as const) {
      expect(isEnabled(id, { ...state, host: false }), id).toBe(false);
      expect(isEnabled(id, { ...state, host: true }), id).toBe(true);
    }
    const withHost = { ...state, host: true };
    expect(isEnabled('lab-down', withHost)).toBe(false);
    const running = { name: 'x', instances: [], edges: [] };
    expect(isEnabled('lab-down', { ...withHost, lab: { ...state.lab, status: running } })).toBe(
      true,
    );
    const starting = { ...state.lab, status: running, starting: true };
    expect(isEnabled('lab-down', { ...withHost, lab: starting })).toBe(false);
    expect(isEnabled('lab-up', { ...withHost, lab: starting })).toBe(false);
  });

  it('arranges and moves the selection in one undo step each, when enough is selected', () => {
    let t = designWithTwoNodes();
    const added = addNode(t, 'grafana', { x: 100, y: 400 });
    if (!added.ok) throw new Error(added.message);
    t = added.topology;
    s().load(t, null);
    const arrange: CommandId[] = [
      'align-left',
      'align-centre',
      'align-right',
      'align-top',
      'align-middle',
      'align-bottom',
      'distribute-horizontal',
      'distribute-vertical',
    ];
    s().select([t.nodes[0]!.id, t.nodes[1]!.id]);
    expect(isEnabled('align-left')).toBe(true);
    expect(isEnabled('distribute-horizontal')).toBe(false);
    for (const id of [...arrange, 'move-left', 'move-right', 'move-up', 'move-down'] as const) {
      s().load(t, null); // a fresh history each time
      s().select(t.nodes.map((n) => n.id));
      expect(isEnabled(id), id).toBe(true);
      HANDLERS[id].run({});
      expect(s().past, id).toHaveLength(1);
      expect(s().topology, id).not.toBe(t);
      s().undo();
      expect(s().topology, id).toBe(t);
    }
  });

  it('moves one grid step with an arrow, four with Shift and an arrow', () => {
    const t = designWithTwoNodes();
    const first = t.nodes[0]!;
    s().select([first.id]);
    HANDLERS['move-right'].run({ key: 'ArrowRight' });
    HANDLERS['move-down'].run({ key: 'Shift+ArrowDown' });
    expect(s().topology.nodes[0]!.position).toEqual({
      x: first.position!.x + 15,
      y: first.position!.y + 60,
    });
    expect(s().past).toHaveLength(2);
    s().select([]);
    expect(isEnabled('move-left')).toBe(false);
  });

  it('opens the command palette, node search and the shortcut sheet', () => {
    designWithTwoNodes();
    HANDLERS['command-palette'].run({});
    expect(useOverlay.getState().overlay).toEqual({ kind: 'palette', mode: 'all' });
    HANDLERS.find.run({});
    expect(useOverlay.getState().overlay).toEqual({ kind: 'palette', mode: 'find' });
    HANDLERS.shortcuts.run({});
    expect(useOverlay.getState().overlay).toEqual({ kind: 'shortcuts' });
  });

  it('toggles the theme', () => {
    const before = useTheme.getState().theme;
    HANDLERS.theme.run({});
    expect(useTheme.getState().theme).not.toBe(before);
  });
});
