import { DesignError, loadDesign } from '../../electron/services/design-files.ts';
import { validateTopology, type Finding } from '../../shared/validate/index.ts';
import { EXIT } from '../exit.ts';

export async function validateCommand(
  file: string,
  opts: { format: 'text' | 'json'; strict?: boolean },
): Promise<number> {
  let findings: Finding[];
  try {
    findings = validateTopology((await loadDesign(file)).topology);
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    // Unusable input: the reasons go to stderr; JSON readers also get them as data.
    process.stderr.write(`${e.message}\n`);
    if (opts.format === 'json') {
      const errors = e.errors.map((x) => ({
        file,
        line: x.line,
        column: x.column,
        path: x.path,
        message: x.message,
      }));
      process.stdout.write(JSON.stringify({ findings: [], errors }, null, 2) + '\n');
    }
    return EXIT.unusable;
  }
  const active = findings.filter((f) => !f.suppressed);
  const failing = active.filter(
    (f) => f.severity === 'error' || (opts.strict && f.severity === 'warning'),
  );
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify({ findings }, null, 2) + '\n');
  } else if (findings.length === 0) {
    process.stdout.write(`${file}: no findings\n`);
  } else {
    for (const f of findings) {
      process.stdout.write(
        `${file}: ${f.severity}${f.suppressed ? ' (suppressed)' : ''} [${f.rule}] ${f.message}\n  fix: ${f.fix}\n`,
      );
    }
  }
  return failing.length > 0 ? EXIT.findings : EXIT.ok;
}
