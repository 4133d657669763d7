import { EXIT, internalErrorText } from './exit.ts';
import { main } from './main.ts';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(internalErrorText(e));
    process.exitCode = EXIT.internal;
  },
);
