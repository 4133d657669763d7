// Where the canvas's main thread spends a gesture: a CPU profile of one drag, one pan and one
// edit on the bench design, printed as the functions with the most self time and written as
// .cpuprofile files (open them in Chromium's DevTools). Build the renderer unminified first for
// readable names: `npx vite build --minify false`.
// Size: FEDSTUDIO_BENCH_SIZES (first one; default 1000). Output: FEDSTUDIO_PROFILE_DIR
// (default test-results/canvas-profile).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumPath } from '../e2e/support/browser.ts';
import { drag, edit, openDesign, pan, zoomToWork } from './canvas-page.ts';
import { hotFunctions, type Profile } from './cpu-profile.ts';

async function profiled(page: Page, name: string, dir: string, gesture: () => Promise<unknown>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const result = await gesture();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  process.stdout.write(
    `== ${name}: ${JSON.stringify(result)}\n${hotFunctions(profile).join('\n')}\n`,
  );
}

const executablePath = chromiumPath();
if (!executablePath) {
  process.stdout.write('canvas profile skipped: no Chromium\n');
  process.exit(0);
}
const size = Number((process.env.FEDSTUDIO_BENCH_SIZES ?? '1000').split(',')[0]);
const dir = process.env.FEDSTUDIO_PROFILE_DIR ?? 'test-results/canvas-profile';
mkdirSync(dir, { recursive: true });
const opened = await openDesign(size, executablePath);
try {
  process.stdout.write(`first render ${opened.firstRenderMs} ms\n`);
  await zoomToWork(opened.page);
  await profiled(opened.page, 'drag', dir, () => drag(opened.page));
  await profiled(opened.page, 'pan', dir, () => pan(opened.page));
  await profiled(opened.page, 'edit', dir, () => edit(opened.page));
} finally {
  await opened.close();
}
