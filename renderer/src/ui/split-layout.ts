// The arithmetic of a split pane, apart from the DOM: which size each pane is drawn at, how a
// separator drag or key changes them, and how they are remembered. Sizes are pixels along the
// group's direction; exactly one pane of a group is the flexible one and takes what is left.

export interface PaneSpec {
  id: string;
  /** Said by the separator and by the strip of a collapsed pane. */
  label: string;
  min: number;
  /** The size before the user chose one; ignored for the flexible pane. */
  initial: number;
  max?: number;
  collapsible?: boolean;
  /** Takes the space the others leave (the canvas). */
  flex?: boolean;
}

export interface PaneState {
  size: number;
  collapsed: boolean;
}

/** A collapsed pane keeps a strip this wide, with a button that opens it again. */
export const COLLAPSED_SIZE = 26;
export const SEPARATOR_SIZE = 5;
/** Keyboard steps on a separator: an arrow, and Shift with an arrow. */
const KEY_STEP = 10;
const BIG_KEY_STEP = 50;

/** The element at `i`, which the caller knows is there (a pane and its state go together). */
export function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`no pane at ${i} of ${xs.length}`);
  return x;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

export function initialStates(panes: readonly PaneSpec[]): PaneState[] {
  return panes.map((p) => ({ size: p.initial, collapsed: false }));
}

function drawnFixed(p: PaneSpec, s: PaneState): number {
  return s.collapsed ? COLLAPSED_SIZE : clamp(s.size, p.min, p.max ?? Infinity);
}

/**
 * The size each pane is drawn at in a group `total` pixels long. When the window is too small
 * for the chosen sizes, the fixed panes give up space (down to their minimums, each in
 * proportion to what it has above its minimum) so the flexible pane keeps its own minimum.
 */
export function drawnSizes(
  panes: readonly PaneSpec[],
  states: readonly PaneState[],
  total: number,
): number[] {
  const sizes = panes.map((p, i) => (p.flex ? 0 : drawnFixed(p, at(states, i))));
  const flexAt = panes.findIndex((p) => p.flex);
  const seps = SEPARATOR_SIZE * (panes.length - 1);
  const used = sizes.reduce((a, b) => a + b, 0) + seps;
  const flexMin = flexAt >= 0 ? at(panes, flexAt).min : 0;
  const deficit = used + flexMin - total;
  if (deficit > 0) {
    const slack = panes.map((p, i) =>
      p.flex || at(states, i).collapsed ? 0 : Math.max(0, at(sizes, i) - p.min),
    );
    const slackSum = slack.reduce((a, b) => a + b, 0);
    if (slackSum > 0) {
      const give = Math.min(deficit, slackSum);
      for (let i = 0; i < sizes.length; i++)
        sizes[i] = at(sizes, i) - (give * at(slack, i)) / slackSum;
    }
  }
  if (flexAt >= 0) {
    const rest = total - seps - sizes.reduce((a, b) => a + b, 0);
    sizes[flexAt] = Math.max(flexMin, rest);
  }
  return sizes.map((s) => Math.round(s));
}

/** The pane a separator sizes: the fixed one next to it (the one before it when both are). */
export function sizedPane(panes: readonly PaneSpec[], separator: number): number {
  return at(panes, separator).flex ? separator + 1 : separator;
}

/** The largest size pane `i` may take in a group `total` long, keeping the others' minimums. */
export function maxSize(
  panes: readonly PaneSpec[],
  states: readonly PaneState[],
  i: number,
  total: number,
): number {
  const seps = SEPARATOR_SIZE * (panes.length - 1);
  let others = 0;
  panes.forEach((p, j) => {
    if (j === i) return;
    // The flexible pane gives up what it has above its minimum.
    if (p.flex) others += at(states, j).collapsed ? COLLAPSED_SIZE : p.min;
    else others += drawnFixed(p, at(states, j));
  });
  return Math.min(at(panes, i).max ?? Infinity, total - seps - others);
}

/**
 * The states after moving separator `separator` by `delta` pixels (right or down is positive),
 * from the states at the start of the drag. A collapsible pane dragged below half its minimum
 * collapses; a collapsed pane dragged open opens.
 */
export function resizeBy(
  panes: readonly PaneSpec[],
  start: readonly PaneState[],
  separator: number,
  delta: number,
  total: number,
): PaneState[] {
  const next = start.map((s) => ({ ...s }));
  const a = separator;
  const b = separator + 1;
  const i = sizedPane(panes, separator);
  // Both fixed: the space moves between them.
  const partner = !at(panes, a).flex && !at(panes, b).flex ? b : undefined;
  const from = at(next, i).collapsed ? COLLAPSED_SIZE : drawnFixed(at(panes, i), at(next, i));
  const wanted = from + (i === a ? delta : -delta);
  const p = at(panes, i);
  if (p.collapsible && wanted < p.min / 2) {
    next[i] = { size: at(start, i).size, collapsed: true };
  } else if (partner === undefined) {
    next[i] = { size: clamp(wanted, p.min, maxSize(panes, next, i, total)), collapsed: false };
  } else {
    // The partner gives what it has above its minimum, and takes up to its maximum.
    const q = at(panes, partner);
    const was = drawnFixed(q, at(start, partner));
    const lo = Math.max(p.min, from - ((q.max ?? Infinity) - was));
    const hi = Math.min(p.max ?? Infinity, from + was - q.min);
    const size = clamp(wanted, lo, hi);
    next[i] = { size, collapsed: false };
    next[partner] = { size: was - (size - from), collapsed: false };
  }
  return next;
}

export function toggleCollapsed(states: readonly PaneState[], i: number): PaneState[] {
  return states.map((s, j) => (j === i ? { ...s, collapsed: !s.collapsed } : s));
}

/** What a separator does with a key: a delta in pixels, a toggle, or nothing. */
export function separatorKey(
  key: string,
  shift: boolean,
  horizontal: boolean,
): { delta: number } | { toggle: true } | null {
  const step = shift ? BIG_KEY_STEP : KEY_STEP;
  const back = horizontal ? 'ArrowLeft' : 'ArrowUp';
  const forward = horizontal ? 'ArrowRight' : 'ArrowDown';
  if (key === back) return { delta: -step };
  if (key === forward) return { delta: step };
  if (key === 'Enter') return { toggle: true };
  return null;
}

// Remembered per group in this user's local storage (the browser profile, or Electron's).

/** localStorage where there is one (not in Node, nor where the browser denies it). */
function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
const STORAGE_PREFIX = 'fedstudio.panels.';

interface Storage {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

/** The remembered states, each checked: an unknown or broken entry falls back to the initial. */
export function loadStates(
  group: string,
  panes: readonly PaneSpec[],
  storage: Storage | undefined = browserStorage(),
): PaneState[] {
  const fallback = initialStates(panes);
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(STORAGE_PREFIX + group) ?? 'null');
  } catch {
    return fallback;
  }
  if (typeof saved !== 'object' || saved === null) return fallback;
  return panes.map((p, i) => {
    const s = (saved as Record<string, unknown>)[p.id] as Partial<PaneState> | undefined;
    if (typeof s?.size !== 'number' || !Number.isFinite(s.size)) return at(fallback, i);
    return { size: s.size, collapsed: s.collapsed === true && p.collapsible === true };
  });
}

export function saveStates(
  group: string,
  panes: readonly PaneSpec[],
  states: readonly PaneState[],
  storage: Storage | undefined = browserStorage(),
): void {
  const out: Record<string, PaneState> = {};
  panes.forEach((p, i) => {
    if (!p.flex)
      out[p.id] = { size: Math.round(at(states, i).size), collapsed: at(states, i).collapsed };
  });
  try {
    storage?.setItem(STORAGE_PREFIX + group, JSON.stringify(out));
  } catch {
    // Storage full or refused (a private window): sizes are then forgotten, nothing else breaks.
  }
}
