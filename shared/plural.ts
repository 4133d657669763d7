// Counted nouns for messages: "1 rule", "2 rules", "3 target groups" — never "1 rules" or "targetss".

/** `n` and the noun in the form its number needs; `many` for nouns not made plural by an "s". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a selection or a count calls one item of a kind, and several. */
const KIND_NOUNS: Partial<Record<string, [string, string]>> = {
  prometheus: ['Prometheus server', 'Prometheus servers'],
  alertmanager: ['Alertmanager', 'Alertmanagers'],
  grafana: ['Grafana', 'Grafanas'],
  targets: ['target group', 'target groups'],
  edge: ['edge', 'edges'],
  group: ['group', 'groups'],
};

/** `n` items of a node kind (or "edge", "group"), e.g. "2 target groups", "1 Prometheus server". */
export function countedKind(n: number, kind: string): string {
  const [one, many] = KIND_NOUNS[kind] ?? [kind, kind.endsWith('s') ? kind : `${kind}s`];
  return counted(n, one, many);
}
