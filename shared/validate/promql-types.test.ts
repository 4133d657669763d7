import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from './testing.ts';
import { parseExpr } from './promql.ts';

// Each case was checked with promtool check rules (Prometheus 2.42): it refuses exactly these.
describe('PromQL type checks', () => {
  it.each([
    ['sum(up[5m])', 'expected type instant vector in aggregation expression, got range vector'],
    ['rate(up)', 'expected type range vector in call to function "rate", got instant vector'],
    [
      '-"a"',
      'unary expression only allowed on expressions of type scalar or instant vector, got string',
    ],
    ['up and 1', 'set operator not allowed in binary scalar expression'],
    ['topk("a", up)', 'expected type scalar in aggregation parameter, got string'],
    ['count_values(1, up)', 'expected type string in aggregation parameter, got scalar'],
    [
      'absent(up[5m])',
      'expected type instant vector in call to function "absent", got range vector',
    ],
    ['vector(up)', 'expected type scalar in call to function "vector", got instant vector'],
    ['1 > 2', 'comparisons between scalars must use BOOL modifier'],
    ['clamp(up, 1)', 'wrong number of arguments (2) in call to function "clamp"'],
    ['sum(rate(up))', 'expected type range vector in call to function "rate", got instant vector'],
    ['up + on(a) 1', 'vector matching only allowed between instant vectors'],
    ['up + ignoring(a) 1', 'vector matching only allowed between instant vectors'],
    ['up and on(a) group_left up', 'no grouping allowed for set operations'],
    ['up / on(a) group_left(a) up', 'label "a" must not occur in ON and GROUP clause at once'],
  ])('refuses %s', (expr, reason) => {
    expect(parseExpr(expr)).toEqual({ ok: false, reason });
  });

  it.each([
    'quantile(0.5, up)',
    'scalar(up) + up',
    '1 > bool 2',
    'time() + up',
    'rate(up[5m:])',
    'up{a="b"}[5m] offset 1m',
    'sum by (a) (rate(up[5m])) / on(a) group_left sum by (a) (up)',
    'round(up, 5)',
    'label_join(up, "a", ",", "b", "c", "d")',
    'histogram_quantile(0.9, sum by (le) (rate(x[5m])))',
    'days_in_month()',
    'up @ start()',
    'up + on() 1',
    'up / on(a) group_left(b) up',
    'up / ignoring(a) group_right(a) up',
  ])('reads %s', (expr) => {
    expect(parseExpr(expr).ok).toBe(true);
  });

  it('are reported by rule-invalid-promql', () => {
    const f = findingsOf(
      'rule-invalid-promql',
      topo(`nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    recordingRules:
      - { record: "job:up:rate5m", expr: "rate(up)" }
`),
    );
    expect(f.map((x) => x.message)).toEqual([
      'prometheus-eu\'s recording rule job:up:rate5m has an expression that does not parse: expected type range vector in call to function "rate", got instant vector',
    ]);
  });
});
