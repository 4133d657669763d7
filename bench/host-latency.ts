// How long a small host call (hostInfo) takes over HTTP while the web host exports a 10,000-node
// design, beside the same call on an idle host. The export runs in the host's design worker, so
// the two should be close; were it on the event loop, a call would wait the whole export.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { serializeTopology } from '../shared/model/serialize.ts';
import { startWebHostProcess } from '../e2e/support/web-host.ts';
import { bigFederation } from './designs.ts';

interface Latency {
  calls: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-bench-latency-'));
const host = await startWebHostProcess(['--workspace', dir], {
  FEDSTUDIO_STATE_DIR: path.join(dir, '.state'),
});
try {
  const url = new URL(host.url);
  const token = url.searchParams.get('token') ?? '';
  const call = async (method: string, args: unknown) => {
    const r = await fetch(new URL(`/api/${method}`, url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await r.json()) as { result?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${method}: ${body.error?.message ?? r.status}`);
    return body.result;
  };
  /** hostInfo round trips, 10 ms apart, until `until` says stop. */
  const sample = async (until: (n: number) => boolean): Promise<Latency> => {
    const times: number[] = [];
    while (!until(times.length)) {
      const t0 = performance.now();
      await call('hostInfo', {});
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
    return summary(times);
  };

  const design = bigFederation(100, 10, 10);
  const text = serializeTopology(design);
  // Warm up: the design worker starts, HTTP keeps its connection.
  await call('exportConfigs', { text: serializeTopology(bigFederation(1, 1, 1)), outDir: 'warm' });
  const idle = await sample((n) => n >= 200);

  let exporting = true;
  const t0 = performance.now();
  const exported = call('exportConfigs', { text, outDir: 'big' }).finally(() => {
    exporting = false;
  });
  const busy = await sample(() => !exporting);
  const result = (await exported) as { written: number };
  const exportMs = round(performance.now() - t0);

  const what = `${design.nodes.length} nodes, ${(text.length / 1e6).toFixed(1)} MB of YAML, ${result.written} files`;
  const row = (name: string, l: Latency) =>
    `${name.padEnd(26)} median ${fmt(l.medianMs)}  p95 ${fmt(l.p95Ms)}  max ${fmt(l.maxMs)}  (${l.calls} calls)\n`;
  // Other work on the machine shows in both rows: the load says how quiet it was.
  const load = round(loadavg()[0] ?? 0);
  process.stdout.write(
    `Node ${process.version}, ${new Date().toISOString()}, load ${load} on ${availableParallelism()} CPUs\n`,
  );
  process.stdout.write(`hostInfo over HTTP, idle host vs. during an export of ${what}:\n`);
  process.stdout.write(row('idle host', idle));
  process.stdout.write(row('during the export', busy));
  process.stdout.write(
    `the export took ${exportMs} ms (a call would wait that long on the event loop)\n`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/host-latency.json',
    JSON.stringify(
      {
        node: process.version,
        at: new Date().toISOString(),
        load,
        design: what,
        exportMs,
        idle,
        busy,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  host.stop();
  rmSync(dir, { recursive: true, force: true });
}

function summary(times: number[]): Latency {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { calls: s.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: round(s.at(-1) ?? 0) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function fmt(ms: number): string {
  return `${String(ms).padStart(7)} ms`;
}
