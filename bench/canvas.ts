// The canvas as a user meets it, in Chromium through the web host, at several design sizes:
// first render, then frame times while dragging a Prometheus node (checked to have moved), panning
// the empty canvas and zooming with the wheel, and the latency from an inspector edit to the
// problems panel and to the config preview, with the longest main-thread task that follows it.
// Sizes: FEDSTUDIO_BENCH_SIZES (default 100,500,1000,2000); repeats per gesture:
// FEDSTUDIO_BENCH_REPEATS (default 3). Results: stdout and FEDSTUDIO_BENCH_OUT (default
// bench/results/canvas.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath } from '../e2e/support/browser.ts';
import {
  drag,
  edit,
  openDesign,
  pan,
  screenshotFailure,
  zoom,
  zoomToWork,
  type EditLatency,
} from './canvas-page.ts';
import { summarize, type FrameStats } from './frame-stats.ts';

const executablePath = chromiumPath();
if (!executablePath) {
  process.stdout.write(
    'canvas benchmark skipped: no Chromium (apt-get install chromium or set FEDSTUDIO_CHROMIUM)\n',
  );
  process.exit(0);
}

const SIZES = (process.env.FEDSTUDIO_BENCH_SIZES ?? '100,500,1000,2000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const REPEATS = Math.max(1, Number(process.env.FEDSTUDIO_BENCH_REPEATS ?? 3));

async function benchSize(size: number, browserPath: string) {
  const { page, nodes, edges, firstRenderMs, close } = await openDesign(size, browserPath);
  try {
    await zoomToWork(page);
    const drags: FrameStats[] = [];
    const pans: FrameStats[] = [];
    const zooms: FrameStats[] = [];
    const edits: EditLatency[] = [];
    for (let r = 0; r < REPEATS; r++) {
      drags.push(await drag(page));
      pans.push(await pan(page));
      zooms.push(await zoom(page));
      edits.push(
        await edit(page).catch(async (e: unknown) => {
          await screenshotFailure(page);
          throw e;
        }),
      );
    }
    return {
      nodes,
      edges,
      firstRenderMs,
      frames: { drag: summarize(drags), pan: summarize(pans), zoom: summarize(zooms) },
      edit: {
        problemsMs: edits.map((e) => e.problemsMs),
        previewMs: edits.map((e) => e.previewMs),
        longestTaskMs: edits.map((e) => e.longestTaskMs),
      },
    };
  } finally {
    await close();
  }
}

const results = [];
for (const size of SIZES) {
  const r = await benchSize(size, executablePath);
  results.push(r);
  const f = (k: keyof typeof r.frames) => {
    const s = r.frames[k];
    return `${k} p50 ${s.medianMs} / p95 ${s.p95Ms} (min ${s.p95MinMs}) / max ${s.maxMs} ms`;
  };
  process.stdout.write(
    `canvas ${r.nodes} nodes, ${r.edges} edges: first render ${r.firstRenderMs} ms; ` +
      `${f('drag')}; ${f('pan')}; ${f('zoom')}; edit -> problems ${r.edit.problemsMs.join('/')} ms, ` +
      `-> preview ${r.edit.previewMs.join('/')} ms, longest task after edit ` +
      `${r.edit.longestTaskMs.join('/')} ms\n`,
  );
}
const out = process.env.FEDSTUDIO_BENCH_OUT ?? 'bench/results/canvas.json';
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify({ at: new Date().toISOString(), repeats: REPEATS, results }, null, 2) + '\n',
);
