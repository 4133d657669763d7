// Opens a 1,000-node design in Chromium through the web host, and measures the time to first
// render and the frame times while a node is dragged.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { serializeTopology } from '../shared/model/serialize.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/browser.ts';
import { startWebHostProcess } from '../e2e/support/web-host.ts';
import { bigFederation, withGridPositions } from './designs.ts';

const executablePath = chromiumPath();
if (!executablePath) {
  process.stdout.write(
    'canvas benchmark skipped: no Chromium (apt-get install chromium or set FEDSTUDIO_CHROMIUM)\n',
  );
  process.exit(0);
}

const design = withGridPositions(bigFederation(10, 10, 9)); // 1,002 nodes
const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-bench-'));
const file = path.join(dir, 'big.topology.yaml');
writeFileSync(file, serializeTopology(design));
const host = await startWebHostProcess([file], { FEDSTUDIO_STATE_DIR: path.join(dir, '.state') });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  const url = host.url;
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length >= n,
    design.nodes.length,
    { timeout: 120_000 },
  );
  const firstRender = Date.now() - t0;

  const node = page.locator('.react-flow__node').first();
  const box = await node.boundingBox();
  if (!box) throw new Error('no node to drag');
  // Passed as text: tsx's helpers (e.g. __name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++)
    await page.mouse.move(box.x + box.width / 2 + i * 4, box.y + 10 + i * 2);
  await page.mouse.up();
  const frames = await page.evaluate<number[]>(`(() => {
    window.__stop = true;
    return window.__frames;
  })()`);
  const deltas = frames
    .slice(1)
    .map((t, i) => t - (frames[i] ?? t))
    .sort((a, b) => a - b);
  const pick = (q: number) =>
    Math.round((deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))] ?? 0) * 10) / 10;
  const result = {
    nodes: design.nodes.length,
    edges: design.edges?.length ?? 0,
    firstRenderMs: firstRender,
    dragFrames: deltas.length,
    frameMsMedian: pick(0.5),
    frameMsP95: pick(0.95),
    frameMsMax: pick(1),
  };
  process.stdout.write(
    `canvas: ${result.nodes} nodes, ${result.edges} edges: first render ${result.firstRenderMs} ms; ` +
      `drag frames median ${result.frameMsMedian} ms, p95 ${result.frameMsP95} ms, max ${result.frameMsMax} ms (${result.dragFrames} frames)\n`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/canvas.json',
    JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2) + '\n',
  );
} finally {
  await browser.close();
  host.stop();
  rmSync(dir, { recursive: true, force: true });
}
