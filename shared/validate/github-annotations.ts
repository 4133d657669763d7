// Findings as GitHub Actions workflow commands: each becomes an annotation on its file and line in
// the pull request. Suppressed findings were accepted in the design and are not annotated.
import type { LocatedFinding } from './sarif.ts';
import type { Severity } from './types.ts';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** A message: %, CR and LF escaped, as the runner reads them back. */
const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value: also ":" and ",", which separate properties. */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubAnnotations(file: string, findings: readonly LocatedFinding[]): string {
  const lines = findings
    .filter((f) => !f.suppressed)
    .map((f) => {
      const props = [
        `file=${escapeProperty(file.replace(/\\/g, '/'))}`,
        ...(f.line ? [`line=${f.line}`] : []),
        ...(f.line && f.column ? [`col=${f.column}`] : []),
        `title=${escapeProperty(f.rule)}`,
      ];
      return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(`${f.message} Fix: ${f.fix}`)}`;
    });
  return lines.length ? lines.join('\n') + '\n' : '';
}
