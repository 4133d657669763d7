// Where each rule's advice comes from: RULES.md's source tags, spelled out for people reading a
// finding (the problems panel, `fedstudio rules`).

export interface RuleSource {
  title: string;
  url?: string;
}

export const RULE_SOURCES: Readonly<Record<string, RuleSource>> = {
  FED: {
    title: 'Prometheus docs, “Federation”',
    url: 'https://prometheus.io/docs/prometheus/latest/federation/',
  },
  CONF: {
    title: 'Prometheus docs, “Configuration”',
    url: 'https://prometheus.io/docs/prometheus/latest/configuration/configuration/',
  },
  QB: {
    title: 'Prometheus docs, “Querying basics”',
    url: 'https://prometheus.io/docs/prometheus/latest/querying/basics/',
  },
  RULES: {
    title: 'Prometheus docs, “Recording rules” naming',
    url: 'https://prometheus.io/docs/practices/rules/',
  },
  RP: { title: 'Robust Perception, “Federation, what is it good for?”' },
  AM: {
    title: 'Alertmanager README, “High Availability”',
    url: 'https://github.com/prometheus/alertmanager#high-availability',
  },
  FAQ: { title: 'Prometheus FAQ', url: 'https://prometheus.io/docs/introduction/faq/' },
  'RP-RAM': { title: 'Robust Perception, “Why does Prometheus use so much RAM”' },
  'G-HA': {
    title: 'Grafana docs, “Set up Grafana for high availability”',
    url: 'https://grafana.com/docs/grafana/latest/setup-grafana/set-up-for-high-availability/',
  },
  'G-52666': {
    title: 'grafana/grafana issue 52666',
    url: 'https://github.com/grafana/grafana/issues/52666',
  },
  TH: { title: 'Thanos docs: compact, sidecar and query', url: 'https://thanos.io/tip/' },
  OPER: { title: 'prometheus-operator, pkg/prometheus/promcfg.go (hashmod sharding)' },
  'SEED 002': { title: 'Seed document 002: federation in practice' },
  'SEED-004': { title: 'Seed document 004: scaling and reliability' },
};

/** A tag spelled out; an unknown tag as it is. */
export function ruleSource(tag: string): RuleSource {
  return RULE_SOURCES[tag] ?? { title: tag };
}
