// `fedstudio`: the headless face of Federation Studio, for repos and CI.
import { Command, CommanderError, Option } from 'commander';
import {
  DEFAULT_EXPORT_TARGET,
  EXPORT_TARGETS,
  type ExportTarget,
} from '../shared/export-target.ts';
import { EXIT, UsageError } from './exit.ts';
import type { Format, ReportFormat } from './formats.ts';

// Each command's code is loaded when that command runs: `--version` or `rules` never load the
// generators, and nothing but `lab` loads the Docker client.
type FormatOpts<F extends string = Format> = { format?: F; json?: boolean };
/** `--format text|json` on every command, with `--json` kept as its short alias. */
function withFormat(c: Command, formats: readonly string[] = ['text', 'json']): Command {
  return c
    .addOption(new Option('--format <format>', 'output format').choices(formats).default('text'))
    .option('--json', 'the same as --format json');
}
const formatOf = <F extends string = Format>(o: FormatOpts<F>): F | 'json' | 'text' =>
  o.json ? 'json' : (o.format ?? 'text');

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('fedstudio')
    .description('Design, validate and export Prometheus / Grafana monitoring topologies.')
    .version(process.env.FEDSTUDIO_VERSION ?? '0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) })
    .showHelpAfterError(false);

  withFormat(program.command('templates'))
    .description('list the templates a new design can start from')
    .action(async (opts: FormatOpts) => {
      const { templatesCommand } = await import('./commands/templates.ts');
      code = await templatesCommand({ format: formatOf(opts) });
    });

  withFormat(program.command('new'))
    .description('start a new design file from a template')
    .requiredOption('--template <id>', 'template id (see `fedstudio templates`)')
    .option('--force', 'overwrite FILE if it exists')
    .argument('<file>', 'the design file to create, e.g. my-stack.topology.yaml')
    .action(async (file: string, opts: FormatOpts & { template: string; force?: boolean }) => {
      const { newCommand } = await import('./commands/templates.ts');
      code = await newCommand(file, { ...opts, format: formatOf(opts) });
    });

  withFormat(program.command('export'))
    .description('generate every config of a design into a folder')
    .argument('<file>', 'the design file')
    .requiredOption('--out <dir>', 'the folder to write')
    .option('--force', 'write into a non-empty folder that fedstudio did not make')
    .addOption(
      new Option(
        '--target <target>',
        'what to export for: docker-compose or Kubernetes (docs/kubernetes.md)',
      )
        .choices([...EXPORT_TARGETS])
        .default(DEFAULT_EXPORT_TARGET),
    )
    .action(
      async (
        file: string,
        opts: FormatOpts & { out: string; force?: boolean; target: ExportTarget },
      ) => {
        const { exportCommand } = await import('./commands/export.ts');
        code = await exportCommand(file, { ...opts, format: formatOf(opts) });
      },
    );

  withFormat(program.command('validate'), ['text', 'json', 'sarif', 'github'])
    .description(
      'check a design: schema, references, and every rule of the validator (see `fedstudio rules`)',
    )
    .argument('<file>', 'the design file')
    .option('--strict', 'fail on warnings too')
    .addOption(
      new Option('--target <target>', 'also check what matters for this export target').choices([
        ...EXPORT_TARGETS,
      ]),
    )
    .action(
      async (
        file: string,
        opts: FormatOpts<ReportFormat> & { strict?: boolean; target?: ExportTarget },
      ) => {
        const { validateCommand } = await import('./commands/validate.ts');
        code = await validateCommand(file, { ...opts, format: formatOf(opts) });
      },
    );

  withFormat(program.command('rules'))
    .description("the validator's rules: when each fires, why it matters, the fix, the source")
    .argument('[id]', 'one rule id')
    .action(async (id: string | undefined, opts: FormatOpts) => {
      const { rulesCommand } = await import('./commands/rules.ts');
      code = rulesCommand(id, { format: formatOf(opts) });
    });

  const lab = program
    .command('lab')
    .description(
      'run a design as a local lab on Docker (images: FEDSTUDIO_IMAGE_<KIND> overrides)',
    );
  withFormat(lab.command('up'))
    .description('start (or update) the lab: only containers whose config changed are recreated')
    .argument('<file>', 'the design file')
    .option('--wait', 'also wait until every scrape and federate edge is up')
    .action(async (file: string, opts: FormatOpts & { wait?: boolean }) => {
      const { labUpCommand } = await import('./commands/lab.ts');
      code = await labUpCommand(file, { ...opts, format: formatOf(opts) });
    });
  withFormat(lab.command('status'))
    .description("each instance's state, health and URL, and each scrape and federate edge")
    .argument('<file>', 'the design file')
    .action(async (file: string, opts: FormatOpts) => {
      const { labStatusCommand } = await import('./commands/lab.ts');
      code = await labStatusCommand(file, { format: formatOf(opts) });
    });
  withFormat(lab.command('down'))
    .description("remove the lab's containers and network")
    .argument('<file>', 'the design file')
    .option('--volumes', "also remove its volumes (the servers' data) and its local values")
    .action(async (file: string, opts: FormatOpts & { volumes?: boolean }) => {
      const { labDownCommand } = await import('./commands/lab.ts');
      code = await labDownCommand(file, { ...opts, format: formatOf(opts) });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.unusable;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`fedstudio: ${e.message}\n`);
      return EXIT.unusable;
    }
    throw e;
  }
  return code;
}
