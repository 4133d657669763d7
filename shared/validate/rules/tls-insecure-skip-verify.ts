import type { Draft, Rule } from '../rule.ts';

export const tlsInsecureSkipVerify: Rule = {
  id: 'tls-insecure-skip-verify',
  severity: 'warning',
  area: 'secrets',
  when: 'a targets node or scrape edge sets `tls.insecureSkipVerify: true`',
  why: "Prometheus then accepts any certificate, so anyone on the path can pose as the target, read the scrape's credentials and feed it false metrics.",
  fix: "Give the job the CA that signed the targets' certificates (`tls.ca`) and, where names differ, `tls.serverName`, then drop insecureSkipVerify.",
  sources: [],
  check(f) {
    const out: Draft[] = [];
    for (const t of f.graph.nodesOfKind('targets')) {
      if (t.tls?.insecureSkipVerify !== true) continue;
      out.push({
        message: `${t.name} is scraped without checking its TLS certificates (insecureSkipVerify)`,
        nodes: [t.id],
        edges: [],
      });
    }
    for (const e of f.edgesOfKind('scrape')) {
      if (e.tls?.insecureSkipVerify !== true) continue;
      out.push({
        message: `${f.nameOf(e.from)} scrapes ${f.nameOf(e.to)} without checking its TLS certificates (insecureSkipVerify on edge ${e.id})`,
        nodes: [e.from, e.to],
        edges: [e.id],
      });
    }
    return out;
  },
};
