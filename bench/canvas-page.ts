// The canvas bench's page side: the design, the gestures a user makes and what they cost.
// Page scripts are passed as text: tsx's helpers (e.g. __name) do not exist in the page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { serializeTopology } from '../shared/model/serialize.ts';
import { CHROMIUM_ARGS } from '../e2e/support/browser.ts';
import { startWebHostProcess } from '../e2e/support/web-host.ts';
import { bigFederation, withGridPositions } from './designs.ts';
import { frameStats, type FrameStats } from './frame-stats.ts';

/** dcs x 10 Prometheus servers with 9 target groups each, plus a global and an Alertmanager. */
export const designOf = (size: number) =>
  withGridPositions(bigFederation(Math.max(1, Math.round((size - 2) / 100)), 10, 9));

// Each start is a new generation, so that the loop of an earlier gesture stops for good.
const START_FRAMES = `(() => {
  window.__frames = [];
  const gen = (window.__gen = (window.__gen || 0) + 1);
  const tick = (t) => { if (window.__gen !== gen) return; window.__frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__gen++; return window.__frames; })()`;

export async function measureFrames(page: Page, gesture: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(START_FRAMES);
  await gesture();
  return frameStats(await page.evaluate<number[]>(STOP_FRAMES));
}

/** A Prometheus node of the bench design that is on screen, and its box. */
export async function visiblePrometheus(page: Page): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate<{ id: string; x: number; y: number } | null>(`(() => {
    const pane = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const id = el.getAttribute('data-id');
      if (!/^dc\\d+-p\\d+$/.test(id)) continue;
      const b = el.getBoundingClientRect();
      if (b.left > pane.left + 8 && b.top > pane.top + 8 &&
          b.right < pane.right - 200 && b.bottom < pane.bottom - 120)
        return { id, x: b.left + b.width / 2, y: b.top + Math.min(12, b.height / 2) };
    }
    return null;
  })()`);
  if (!found) {
    await screenshotFailure(page);
    throw new Error('no Prometheus node on screen to drag');
  }
  return found;
}

/** Zooms in on a Prometheus node until nodes are drawn at a working size, as a user would. */
export async function zoomToWork(page: Page): Promise<void> {
  // The Prometheus node nearest the canvas's centre, so that it stays on screen as we zoom.
  const id = await page.evaluate<string | null>(`(() => {
    const r = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    let best = null, bestD = Infinity;
    for (const e of document.querySelectorAll('.react-flow__node')) {
      if (!/^dc\\d+-p\\d+$/.test(e.getAttribute('data-id'))) continue;
      const b = e.getBoundingClientRect();
      const d = Math.hypot(b.left + b.width / 2 - cx, b.top + b.height / 2 - cy);
      if (d < bestD) { bestD = d; best = e.getAttribute('data-id'); }
    }
    return best;
  })()`);
  if (!id) throw new Error('no Prometheus node in the design');
  const node = page.locator(`.react-flow__node[data-id="${id}"]`);
  for (let i = 0; i < 60; i++) {
    const box = await node.boundingBox();
    if (!box) throw new Error(`${id} is not on screen`);
    if (box.width >= 150) return;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(30);
  }
  throw new Error('could not zoom in to a working size');
}

/** A point of the canvas where nothing but the empty pane is. */
export async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const r = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
    for (let y = r.top + 30; y < r.bottom - 30; y += 17)
      for (let x = r.left + 30; x < r.right - 30; x += 23) {
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    return null;
  })()`);
  if (!p) throw new Error('no empty point of the canvas to pan from');
  return p;
}

/** Polls a page expression until it is true (the app's CSP forbids waitForFunction's eval). */
export async function waitUntil(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(25);
  }
}

const nodeTransform = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"]`).getAttribute('style');

export async function drag(page: Page): Promise<FrameStats> {
  const node = await visiblePrometheus(page);
  const before = await nodeTransform(page, node.id);
  let midway: string | null = null;
  // There and back, so that the node ends where it was and lands on no other.
  const stats = await measureFrames(page, async () => {
    await page.mouse.move(node.x, node.y);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(node.x + i * 4, node.y + i * 2);
    midway = await nodeTransform(page, node.id);
    for (let i = 29; i >= 0; i--) await page.mouse.move(node.x + i * 4, node.y + i * 2);
    await page.mouse.up();
  });
  if (before === midway) throw new Error(`dragging ${node.id} did not move it`);
  return stats;
}

export async function pan(page: Page): Promise<FrameStats> {
  const p = await emptyPoint(page);
  // There and back, so that every round starts from the same viewport.
  return measureFrames(page, async () => {
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) await page.mouse.move(p.x + i * 6, p.y + i * 3);
    for (let i = 29; i >= 0; i--) await page.mouse.move(p.x + i * 6, p.y + i * 3);
    await page.mouse.up();
  });
}

export async function zoom(page: Page): Promise<FrameStats> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  // Out and back in, so that every round starts from the same viewport.
  return measureFrames(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (const dir of [1, -1])
      for (let i = 0; i < 10; i++) {
        await page.mouse.wheel(0, dir * 60);
        await page.waitForTimeout(16);
      }
  });
}

export interface EditLatency {
  problemsMs: number;
  previewMs: number;
  longestTaskMs: number;
}

const FINDINGS = '[data-testid="finding"][data-rule="scrape-interval-long"]';

/** Sets a server's scrape interval to a value that raises a finding, times what follows, undoes it. */
export async function edit(page: Page): Promise<EditLatency> {
  const node = await visiblePrometheus(page);
  await page
    .locator(`.react-flow__node[data-id="${node.id}"]`)
    .click({ position: { x: 24, y: 10 } });
  const field = page.getByTestId('field-scrapeInterval');
  await field.waitFor();
  const before = await page.locator(FINDINGS).count();
  await field.fill('11m');
  await page.evaluate(`(() => {
    window.__edit = { t0: 0, problems: 0, preview: 0, tasks: [] };
    const e = window.__edit;
    document.addEventListener('keydown', (k) => { if (k.key === 'Enter' && !e.t0) e.t0 = performance.now(); },
      { capture: true, once: true });
    new PerformanceObserver((l) => { for (const t of l.getEntries()) e.tasks.push([t.startTime, t.duration]); })
      .observe({ type: 'longtask' });
    const check = () => {
      if (!e.t0) return;
      if (!e.problems && document.querySelectorAll('${FINDINGS}').length > ${before}) e.problems = performance.now();
      const updating = document.querySelector('[data-testid="preview"] .updating');
      if (e.problems && !e.preview && !updating) e.preview = performance.now();
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await field.press('Enter');
  await waitUntil(page, 'window.__edit.problems > 0 && window.__edit.preview > 0');
  await page.waitForTimeout(500); // let the tasks the edit set off finish and be observed
  const r = await page.evaluate<{
    t0: number;
    problems: number;
    preview: number;
    tasks: number[][];
  }>('window.__edit');
  // Back as it was, so that the next round starts from the same design.
  await field.fill('15s');
  await field.press('Enter');
  await waitUntil(page, `document.querySelectorAll('${FINDINGS}').length === ${before}`);
  const after = r.tasks.filter(([start]) => (start ?? 0) >= r.t0 - 1);
  return {
    problemsMs: Math.round(r.problems - r.t0),
    previewMs: Math.round(r.preview - r.t0),
    longestTaskMs: Math.round(Math.max(0, ...after.map(([, d]) => d ?? 0))),
  };
}

export interface OpenDesign {
  page: Page;
  nodes: number;
  edges: number;
  firstRenderMs: number;
  close: () => Promise<void>;
}

/** Serves the bench design of `size` nodes and opens it in Chromium, timing its first render. */
export async function openDesign(size: number, executablePath: string): Promise<OpenDesign> {
  const design = designOf(size);
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-bench-'));
  const file = path.join(dir, 'big.topology.yaml');
  writeFileSync(file, serializeTopology(design));
  const host = await startWebHostProcess([file], { FEDSTUDIO_STATE_DIR: path.join(dir, '.state') });
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const t0 = Date.now();
    await page.goto(host.url);
    await waitUntil(
      page,
      `document.querySelectorAll('.react-flow__node').length >= ${Math.min(design.nodes.length, 50)}`,
      180_000,
    );
    await waitUntil(page, 'document.documentElement.dataset.sessionReady === "true"');
    const firstRenderMs = Date.now() - t0;
    return {
      page,
      nodes: design.nodes.length,
      edges: design.edges?.length ?? 0,
      firstRenderMs,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Saves a screenshot of a failed run for whoever reads the log. */
export async function screenshotFailure(page: Page): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/canvas-bench-failure.png' });
}
