import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { saveDesignText } from '../../host/services/design-files.ts';
import { listTemplates, readTemplate } from '../../host/services/templates.ts';
import { DNS_LABEL, NAME_MAX } from '../../shared/model/primitives.ts';
import { EXIT, UsageError } from '../exit.ts';

export async function templatesCommand(opts: { format: 'text' | 'json' }): Promise<number> {
  const templates = await listTemplates();
  if (opts.format === 'json') {
    process.stdout.write(
      JSON.stringify({ templates: templates.map(({ file: _f, ...t }) => t) }, null, 2) + '\n',
    );
    return EXIT.ok;
  }
  const width = Math.max(...templates.map((t) => t.id.length));
  for (const t of templates) {
    process.stdout.write(
      `${t.id.padEnd(width)}  ${t.title} (${t.nodes} nodes, ${t.edges} edges)\n`,
    );
  }
  return EXIT.ok;
}

export async function newCommand(
  file: string,
  opts: { template: string; force?: boolean; format?: 'text' | 'json' },
): Promise<number> {
  let text: string;
  try {
    text = await readTemplate(opts.template);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!opts.force && (await exists(file))) {
    throw new UsageError(`${file} exists; pass --force to overwrite it`);
  }
  // The design is named after its file when that name is a valid DNS label; comments are kept.
  const base = path.basename(file).replace(/\.topology\.ya?ml$|\.ya?ml$/, '');
  if (DNS_LABEL.test(base) && base.length <= NAME_MAX) {
    const doc = parseDocument(text);
    doc.setIn(['metadata', 'name'], base);
    text = doc.toString({ lineWidth: 0 });
  }
  await saveDesignText(file, text);
  if (opts.format === 'json')
    process.stdout.write(JSON.stringify({ created: file, template: opts.template }) + '\n');
  else process.stdout.write(`created ${file} from template ${opts.template}\n`);
  return EXIT.ok;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}
