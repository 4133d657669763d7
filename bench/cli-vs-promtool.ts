// The CLI beside Prometheus's own tool, in the same run, runs interleaved (these machines are
// noisy): `fedstudio validate` of a 10,000-node design with 10,000 distinct PromQL expressions
// against `promtool check rules` on the rule files its export writes; `fedstudio export` of the
// 1,000-server design against `promtool check config` on the prometheus.yml files it writes; and
// `fedstudio --version` against `promtool --version`. Results: stdout, bench/results/cli-vs-promtool.json.
// Knobs: FEDSTUDIO_BENCH_REPEATS (default 5); FEDSTUDIO_BENCH_BASELINE, the bin/fedstudio.mjs of
// another build (an older checkout), measured in the same rounds as a third side.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeTopology } from '../shared/model/serialize.ts';
import { bigFederation, withDistinctRules } from './designs.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin', 'fedstudio.mjs');
const REPEATS = Math.max(1, Number(process.env.FEDSTUDIO_BENCH_REPEATS ?? 5));
const BASELINE = process.env.FEDSTUDIO_BENCH_BASELINE
  ? path.resolve(process.env.FEDSTUDIO_BENCH_BASELINE)
  : undefined;

if (spawnSync('promtool', ['--version']).error) {
  process.stdout.write('cli-vs-promtool skipped: no promtool (apt-get install prometheus)\n');
  process.exit(0);
}

/** Runs a command once; its wall time in ms. It must exit with one of `ok` codes. */
function timed(cmd: string, args: string[], ok: number[] = [0]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status === null || !ok.includes(r.status))
    throw new Error(`${cmd} ${args.slice(0, 3).join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

interface Side {
  medianMs: number;
  minMs: number;
}
interface Pair {
  name: string;
  ours: Side;
  theirs: Side;
  /** Our median over theirs. */
  ratio: number;
  detail: string;
  /** The baseline build, when one was given: its side and its median over theirs. */
  baseline?: Side & { ratio: number };
}

const stats = (times: number[]): Side => {
  const s = [...times].sort((a, b) => a - b);
  return {
    medianMs: Math.round(s[Math.floor(s.length / 2)] ?? 0),
    minMs: Math.round(s[0] ?? 0),
  };
};

const ratioOf = (a: Side, b: Side) => Math.round((a.medianMs / b.medianMs) * 100) / 100;

/** Both sides (and the baseline's), alternating, after one warm-up each. */
function pair(
  name: string,
  ours: (cli: string) => number,
  theirs: () => number,
  detail: string,
): Pair {
  const sides = [() => ours(CLI), theirs, ...(BASELINE ? [() => ours(BASELINE)] : [])];
  sides.forEach((run) => run());
  const times: number[][] = sides.map(() => []);
  for (let i = 0; i < REPEATS; i++) sides.forEach((run, k) => times[k]?.push(run()));
  const [o, t, b] = times.map(stats);
  if (!o || !t) throw new Error('no measurements');
  return {
    name,
    ours: o,
    theirs: t,
    ratio: ratioOf(o, t),
    detail,
    ...(b ? { baseline: { ...b, ratio: ratioOf(b, t) } } : {}),
  };
}

function filesNamed(dir: string, test: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && test(e.name)) out.push(path.join(e.parentPath, e.name));
  return out.sort();
}

const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-bench-cli-'));
try {
  // 1,000 servers with ten distinct recording rules each: 10,002 nodes, 10,000+ expressions.
  const rulesDesign = path.join(dir, 'rules.topology.yaml');
  writeFileSync(rulesDesign, serializeTopology(withDistinctRules(bigFederation(100, 10, 9), 10)));
  const rulesOut = path.join(dir, 'rules-export');
  timed(process.execPath, [CLI, 'export', rulesDesign, '--out', rulesOut]);
  const ruleFiles = filesNamed(
    rulesOut,
    (n) => n.endsWith('.yml') && !n.startsWith('prometheus'),
  ).filter((f) => f.includes(`${path.sep}rules${path.sep}`));

  // The core benchmark's design: 1,000 servers, 10,000 target groups.
  const bigDesign = path.join(dir, 'big.topology.yaml');
  writeFileSync(bigDesign, serializeTopology(bigFederation(100, 10, 10)));
  const bigOut = path.join(dir, 'big-export');
  let n = 0;
  const exportOnce = (cli: string) => {
    // A new folder each time: a first export, as CI would make it.
    return timed(process.execPath, [cli, 'export', bigDesign, '--out', `${bigOut}-${n++}`]);
  };
  exportOnce(CLI);
  const configs = filesNamed(`${bigOut}-0`, (f) => f === 'prometheus.yml');

  const pairs = [
    pair(
      'validate 10k-expression design / promtool check rules on its rule files',
      (cli) => timed(process.execPath, [cli, 'validate', rulesDesign], [0, 1]),
      () => timed('promtool', ['check', 'rules', ...ruleFiles]),
      `${ruleFiles.length} rule files`,
    ),
    pair(
      'export 1,000 servers / promtool check config on its prometheus.yml files',
      exportOnce,
      () => timed('promtool', ['check', 'config', ...configs]),
      `${configs.length} prometheus.yml files`,
    ),
    pair(
      'fedstudio --version / promtool --version',
      (cli) => timed(process.execPath, [cli, '--version']),
      () => timed('promtool', ['--version']),
      '',
    ),
  ];
  for (const p of pairs)
    process.stdout.write(
      `${p.name}: ${p.ratio}x (ours median ${p.ours.medianMs} ms, min ${p.ours.minMs}; ` +
        `promtool median ${p.theirs.medianMs} ms, min ${p.theirs.minMs}; ${REPEATS} runs each)` +
        (p.detail ? ` ${p.detail}` : '') +
        (p.baseline
          ? `; baseline ${p.baseline.ratio}x (median ${p.baseline.medianMs} ms, min ${p.baseline.minMs})`
          : '') +
        '\n',
    );
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(ROOT, 'bench', 'results', 'cli-vs-promtool.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        repeats: REPEATS,
        ...(BASELINE ? { baseline: BASELINE } : {}),
        pairs,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
