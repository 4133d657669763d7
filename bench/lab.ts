// `node --import tsx bench/lab.ts [FILE]`: seconds from `lab up` to every scrape and federate edge
// up, side by side in one run with `docker-compose up -d` on the exported compose file of the same
// design followed by the same readiness wait (aim: the lab at most 0.8 of compose).
// Needs a Docker engine, the test images (scripts/lab-test-images.sh), busybox-static and
// docker-compose. Cleans up both stacks whatever happens.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { down, status, up } from '../host/lab/index.ts';
import { imageEnvVar } from '../shared/kinds/index.ts';
import { planLab } from '../shared/lab/plan.ts';
import { parseTopology } from '../shared/design/parse.ts';
import {
  BENCH_IMAGES,
  buildBenchImages,
  run,
  waitEdgesUp,
  writeComposeStack,
} from './lab-support.ts';

const file = process.argv[2] ?? 'templates/dc-federation.topology.yaml';
const EDGES_TIMEOUT_MS = 180_000;
const parsed = parseTopology(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`);
const design = parsed.topology;
const overrides = Object.fromEntries(
  Object.entries(BENCH_IMAGES).map(([key, image]) => [
    imageEnvVar(key as keyof typeof BENCH_IMAGES),
    image,
  ]),
);
const plan = planLab(design, { imageOverrides: overrides });
const stateDir = mkdtempSync(path.join(tmpdir(), 'fedstudio-bench-lab-'));
const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function benchLab(): Promise<number> {
  const t0 = performance.now();
  try {
    await up(plan, { stateDir });
    const s = await status(plan.name, { stateDir });
    const ports = new Map(
      s.instances.filter((i) => i.url).map((i) => [i.name, Number(new URL(i.url ?? '').port)]),
    );
    await waitEdgesUp(plan.edges, (n) => ports.get(n), EDGES_TIMEOUT_MS);
    return performance.now() - t0;
  } finally {
    await down(plan.name, { volumes: true, stateDir });
  }
}

async function benchCompose(): Promise<number> {
  const stack = await writeComposeStack(design);
  const t0 = performance.now();
  try {
    run('docker-compose', ['up', '-d', '--quiet-pull'], stack.dir);
    await waitEdgesUp(plan.edges, (n) => stack.ports.get(n), EDGES_TIMEOUT_MS);
    return performance.now() - t0;
  } finally {
    run('docker-compose', ['down', '-v', '--remove-orphans'], stack.dir);
    rmSync(stack.dir, { recursive: true, force: true });
  }
}

try {
  buildBenchImages();
  const lab = await benchLab();
  const compose = await benchCompose();
  const ratio = Math.round((lab / compose) * 100) / 100;
  const result = {
    design: design.metadata.name,
    containers: plan.containers.length,
    edges: plan.edges.length,
    labUpToAllEdgesUpS: seconds(lab),
    composeUpToAllEdgesUpS: seconds(compose),
    ratio,
    aim: 0.8,
  };
  console.log(`design ${result.design}: ${result.containers} containers, ${result.edges} edges`);
  console.log(`lab up -> every edge up:            ${result.labUpToAllEdgesUpS}s`);
  console.log(`docker-compose up -d -> every edge up: ${result.composeUpToAllEdgesUpS}s`);
  console.log(`ratio lab / compose: ${ratio} (aim: at most 0.8)`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/lab.json', JSON.stringify(result, null, 2) + '\n');
} finally {
  rmSync(stateDir, { recursive: true, force: true });
}
