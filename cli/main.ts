// `fedstudio`: the headless face of Federation Studio, for repos and CI.
import { Command, CommanderError, Option } from 'commander';
import { newCommand, templatesCommand } from './commands/templates.ts';
import { exportCommand } from './commands/export.ts';
import {
  DEFAULT_EXPORT_TARGET,
  EXPORT_TARGETS,
  type ExportTarget,
} from '../shared/generate/kubernetes/target.ts';
import { validateCommand } from './commands/validate.ts';
import { rulesCommand } from './commands/rules.ts';
import { labDownCommand, labStatusCommand, labUpCommand } from './commands/lab.ts';
import { EXIT, UsageError } from './exit.ts';

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('fedstudio')
    .description('Design, validate and export Prometheus / Grafana monitoring topologies.')
    .version(process.env.FEDSTUDIO_VERSION ?? '0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) })
    .showHelpAfterError(false);

  program
    .command('templates')
    .description('list the templates a new design can start from')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .action(async (opts: { format: 'text' | 'json' }) => {
      code = await templatesCommand(opts);
    });

  program
    .command('new')
    .description('start a new design file from a template')
    .requiredOption('--template <id>', 'template id (see `fedstudio templates`)')
    .option('--force', 'overwrite FILE if it exists')
    .argument('<file>', 'the design file to create, e.g. my-stack.topology.yaml')
    .action(async (file: string, opts: { template: string; force?: boolean }) => {
      code = await newCommand(file, opts);
    });

  program
    .command('export')
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
    .action(async (file: string, opts: { out: string; force?: boolean; target: ExportTarget }) => {
      code = await exportCommand(file, opts);
    });

  program
    .command('validate')
    .description(
      'check a design: schema, references, and every rule of the validator (see `fedstudio rules`)',
    )
    .argument('<file>', 'the design file')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .option('--strict', 'fail on warnings too')
    .addOption(
      new Option('--target <target>', 'also check what matters for this export target').choices([
        ...EXPORT_TARGETS,
      ]),
    )
    .action(
      async (
        file: string,
        opts: { format: 'text' | 'json'; strict?: boolean; target?: ExportTarget },
      ) => {
        code = await validateCommand(file, opts);
      },
    );

  program
    .command('rules')
    .description("the validator's rules: when each fires, why it matters, the fix, the source")
    .argument('[id]', 'one rule id')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .action((id: string | undefined, opts: { format: 'text' | 'json' }) => {
      code = rulesCommand(id, opts);
    });

  const lab = program
    .command('lab')
    .description(
      'run a design as a local lab on Docker (images: FEDSTUDIO_IMAGE_<KIND> overrides)',
    );
  lab
    .command('up')
    .description('start (or update) the lab: only containers whose config changed are recreated')
    .argument('<file>', 'the design file')
    .option('--wait', 'also wait until every scrape and federate edge is up')
    .action(async (file: string, opts: { wait?: boolean }) => {
      code = await labUpCommand(file, opts);
    });
  lab
    .command('status')
    .description("each instance's state, health and URL, and each scrape and federate edge")
    .argument('<file>', 'the design file')
    .option('--json', 'print {"instances": [...], "edges": [...]} as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      code = await labStatusCommand(file, opts);
    });
  lab
    .command('down')
    .description("remove the lab's containers and network")
    .argument('<file>', 'the design file')
    .option('--volumes', "also remove its volumes (the servers' data) and its local values")
    .action(async (file: string, opts: { volumes?: boolean }) => {
      code = await labDownCommand(file, opts);
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
