import { ownJobLabels } from '../../graph/jobs.ts';
import type { Facts } from '../facts.ts';
import type { Draft, Rule } from '../rule.ts';
import { listOf, unique } from '../sharding-facts.ts';

/** Functions that alert on a series being missing: about the targets that should produce it. */
const ABSENCE = new Set(['absent', 'absent_over_time']);
/** Raw metrics named in a message, at most. */
const LISTED = 3;

/**
 * What in an alert expression is about individual targets: `up`, absence, the `instance` label,
 * raw (non-`:`) series. Series the node records itself are its own, whatever their names.
 */
function targetSignals(
  f: Facts,
  expr: string,
  recorded: ReadonlySet<string>,
  ownJobs: ReadonlySet<string>,
): string[] {
  const parsed = f.expr(expr);
  if (!parsed.ok) return []; // rule-invalid-promql reports it
  const signals: string[] = [];
  // `up{job="federate"}` is about the federator's own federation (or self-monitoring) jobs, not
  // about targets.
  const aboutOwnJobs = (s: { matchers: { name: string; op: string; value: string }[] }) =>
    s.matchers.some((m) => m.name === 'job' && m.op === '=' && ownJobs.has(m.value));
  if (parsed.selectors.some((s) => s.metricName === 'up' && !aboutOwnJobs(s))) signals.push('up');
  for (const fn of parsed.functions) if (ABSENCE.has(fn)) signals.push(`${fn}()`);
  if (parsed.labels.includes('instance')) signals.push('the instance label');
  const raw = parsed.metrics.filter((m) => m !== 'up' && !m.includes(':') && !recorded.has(m));
  if (raw.length > 0) {
    const shown = raw.slice(0, LISTED);
    if (raw.length > LISTED) shown.push(`${raw.length - LISTED} more`);
    signals.push(`raw series ${listOf(shown)}`);
  }
  return signals;
}

/** The Prometheus nodes under a federator that scrape the targets: the first with scrape edges. */
function scrapersBelow(f: Facts, id: string): string[] {
  const found: string[] = [];
  const seen = new Set([id]);
  const queue = f.graph.outgoing(id, 'federate').map((e) => e.to);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    if (f.graph.outgoing(next, 'scrape').length > 0) found.push(next);
    else queue.push(...f.graph.outgoing(next, 'federate').map((e) => e.to));
  }
  return found;
}

export const alertTooHigh: Rule = {
  id: 'alert-too-high',
  severity: 'warning',
  area: 'alerting',
  when: 'a node that federates (has outgoing federate edges) and scrapes nothing itself holds alert rules about targets: expressions using `up`, `absent(`, an `instance` label, or series without `:`',
  why: 'Such an alert sees the targets only through federation: it adds a federation hop of delay, goes blind or fires falsely when federation or the source fails, and fires nothing at all if the series are not federated.',
  fix: 'Move the alert to the Prometheus that scrapes the target; keep only alerts on aggregated `level:metric:op` series on the federator.',
  sources: ['RP', 'FED'],
  check(f) {
    const out: Draft[] = [];
    for (const p of f.prometheus) {
      const federate = f.graph.outgoing(p.id, 'federate');
      if (federate.length === 0 || !p.alertRules?.length) continue;
      // A node that scrapes something itself has its own `up`, `instance` and raw series; which
      // targets an alert means cannot be told without the expression's matcher values.
      if (f.graph.outgoing(p.id, 'scrape').length > 0) continue;
      const recorded = new Set((p.recordingRules ?? []).map((r) => r.record));
      const ownJobs = ownJobLabels(f.graph, p);
      const sources = unique(federate.map((e) => e.to));
      const scrapers = scrapersBelow(f, p.id);
      const names = (ids: string[]) => listOf(ids.map((id) => f.nameOf(id)));
      for (const r of p.alertRules) {
        const signals = targetSignals(f, r.expr, recorded, ownJobs);
        if (signals.length === 0) continue;
        out.push({
          message: `${p.name}'s alert ${r.alert} uses ${listOf(signals)} of targets it does not scrape, so it sees them only through federating ${names(sources)}`,
          nodes: [p.id, ...sources],
          edges: federate.map((e) => e.id),
          ...(scrapers.length > 0
            ? {
                fix: `Move ${r.alert} to ${names(scrapers)}, which scrape${scrapers.length === 1 ? 's' : ''} the targets.`,
              }
            : {}),
        });
      }
    }
    return out;
  },
};
