// Mutated templates through `fedstudio validate` and `export`: whatever the bytes, the CLI answers
// 0, 1 or 2, never with a stack trace, and every design error names file:line:column.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fedstudio, ROOT } from '../test-support/cli.ts';
import { normalizeText } from '../shared/model/yaml-text.ts';
import { mutate, prng } from './design-mutations.ts';
import { runCli, type CliResult } from './in-process.ts';

/** FEDSTUDIO_FUZZ_SEED and _CASES explore further; the defaults keep CI deterministic and quick. */
const SEED = Number(process.env.FEDSTUDIO_FUZZ_SEED ?? 20261203);
const CASES_PER_TEMPLATE = Number(process.env.FEDSTUDIO_FUZZ_CASES ?? 40);
/** Every EXPORT_EVERY-th case also goes through `export --out`. */
const EXPORT_EVERY = 4;
/** Cases also run through the real `bin/fedstudio.mjs`, to prove the in-process path is the same. */
const SPAWNED = 10;

const work = mkdtempSync(path.join(tmpdir(), 'fedstudio-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const templates = readdirSync(path.join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.topology.yaml'))
  .sort();

const started = performance.now();
const counts = { cases: 0, runs: 0, exit: { 0: 0, 1: 0, 2: 0 } as Record<number, number> };

const STACK = [
  /^\s+at \S.*:\d+:\d+\)?$/m,
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|YAMLException)\b/,
  /^Error: /m,
  /internal error/,
];

function check(file: string, bytes: Uint8Array, r: CliResult, what: string): void {
  expect([0, 1, 2], `${what}: exit ${r.exitCode}\n${r.stderr}`).toContain(r.exitCode);
  for (const s of STACK) expect(r.stdout + r.stderr, what).not.toMatch(s);
  counts.runs++;
  counts.exit[r.exitCode]!++;
  if (r.exitCode !== 2) return;
  const lines = normalizeText(Buffer.from(bytes).toString('utf8')).split('\n');
  const errors = r.stderr
    .split('\n')
    .filter((l) => l !== '' && l !== `fedstudio: ${file} is not a usable design:`);
  expect(errors.length, `${what}: exit 2 without a reason`).toBeGreaterThan(0);
  for (const line of errors) {
    expect(line.startsWith(`${file}:`), `${what}: ${line}`).toBe(true);
    const m = /^:(\d+):(\d+): \S/.exec(line.slice(file.length));
    expect(m, `${what}: no :line:column in ${line}`).not.toBeNull();
    const [, l, c] = m!.map(Number);
    expect(l, `${what}: ${line}`).toBeGreaterThanOrEqual(1);
    expect(l, `${what}: ${line} is past the end`).toBeLessThanOrEqual(lines.length);
    expect(c, `${what}: ${line}`).toBeGreaterThanOrEqual(1);
    expect(c, `${what}: ${line} is past its line`).toBeLessThanOrEqual(
      (lines[l! - 1] ?? '').length + 1,
    );
  }
}

describe('fedstudio on mutated templates', () => {
  const rand = prng(SEED);
  for (const [t, name] of templates.entries()) {
    it(`never crashes on ${name}`, { timeout: 60_000 }, async () => {
      const original = readFileSync(path.join(ROOT, 'templates', name), 'utf8');
      for (let i = 0; i < CASES_PER_TEMPLATE; i++) {
        const id = t * CASES_PER_TEMPLATE + i;
        const { steps, bytes } = mutate(rand, original);
        const what = `seed ${SEED} case ${id} (${name}: ${steps.join('; ')})`;
        const file = path.join(work, `case-${id}.topology.yaml`);
        writeFileSync(file, bytes);
        counts.cases++;
        const validated = await runCli(['validate', file]);
        check(file, bytes, validated, `${what} validate`);
        if (id % EXPORT_EVERY === 0) {
          const out = path.join(work, `out-${id}`);
          const exported = await runCli(['export', file, '--out', out]);
          check(file, bytes, exported, `${what} export`);
          rmSync(out, { recursive: true, force: true });
        }
      }
    });
  }

  it('answers the same when spawned as the real CLI', { timeout: 60_000 }, async () => {
    const r = prng(SEED + 1);
    for (let i = 0; i < SPAWNED; i++) {
      const name = templates[i % templates.length]!;
      const { steps, bytes } = mutate(r, readFileSync(path.join(ROOT, 'templates', name), 'utf8'));
      const file = path.join(work, `spawned-${i}.topology.yaml`);
      writeFileSync(file, bytes);
      const argv =
        i % 5 === 4
          ? ['export', file, '--out', path.join(work, `spawned-out-${i}`)]
          : ['validate', file];
      const inProcess = await runCli(argv);
      rmSync(path.join(work, `spawned-out-${i}`), { recursive: true, force: true });
      const real = fedstudio(argv);
      const what = `seed ${SEED + 1} spawned case ${i} (${name}: ${steps.join('; ')}) ${argv[0]}`;
      expect({ exitCode: real.code, stdout: real.stdout, stderr: real.stderr }, what).toEqual(
        inProcess,
      );
    }
  });

  afterAll(() => {
    console.log(
      `design fuzz (seed ${SEED}): ${counts.cases} cases, ${counts.runs} runs ` +
        `(validate + sampled export): exit 0: ${counts.exit[0]}, exit 1: ${counts.exit[1]}, exit 2: ${counts.exit[2]}; ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
