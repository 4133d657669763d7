import { ruleById, RULES } from '../../shared/validate/rules/index.ts';
import { renderRuleText, sourceName } from '../../shared/validate/reference.ts';
import { EXIT, UsageError } from '../exit.ts';

export function rulesCommand(id: string | undefined, opts: { format: 'text' | 'json' }): number {
  const rules = id === undefined ? RULES : [ruleById(id)].filter((r) => r !== undefined);
  if (id !== undefined && rules.length === 0) {
    throw new UsageError(`no rule "${id}"; \`fedstudio rules\` lists them all`);
  }
  if (opts.format === 'json') {
    const json = rules.map((r) => ({
      id: r.id,
      severity: r.severity,
      area: r.area,
      when: r.when,
      why: r.why,
      fix: r.fix,
      sources: r.sources.map(sourceName),
    }));
    process.stdout.write(JSON.stringify({ rules: json }, null, 2) + '\n');
  } else {
    process.stdout.write(rules.map(renderRuleText).join('\n\n') + '\n');
  }
  return EXIT.ok;
}
