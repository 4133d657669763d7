import { describe, expect, it } from 'vitest';
import {
  COLLAPSED_SIZE,
  drawnSizes,
  initialStates,
  loadStates,
  maxSize,
  resizeBy,
  saveStates,
  SEPARATOR_SIZE,
  separatorKey,
  sizedPane,
  toggleCollapsed,
  type PaneSpec,
} from './split-layout.ts';

// The app's main row: palette, canvas, inspector.
const MAIN: PaneSpec[] = [
  { id: 'palette', label: 'Palette', min: 130, initial: 170, max: 360, collapsible: true },
  { id: 'centre', label: 'Canvas', min: 360, initial: 0, flex: true },
  { id: 'inspector', label: 'Inspector', min: 240, initial: 300, max: 640, collapsible: true },
];
const SEPS = 2 * SEPARATOR_SIZE;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function memory() {
  const saved = new Map<string, string>();
  return {
    saved,
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
  };
}

describe('drawn sizes', () => {
  it('gives the flexible pane what the others leave, filling the group exactly', () => {
    const sizes = drawnSizes(MAIN, initialStates(MAIN), 1280);
    expect(sizes).toEqual([170, 1280 - SEPS - 170 - 300, 300]);
    expect(sum(sizes) + SEPS).toBe(1280);
  });

  it('draws a collapsed pane as its strip', () => {
    const states = toggleCollapsed(initialStates(MAIN), 0);
    expect(drawnSizes(MAIN, states, 1280)[0]).toBe(COLLAPSED_SIZE);
  });

  it('shrinks the fixed panes towards their minimums when the window is too small', () => {
    const states = [
      { size: 360, collapsed: false },
      { size: 0, collapsed: false },
      { size: 640, collapsed: false },
    ];
    const sizes = drawnSizes(MAIN, states, 1000);
    expect(sizes[1]).toBe(360); // the canvas keeps its minimum
    expect(sum(sizes) + SEPS).toBeCloseTo(1000, -1);
    expect(sizes[0]).toBeGreaterThanOrEqual(130);
    expect(sizes[2]).toBeGreaterThanOrEqual(240);
    // Below every minimum the panes stop shrinking: the group overflows instead of breaking.
    expect(drawnSizes(MAIN, states, 400)).toEqual([130, 360, 240]);
  });

  it('keeps a remembered size within the pane’s own limits', () => {
    const states = initialStates(MAIN);
    states[2] = { size: 5000, collapsed: false };
    expect(drawnSizes(MAIN, states, 3000)[2]).toBe(640);
  });
});

describe('resizing', () => {
  it('sizes the fixed pane next to a separator; right and down are positive', () => {
    expect(sizedPane(MAIN, 0)).toBe(0);
    expect(sizedPane(MAIN, 1)).toBe(2);
    const start = initialStates(MAIN);
    expect(resizeBy(MAIN, start, 0, 40, 1280)[0]).toEqual({ size: 210, collapsed: false });
    // The inspector is right of its separator: dragging left widens it.
    expect(resizeBy(MAIN, start, 1, -40, 1280)[2]).toEqual({ size: 340, collapsed: false });
  });

  it('stops at the pane’s minimum and maximum, and where the canvas would drop below its own', () => {
    const start = initialStates(MAIN);
    expect(resizeBy(MAIN, start, 1, 50, 1280)[2]!.size).toBe(250);
    expect(resizeBy(MAIN, start, 0, 1000, 1280)[0]!.size).toBe(360);
    const roomFor = 1000 - SEPS - 360 - 170; // the inspector's room beside the canvas minimum
    expect(maxSize(MAIN, start, 2, 1000)).toBe(roomFor);
    expect(resizeBy(MAIN, start, 1, -1000, 1000)[2]!.size).toBe(roomFor);
  });

  it('collapses a collapsible pane dragged below half its minimum, and opens it when dragged out', () => {
    const start = initialStates(MAIN);
    const shut = resizeBy(MAIN, start, 0, -120, 1280);
    expect(shut[0]).toEqual({ size: 170, collapsed: true });
    const open = resizeBy(MAIN, shut, 0, 150, 1280);
    expect(open[0]).toEqual({ size: COLLAPSED_SIZE + 150, collapsed: false });
  });

  it('moves space between two fixed neighbours, within both their limits', () => {
    const dock: PaneSpec[] = [
      { id: 'a', label: 'A', min: 100, initial: 200 },
      { id: 'b', label: 'B', min: 100, initial: 200, max: 250 },
      { id: 'c', label: 'C', min: 100, initial: 0, flex: true },
    ];
    const start = initialStates(dock);
    const r = resizeBy(dock, start, 0, 60, 900);
    expect(r.slice(0, 2).map((s) => s.size)).toEqual([260, 140]);
    expect(
      resizeBy(dock, start, 0, 500, 900)
        .slice(0, 2)
        .map((s) => s.size),
    ).toEqual([300, 100]);
    // B takes at most 50 more.
    expect(
      resizeBy(dock, start, 0, -500, 900)
        .slice(0, 2)
        .map((s) => s.size),
    ).toEqual([150, 250]);
  });
});

describe('the separator’s keys', () => {
  it('moves by a step, a bigger one with Shift, and toggles on Enter', () => {
    expect(separatorKey('ArrowLeft', false, true)).toEqual({ delta: -10 });
    expect(separatorKey('ArrowRight', true, true)).toEqual({ delta: 50 });
    expect(separatorKey('ArrowUp', false, false)).toEqual({ delta: -10 });
    expect(separatorKey('ArrowUp', false, true)).toBeNull();
    expect(separatorKey('Enter', false, true)).toEqual({ toggle: true });
    expect(separatorKey('a', false, true)).toBeNull();
  });
});

describe('remembered sizes', () => {
  it('are kept per group and pane, and read back', () => {
    const storage = memory();
    const states = resizeBy(MAIN, toggleCollapsed(initialStates(MAIN), 2), 0, 33, 1280);
    saveStates('main', MAIN, states, storage);
    expect(JSON.parse(storage.saved.get('fedstudio.panels.main')!)).toEqual({
      palette: { size: 203, collapsed: false },
      inspector: { size: 300, collapsed: true },
    });
    expect(loadStates('main', MAIN, storage)).toEqual([
      { size: 203, collapsed: false },
      { size: 0, collapsed: false },
      { size: 300, collapsed: true },
    ]);
    expect(loadStates('other', MAIN, storage)).toEqual(initialStates(MAIN));
  });

  it('fall back to the initial sizes for what is broken or unknown', () => {
    const storage = memory();
    storage.setItem('fedstudio.panels.main', '{not json');
    expect(loadStates('main', MAIN, storage)).toEqual(initialStates(MAIN));
    storage.setItem(
      'fedstudio.panels.main',
      JSON.stringify({ palette: { size: 'wide' }, inspector: { size: 280, collapsed: 'yes' } }),
    );
    expect(loadStates('main', MAIN, storage)).toEqual([
      { size: 170, collapsed: false },
      { size: 0, collapsed: false },
      { size: 280, collapsed: false },
    ]);
    expect(loadStates('main', MAIN, undefined)).toEqual(initialStates(MAIN));
  });

  it('survive a storage that refuses to write', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveStates('main', MAIN, initialStates(MAIN), refusing)).not.toThrow();
  });
});
