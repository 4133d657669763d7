import { DesignError, loadDesign } from '../../host/services/design-files.ts';
import { sourcePositions } from '../../shared/model/parse.ts';
import type { Topology, TopologyEdge } from '../../shared/model/schema.ts';
import type { ExportTarget } from '../../shared/generate/kubernetes/export-target.ts';
import { validate } from '../../shared/validate/engine.ts';
import type { Finding, Severity } from '../../shared/validate/types.ts';
import { EXIT } from '../exit.ts';

type Located = Finding & { line?: number };

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

export async function validateCommand(
  file: string,
  opts: { format: 'text' | 'json'; strict?: boolean; target?: ExportTarget },
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
    return EXIT.unusable;
  }
  const report = validate(design.topology, undefined, opts.target ? { target: opts.target } : {});
  // Only the items findings are about are placed in the text; a clean design places none.
  const edgeOf = edgeIndex(design.topology);
  const focus = report.findings.map((f) => focusOf(edgeOf, f));
  const positions = sourcePositions(design.text, design.topology, focus);
  const findings: Located[] = report.findings.map((f, i) => {
    const at = positions.get(focus[i] ?? '');
    return at && at.line > 0 ? { ...f, line: at.line } : f;
  });
  const active = findings.filter((f) => !f.suppressed);
  const failing = active.filter(
    (f) => f.severity === 'error' || (opts.strict && f.severity === 'warning'),
  );

  if (opts.format === 'json') {
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

/**
 * The part of the file a finding points at: its first edge when that edge leaves the node it
 * names first (a finding about a connection), else that node.
 */
function focusOf(edgeOf: (id: string) => TopologyEdge | undefined, f: Finding): string {
  const node = f.nodes[0];
  const edge = f.edges[0] !== undefined ? edgeOf(f.edges[0]) : undefined;
  if (edge && (node === undefined || edge.from === node)) return edge.id;
  return node ?? '';
}

/** Edges by id, indexed on first use (a design with findings about many edges looks up each). */
function edgeIndex(t: Topology): (id: string) => TopologyEdge | undefined {
  let byId: Map<string, TopologyEdge> | undefined;
  return (id) => {
    byId ??= new Map((t.edges ?? []).map((e) => [e.id, e]));
    return byId.get(id);
  };
}

function textReport(file: string, findings: Located[]): string {
  const active = findings.filter((f) => !f.suppressed);
  const suppressed = findings.filter((f) => f.suppressed);
  const count = (s: Severity) => active.filter((f) => f.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const out: string[] = [];
  const item = (f: Located) => {
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
