import path from 'node:path';
import { ExportRefused, writeExport } from '../../host/services/export-writer.ts';
import { generateForTarget, type ExportTarget } from '../../shared/generate/kubernetes/target.ts';
import { EXIT, UsageError } from '../exit.ts';
import { loadOrExplain } from './load.ts';

export async function exportCommand(
  file: string,
  opts: { out: string; force?: boolean; target?: ExportTarget; format?: 'text' | 'json' },
): Promise<number> {
  const design = await loadOrExplain(file);
  const result = generateForTarget(design.topology, opts.target ?? 'compose', design.text);
  try {
    const w = await writeExport(opts.out, result.files, { force: opts.force ?? false });
    if (opts.format === 'json') {
      const out = {
        design: design.topology.metadata.name,
        target: opts.target ?? 'compose',
        outDir: w.outDir,
        written: w.written,
        replaced: w.replaced,
        removed: w.removed,
        kept: w.kept,
        notes: w.notes,
        vars: result.vars,
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return EXIT.ok;
    }
    const into = w.outDir === path.resolve(opts.out) ? opts.out : `${opts.out} (-> ${w.outDir})`;
    process.stdout.write(
      `exported ${design.topology.metadata.name}: ${w.written} files, ${result.summary} into ${into}\n`,
    );
    if (w.replaced.length > 0)
      process.stdout.write(
        `replaced (not written by fedstudio, or edited since): ${list(w.replaced)}\n`,
      );
    if (w.removed.length > 0)
      process.stdout.write(`removed (no longer generated): ${list(w.removed)}\n`);
    if (w.kept.length > 0) process.stdout.write(`kept as they were: ${list(w.kept)}\n`);
    for (const note of w.notes) process.stderr.write(`fedstudio: note: ${note}\n`);
    if (result.vars.length > 0) {
      process.stdout.write(`set ${result.vars.join(', ')} (see ${opts.out}/${result.varsFile})\n`);
    }
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ExportRefused) throw new UsageError(e.message);
    throw e;
  }
}

/** A long list (a home folder's dotfiles) shortened to its first names and a count. */
function list(items: string[]): string {
  const max = 10;
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
