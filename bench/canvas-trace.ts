// Where the canvas's main thread spends a pan frame, by the browser's own accounting (script,
// style, layout, paint...): a Chromium performance trace of one pan on the bench design, its
// main-thread events summed by name. Size: FEDSTUDIO_BENCH_SIZES (first; default 1000).
import { writeFileSync, mkdirSync } from 'node:fs';
import { chromiumPath } from '../e2e/support/browser.ts';
import { drag, openDesign, pan, zoomToWork } from './canvas-page.ts';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

const executablePath = chromiumPath();
if (!executablePath) process.exit(0);
const size = Number((process.env.FEDSTUDIO_BENCH_SIZES ?? '1000').split(',')[0]);
const opened = await openDesign(size, executablePath);
const { page } = opened;
try {
  await zoomToWork(page);
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  for (const [name, gesture] of [
    ['pan', pan],
    ['drag', drag],
  ] as const) {
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'],
    });
    const stats = await gesture(page);
    const buf = await browser.stopTracing();
    mkdirSync('test-results/canvas-profile', { recursive: true });
    writeFileSync(`test-results/canvas-profile/${name}.trace.json`, buf);
    const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const sums = new Map<string, number>();
    for (const e of events)
      if (main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X' && e.dur)
        sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    process.stdout.write(`== ${name} ${JSON.stringify(stats)}\n`);
    for (const [n, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25))
      process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${n}\n`);
  }
} finally {
  await opened.close();
}
