import { matchSelectors } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedMatchInvalid: Rule = {
  id: 'fed-match-invalid',
  severity: 'error',
  area: 'federation',
  when: 'a selector does not parse as a PromQL series selector, or every matcher in it matches the empty string (`{job=~".*"}`)',
  why: 'The source answers the whole /federate request with HTTP 400, so the federate job fails on every scrape and nothing at all is federated from that source.',
  fix: 'Write one series selector per `match` entry, with at least one matcher that does not match the empty string: use `.+` instead of `.*`, or add a metric name such as `{__name__=~"job:.*"}`.',
  sources: ['QB'],
  check(f) {
    const out = [];
    for (const { edge, text, what } of matchSelectors(f)) {
      const head = `${f.nameOf(edge.from)} federates ${f.nameOf(edge.to)} with ${text}`;
      if (what.kind === 'invalid')
        out.push({
          message: `${head}, which is not a series selector (${what.reason}), so the source answers HTTP 400`,
          nodes: [edge.from, edge.to],
          edges: [edge.id],
        });
      else if (what.kind === 'empty-only')
        out.push({
          message: `${head}, whose matchers all match the empty string, so the source answers HTTP 400`,
          nodes: [edge.from, edge.to],
          edges: [edge.id],
          fix: 'Use `.+` instead of `.*`, or add a metric name matcher such as `__name__=~"job:.*"`.',
        });
    }
    return out;
  },
};
