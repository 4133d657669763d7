// Pieces of the lab benchmark (bench/lab.ts): images both sides can run, the exported compose
// stack of a design, and the one readiness wait both are measured with.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileTree } from '../host/disk/file-tree.ts';
import { activeTargets } from '../host/lab/probe.ts';
import { hostPortsByService } from '../shared/generate/compose.ts';
import { generateExport } from '../shared/generate/index.ts';
import type { LabEdge } from '../shared/lab/types.ts';
import type { Topology } from '../shared/model/schema.ts';

/**
 * The exported compose file checks health with `wget` inside the container and renders the
 * Alertmanager webhook secret with `/bin/sh`: the test images (FROM scratch) have neither. These
 * variants add a static busybox, and both sides of the benchmark run them, so only the launchers
 * differ.
 */
export const BENCH_IMAGES = {
  prometheus: 'fedstudio-bench/prometheus:busybox',
  alertmanager: 'fedstudio-bench/alertmanager:busybox',
  'node-exporter': 'fedstudio-bench/node-exporter:busybox',
} as const;

export function run(cmd: string, args: string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

export function buildBenchImages(): void {
  if (!existsSync('/bin/busybox')) {
    throw new Error('bench/lab.ts needs /bin/busybox: apt-get install -y busybox-static');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-bench-img-'));
  try {
    for (const [key, tag] of Object.entries(BENCH_IMAGES)) {
      const ctx = path.join(dir, key);
      mkdirSync(ctx);
      run('cp', ['/bin/busybox', path.join(ctx, 'busybox')]);
      writeFileSync(
        path.join(ctx, 'Dockerfile'),
        [
          `FROM fedstudio-test/${key}:local`,
          'COPY busybox /bin/busybox',
          'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
          '',
        ].join('\n'),
      );
      run('docker', ['build', '-q', '-t', tag, ctx]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ComposeStack {
  dir: string;
  /** Host port of each Prometheus instance's web port. */
  ports: Map<string, number>;
}

/** Writes the export of the design (with the bench images in `images:`) to a temporary folder. */
export async function writeComposeStack(t: Topology): Promise<ComposeStack> {
  const withImages: Topology = { ...t, images: { ...(t.images ?? {}), ...BENCH_IMAGES } };
  const exported = generateExport(withImages);
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-bench-compose-'));
  await writeFileTree(dir, exported.files);
  const secrets = [...new Set(exported.services.flatMap((s) => s.secrets ?? []))];
  mkdirSync(path.join(dir, 'secrets'), { recursive: true });
  for (const s of secrets) writeFileSync(path.join(dir, 'secrets', s), `http://127.0.0.1:9/${s}`);
  const ports = new Map<string, number>();
  for (const [service, list] of hostPortsByService(exported.services)) {
    const web = list.find((p) => p.container === 9090);
    if (web) ports.set(service, web.host);
  }
  return { dir, ports };
}

/** The readiness wait both sides get: every edge's job has targets, all up, on every scraper. */
export async function waitEdgesUp(
  edges: LabEdge[],
  portOf: (instance: string) => number | undefined,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let allUp = true;
    for (const e of edges) {
      let up = 0;
      let down = 0;
      for (const scraper of e.scrapers) {
        const port = portOf(scraper);
        const targets = port === undefined ? [] : await activeTargets(port).catch(() => []);
        for (const t of targets.filter((x) => x.scrapePool === e.job)) {
          if (t.health === 'up') up++;
          else down++;
        }
        if (port === undefined || targets.length === 0) down++;
      }
      if (up === 0 || down > 0) allUp = false;
    }
    if (allUp) return;
    if (Date.now() >= deadline) throw new Error(`edges not up within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
