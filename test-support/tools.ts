// Real tools (promtool, amtool, docker-compose) judge the generated files. In CI a missing tool
// fails the test (CI installs them); on a laptop without them the test is skipped, saying why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileTree } from '../host/disk/file-tree.ts';
import type { FileTree } from '../shared/generate/types.ts';

export type RealTool =
  'promtool' | 'amtool' | 'docker-compose' | 'kubectl' | 'prometheus-blackbox-exporter';

export function hasTool(tool: RealTool): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Whether to skip tests that need `tool`. Throws in CI when it is missing, so a missing install
 * step is a failure and not a silent pass.
 */
export function skipWithoutTool(tool: RealTool): boolean {
  if (hasTool(tool)) return false;
  if (process.env.CI)
    throw new Error(`${tool} is required in CI (.ci/run installs it) but is not on PATH`);
  console.warn(
    `SKIPPED: tests that need ${tool}: it is not installed (apt-get install ${debianPackage(tool)})`,
  );
  return true;
}

function debianPackage(tool: RealTool): string {
  return tool === 'promtool'
    ? 'prometheus'
    : tool === 'amtool'
      ? 'prometheus-alertmanager'
      : tool === 'kubectl'
        ? 'kubectl'
        : tool === 'prometheus-blackbox-exporter'
          ? 'prometheus-blackbox-exporter'
          : 'docker-compose';
}

export interface ToolRun {
  ok: boolean;
  output: string;
}

export function runTool(
  cmd: string,
  args: string[],
  cwd?: string,
  env?: Record<string, string>,
): ToolRun {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  // Both are null when the tool could not be started at all.
  const out = r.stdout as string | null;
  const err = r.stderr as string | null;
  return { ok: r.status === 0, output: `${out ?? ''}${err ?? ''}` };
}

/** Writes a file tree into a fresh temporary folder, runs `fn`, and removes the folder. */
export async function withTree<T>(
  files: FileTree,
  fn: (dir: string) => T | Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-test-'));
  try {
    await writeFileTree(dir, files);
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every lint promtool knows, as errors: generated files must be clean, not merely loadable. */
const PROMTOOL_LINT = ['--lint=all', '--lint-fatal'];

export function promtoolCheckConfig(file: string): ToolRun {
  return runTool('promtool', ['check', 'config', ...PROMTOOL_LINT, file]);
}
export function promtoolCheckRules(file: string): ToolRun {
  return runTool('promtool', ['check', 'rules', ...PROMTOOL_LINT, file]);
}
/** The blackbox exporter's own check of a blackbox.yml (it loads the modules and exits). */
export function blackboxCheckConfig(file: string): ToolRun {
  return runTool('prometheus-blackbox-exporter', ['--config.check', `--config.file=${file}`]);
}
export function amtoolCheckConfig(file: string): ToolRun {
  return runTool('amtool', ['check-config', file]);
}
export function composeConfig(dir: string, file = 'docker-compose.yml'): ToolRun {
  return runTool('docker-compose', ['-f', file, 'config', '-q'], dir);
}
