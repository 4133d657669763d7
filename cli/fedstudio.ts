import { EXIT, internalErrorText } from './exit.ts';
import { main } from './main.ts';

let settled = false;
// Node ends a process whose event loop is empty even while a promise is pending, with exit code 0.
// A command that has not finished must never look like a success.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write(
    'fedstudio: internal error: the command stopped before it finished (work was left pending)\n',
  );
  process.exitCode = EXIT.internal;
});

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (e: unknown) => {
    settled = true;
    process.stderr.write(internalErrorText(e));
    process.exitCode = EXIT.internal;
  },
);
