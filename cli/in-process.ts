// The CLI run inside the calling process, for tests that run it hundreds of times: the same
// main() and the same handling of a defect as bin/fedstudio.mjs, with the output captured.
import { EXIT, internalErrorText } from './exit.ts';
import { main } from './main.ts';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

function capture(into: string[]): Write {
  return (chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
}

/** Runs `fedstudio ...argv`; not reentrant (it borrows process.stdout and process.stderr). */
export async function runCli(argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const { stdout, stderr } = process;
  // Kept to be put back on the same streams, never called apart from them.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- see above
  const saved = { out: stdout.write, err: stderr.write };
  stdout.write = capture(out);
  stderr.write = capture(err);
  let exitCode: number;
  try {
    exitCode = await main(argv);
  } catch (e) {
    err.push(internalErrorText(e));
    exitCode = EXIT.internal;
  } finally {
    stdout.write = saved.out;
    stderr.write = saved.err;
  }
  return { exitCode, stdout: out.join(''), stderr: err.join('') };
}
