import { ExportRefused, writeExport } from '../../host/services/export-writer.ts';
import { generateForTarget, type ExportTarget } from '../../shared/generate/kubernetes/target.ts';
import { EXIT, UsageError } from '../exit.ts';
import { loadOrExplain } from './load.ts';

export async function exportCommand(
  file: string,
  opts: { out: string; force?: boolean; target?: ExportTarget },
): Promise<number> {
  const design = await loadOrExplain(file);
  const result = generateForTarget(design.topology, opts.target ?? 'compose', design.text);
  try {
    const written = await writeExport(opts.out, result.files, { force: opts.force ?? false });
    const kept = written.kept.length > 0 ? `; kept ${written.kept.join(', ')}` : '';
    process.stdout.write(
      `exported ${design.topology.metadata.name}: ${written.written} files, ${result.summary} into ${opts.out}${kept}\n`,
    );
    if (result.vars.length > 0) {
      process.stdout.write(`set ${result.vars.join(', ')} (see ${opts.out}/${result.varsFile})\n`);
    }
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ExportRefused) throw new UsageError(e.message);
    throw e;
  }
}
