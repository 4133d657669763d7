import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface WebHostProcess {
  url: string;
  child: ChildProcess;
  stop(): void;
}

/** Starts `node dist/web/main.mjs ARGS` and resolves with the URL it prints. */
export function startWebHostProcess(
  args: string[],
  env: Record<string, string>,
): Promise<WebHostProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/web/main.mjs'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 20_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child, stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}: ${out}`));
    });
  });
}
