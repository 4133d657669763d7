import { DesignError, loadDesign } from '../../host/services/design-files.ts';
import { sourcePositions } from '../../shared/design/parse.ts';
import type { ExportTarget } from '../../shared/export-target.ts';
import { validate } from '../../shared/validate/engine.ts';
import { focusOf } from '../../shared/validate/focus.ts';
import { githubAnnotations } from '../../shared/validate/github-annotations.ts';
import { RULES } from '../../shared/validate/rules/index.ts';
import { toSarif, type LocatedFinding } from '../../shared/validate/sarif.ts';
import type { ReportFormat } from '../formats.ts';
import type { Severity } from '../../shared/validate/types.ts';
import { EXIT } from '../exit.ts';

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

export async function validateCommand(
  file: string,
  opts: { format: ReportFormat; strict?: boolean; target?: ExportTarget },
): Promise<number> {
  let design;
  try {
    design = await loadDesign(file);
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
    // CI readers get the reasons where they look: as results and annotations at their lines.
    if (opts.format === 'sarif' || opts.format === 'github') {
      const unusable: LocatedFinding[] = e.errors.map((x) => ({
        rule: 'design-invalid',
        severity: 'error',
        message: x.path === '(document)' ? x.message : `${x.path}: ${x.message}`,
        nodes: [],
        edges: [],
        fix: 'Make the design fit the format (docs/design-yaml.md).',
        line: x.line,
        column: x.column,
      }));
      process.stdout.write(ciReport(opts.format, file, unusable));
    }
    return EXIT.unusable;
  }
  const report = validate(design.topology, undefined, opts.target ? { target: opts.target } : {});
  // Only the items findings are about are placed in the text; a clean design places none.
  const focus = report.findings.map((f) => focusOf(design.topology, f));
  const positions = sourcePositions(design.text, design.topology, focus);
  const findings: LocatedFinding[] = report.findings.map((f, i) => {
    const at = positions.get(focus[i] ?? '');
    return at && at.line > 0 ? { ...f, line: at.line, column: at.column } : f;
  });
  const active = findings.filter((f) => !f.suppressed);
  const failing = active.filter(
    (f) => f.severity === 'error' || (opts.strict && f.severity === 'warning'),
  );

  if (opts.format === 'sarif' || opts.format === 'github') {
    process.stdout.write(ciReport(opts.format, file, findings));
  } else if (opts.format === 'json') {
    const json = {
      findings: findings.map((f) => ({ ...f, suppressed: f.suppressed === true })),
      capacity: Object.fromEntries(report.capacity.map((c) => [c.nodeId, c])),
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    process.stdout.write(textReport(file, findings));
  }
  return failing.length > 0 ? EXIT.findings : EXIT.ok;
}

function ciReport(format: 'sarif' | 'github', file: string, findings: LocatedFinding[]): string {
  if (format === 'github') return githubAnnotations(file, findings);
  const version = process.env.FEDSTUDIO_VERSION ?? '0.1.0';
  return JSON.stringify(toSarif(file, findings, RULES, { version }), null, 2) + '\n';
}

function textReport(file: string, findings: LocatedFinding[]): string {
  const active = findings.filter((f) => !f.suppressed);
  const suppressed = findings.filter((f) => f.suppressed);
  const count = (s: Severity) => active.filter((f) => f.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const out: string[] = [];
  const item = (f: LocatedFinding) => {
    out.push(
      `  ${file}${f.line ? `:${f.line}` : ''}: [${f.rule}] ${f.message}`,
      `      fix: ${f.fix}`,
    );
  };
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = active.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    out.push(`${HEADINGS[sev]}:`);
    list.forEach(item);
    out.push('');
  }
  if (suppressed.length > 0) {
    out.push('Suppressed (accepted in the design):');
    suppressed.forEach(item);
    out.push('');
  }
  const summary =
    active.length === 0
      ? `${file}: no findings${suppressed.length > 0 ? ` (${suppressed.length} suppressed)` : ''}`
      : `${file}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info` +
        (suppressed.length > 0 ? `, ${suppressed.length} suppressed` : '');
  out.push(summary);
  return out.join('\n') + '\n';
}
