// The rule-by-rule reference: `fedstudio rules` and docs/rules.md are both made from the registry.
import type { Rule } from './rule.ts';

const SOURCE_NAMES: Record<string, string> = {
  FED: 'Prometheus docs, "Federation"',
  CONF: 'Prometheus docs, "Configuration"',
  QB: 'Prometheus docs, "Querying basics"',
  RULES: 'Prometheus docs, "Recording rules" naming',
  RP: 'Robust Perception, "Federation, what is it good for?"',
  AM: 'Alertmanager README, "High Availability"',
  FAQ: 'Prometheus FAQ',
  'RP-RAM': 'Robust Perception, "Why does Prometheus use so much RAM"',
  'G-HA': 'Grafana docs, "Set up Grafana for high availability"',
  'G-52666': 'grafana/grafana issue 52666',
  TH: 'Thanos docs (compact, sidecar, query)',
  OPER: 'prometheus-operator promcfg.go (hashmod sharding)',
  'SEED-004': 'seed document 004 (scaling and reliability)',
  'SEED 002': 'seed document 002 (federation)',
};

export function sourceName(tag: string): string {
  return SOURCE_NAMES[tag] ?? tag;
}

export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const lines = [
    '# Validator rules',
    '',
    'Generated from `shared/validate/rules/` by `npm run docs:rules`; a test keeps it in sync.',
    'Each rule has a stable id: suppress a finding you accept by adding the id to the `suppress`',
    'list of the node or edge it names. `fedstudio rules` prints the same reference.',
    '',
  ];
  let area = '';
  for (const r of rules) {
    if (r.area !== area) {
      area = r.area;
      lines.push(`## ${area[0]?.toUpperCase()}${area.slice(1)}`, '');
    }
    lines.push(
      `### \`${r.id}\` (${r.severity})`,
      '',
      `**When:** ${r.when}`,
      '',
      `**Why:** ${r.why}`,
      '',
      `**Fix:** ${r.fix}`,
      '',
      ...(r.sources.length > 0 ? [`**Sources:** ${r.sources.map(sourceName).join('; ')}`, ''] : []),
    );
  }
  return lines.join('\n');
}

export function renderRuleText(r: Rule): string {
  return [
    `${r.id} (${r.severity}, ${r.area})`,
    `  when: ${r.when}`,
    `  why:  ${r.why}`,
    `  fix:  ${r.fix}`,
    ...(r.sources.length > 0 ? [`  sources: ${r.sources.map(sourceName).join('; ')}`] : []),
  ].join('\n');
}
