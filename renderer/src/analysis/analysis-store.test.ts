import { afterEach, describe, expect, it } from 'vitest';
import { addNode, type XY } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { createDesignStore } from '../store/design-store.ts';
import { createAnalysis, type Analysis } from './analysis-store.ts';

const add = (kind: 'prometheus' | 'targets', at: XY) => ({
  label: `add ${kind}`,
  undoable: true,
  run: (t: Topology) => addNode(t, kind, at),
});

function setup() {
  const design = createDesignStore();
  let active = false;
  const listeners = new Set<() => void>();
  const gesture = {
    active: () => active,
    subscribe: (fn: () => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    set(a: boolean) {
      active = a;
      listeners.forEach((fn) => fn());
    },
  };
  const analysis = createAnalysis({ design, gesture, spawn: () => null });
  return { design, gesture, analysis, s: () => analysis.state.getState() };
}

let open: Analysis[] = [];
afterEach(() => {
  open.forEach((a) => a.dispose());
  open = [];
});

// The first job loads the validator and generators into this thread: slow on a busy machine.
const SLOW = { timeout: 30_000 };

describe('the analysis of the design', () => {
  it('validates each new revision and indexes its findings by id', async () => {
    const { design, analysis, s } = setup();
    open.push(analysis);
    await expect.poll(() => s().reportRevision, SLOW).toBe(design.getState().revision);
    design.getState().apply(add('prometheus', { x: 0, y: 0 }));
    const revision = design.getState().revision;
    await expect.poll(() => s().reportRevision, SLOW).toBe(revision);
    const id = design.getState().topology.nodes[0]!.id;
    const named = s().report.findings.filter((f) => f.nodes.includes(id));
    expect(named.length).toBeGreaterThan(0); // a Prometheus scraping nothing is a finding
    expect(s().findingsById.get(id)).toEqual(named);
    expect(s().capacityById.get(id)?.nodeId).toBe(id);
  });

  it('waits for a canvas gesture to end before validating', async () => {
    const { design, gesture, analysis, s } = setup();
    open.push(analysis);
    await expect.poll(() => s().reportRevision, SLOW).toBe(design.getState().revision);
    gesture.set(true);
    design.getState().apply(add('targets', { x: 0, y: 0 }));
    await new Promise((r) => setTimeout(r, 30));
    expect(s().reportRevision).not.toBe(design.getState().revision);
    gesture.set(false);
    await expect.poll(() => s().reportRevision, SLOW).toBe(design.getState().revision);
  });

  it('exports only while a view wants it, and follows the design after a pause', async () => {
    const { design, analysis, s } = setup();
    open.push(analysis);
    design.getState().apply(add('prometheus', { x: 0, y: 0 }));
    await new Promise((r) => setTimeout(r, 30));
    expect(s().exported).toBeNull();
    const bye = analysis.wantExport();
    await expect.poll(() => s().exportRevision, SLOW).toBe(design.getState().revision);
    const first = s().exported;
    expect(first && 'files' in first && Object.keys(first.files).length).toBeGreaterThan(0);
    design.getState().apply(add('targets', { x: 0, y: 200 }));
    await expect.poll(() => s().exportRevision, SLOW).toBe(design.getState().revision);
    bye();
    design.getState().apply(add('targets', { x: 0, y: 400 }));
    await new Promise((r) => setTimeout(r, 400));
    expect(s().exportRevision).not.toBe(design.getState().revision);
  });
});
