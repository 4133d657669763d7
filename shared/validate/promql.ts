// PromQL as the validator sees it, parsed by Prometheus's own Lezer grammar, never by regexes.
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { typeProblem } from './promql-types.ts';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

export type SelectorParse =
  { ok: true; metricName?: string; matchers: LabelMatcher[] } | { ok: false; reason: string };

export type ExprParse =
  | {
      ok: true;
      /** Metric names the expression reads (identifiers and `__name__="..."` matchers). */
      metrics: string[];
      /** Functions it calls, by name. */
      functions: string[];
      /** Label names it mentions in matchers and by/without/on/ignoring clauses. */
      labels: string[];
      /** Every vector selector, with its metric name and matchers. */
      selectors: { metricName?: string; matchers: LabelMatcher[] }[];
    }
  | { ok: false; reason: string };

function firstError(text: string, top: SyntaxNode): string | null {
  let err: string | null = null;
  top.cursor().iterate((n) => {
    if (err !== null) return false;
    if (n.type.isError) {
      const near = text.slice(n.from, n.from + 12);
      err =
        near === ''
          ? `unexpected end of input at character ${n.from + 1}`
          : `unexpected "${near}" at character ${n.from + 1}`;
      return false;
    }
    return true;
  });
  return err;
}

function unquote(literal: string): string {
  const q = literal[0];
  const body = literal.slice(1, -1);
  if (q === '`') return body;
  // Go-style escapes in "..." and '...': the common ones are enough to compare values.
  return body.replace(/\\(["'\\nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

function matcherOf(text: string, node: SyntaxNode): LabelMatcher | null {
  const nameNode = node.getChild('LabelName') ?? node.getChild('QuotedLabelName');
  const opNode = node.getChild('MatchOp');
  const valueNode = node.getChild('StringLiteral');
  if (!opNode || !valueNode) {
    // `{"metric.name"}`: a quoted metric name alone.
    const only = node.getChild('QuotedLabelName') ?? node.getChild('StringLiteral');
    if (only && !opNode)
      return { name: '__name__', op: '=', value: unquote(text.slice(only.from, only.to)) };
    return null;
  }
  const rawName = nameNode ? text.slice(nameNode.from, nameNode.to) : '__name__';
  const name = rawName.startsWith('"') ? unquote(rawName) : rawName;
  return {
    name,
    op: text.slice(opNode.from, opNode.to) as MatchOp,
    value: unquote(text.slice(valueNode.from, valueNode.to)),
  };
}

function matchersUnder(text: string, selector: SyntaxNode): LabelMatcher[] {
  const out: LabelMatcher[] = [];
  const lm = selector.getChild('LabelMatchers');
  if (!lm) return out;
  for (let c = lm.firstChild; c; c = c.nextSibling) {
    if (
      c.name === 'UnquotedLabelMatcher' ||
      c.name === 'QuotedLabelMatcher' ||
      c.name === 'QuotedLabelName'
    ) {
      const m = matcherOf(text, c);
      if (m) out.push(m);
    }
  }
  return out;
}

/** A series selector as `match[]` takes it: one vector selector, nothing else. */
export function parseSeriesSelector(text: string): SelectorParse {
  const tree = parser.parse(text);
  const top = tree.topNode;
  const err = firstError(text, top);
  if (err) return { ok: false, reason: err };
  const expr = top.firstChild;
  if (!expr || expr.name !== 'VectorSelector' || expr.nextSibling) {
    return {
      ok: false,
      reason: 'a match[] selector must be a single series selector such as {__name__=~"job:.*"}',
    };
  }
  const ident = expr.getChild('Identifier');
  const matchers = matchersUnder(text, expr);
  const metricName = ident ? text.slice(ident.from, ident.to) : undefined;
  if (!metricName && matchers.length === 0)
    return { ok: false, reason: 'an empty selector {} selects nothing' };
  return { ok: true, ...(metricName !== undefined ? { metricName } : {}), matchers };
}

export function parseExpr(text: string): ExprParse {
  const tree = parser.parse(text);
  const top = tree.topNode;
  const err = firstError(text, top);
  if (err) return { ok: false, reason: err };
  if (!top.firstChild) return { ok: false, reason: 'empty expression' };
  const typeError = typeProblem(text, top.firstChild);
  if (typeError) return { ok: false, reason: typeError };
  const metrics = new Set<string>();
  const functions = new Set<string>();
  const labels = new Set<string>();
  const selectors: { metricName?: string; matchers: LabelMatcher[] }[] = [];
  top.cursor().iterate((ref) => {
    const n = ref.node;
    if (n.name === 'VectorSelector') {
      const ident = n.getChild('Identifier');
      if (ident) metrics.add(text.slice(ident.from, ident.to));
      const matchers = matchersUnder(text, n);
      const named = ident
        ? text.slice(ident.from, ident.to)
        : matchers.find((m) => m.name === '__name__' && m.op === '=')?.value;
      selectors.push({ ...(named !== undefined ? { metricName: named } : {}), matchers });
      for (const m of matchers) {
        if (m.name === '__name__' && m.op === '=') metrics.add(m.value);
        else labels.add(m.name);
      }
    } else if (n.name === 'FunctionIdentifier') {
      functions.add(text.slice(n.from, n.to));
    } else if (n.name === 'GroupingLabels') {
      for (let c = n.firstChild; c; c = c.nextSibling)
        if (c.name === 'LabelName') labels.add(text.slice(c.from, c.to));
    }
    return true;
  });
  return {
    ok: true,
    metrics: [...metrics],
    functions: [...functions],
    labels: [...labels],
    selectors,
  };
}

/** Compiled matchers by pattern (null: not a JS regex): a design repeats a few over and over. */
const compiled = new Map<string, RegExp | null>();
const MAX_COMPILED = 1000;

function regexMatches(pattern: string, value: string): boolean | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      re = null; // not a JS regex (RE2 differs a little): make no claim
    }
    // Bounded: a long-lived app sees many designs; the oldest pattern makes room.
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(pattern, re);
  }
  return re === null ? null : re.test(value);
}

export function matcherMatches(m: LabelMatcher, value: string): boolean | null {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return regexMatches(m.value, value);
    case '!~': {
      const r = regexMatches(m.value, value);
      return r === null ? null : !r;
    }
  }
}

/** Every matcher accepts the empty string: Prometheus refuses such a selector (HTTP 400). */
export function matchesEmptyOnly(sel: Extract<SelectorParse, { ok: true }>): boolean {
  if (sel.metricName !== undefined) return false;
  return sel.matchers.every((m) => matcherMatches(m, '') === true);
}

// Values that stand for "any series": metric names of each naming style, label values of each kind.
const PROBES = ['up', 'job:up:sum', 'node_cpu_seconds_total', 'a', 'zz_9', 'instance-1:9100', 'X'];

/** A matcher that narrows nothing: it accepts every probe value (a regex JS cannot read is not). */
function isOpen(m: LabelMatcher): boolean {
  return PROBES.every((p) => matcherMatches(m, p) === true);
}

/** The selector selects every series: no matcher narrows the set (`{__name__=~".+"}`, `{job=~".+"}`). */
export function selectsEverything(sel: Extract<SelectorParse, { ok: true }>): boolean {
  if (sel.metricName !== undefined) return false;
  return sel.matchers.every((m) => m.op === '!=' || m.op === '!~' || isOpen(m));
}

/** Whether a metric name could be selected by this selector (null: cannot tell). */
export function selectsMetric(
  sel: Extract<SelectorParse, { ok: true }>,
  metric: string,
): boolean | null {
  if (sel.metricName !== undefined) return sel.metricName === metric;
  let unknown = false;
  for (const m of sel.matchers.filter((x) => x.name === '__name__')) {
    const r = matcherMatches(m, metric);
    if (r === false) return false;
    if (r === null) unknown = true;
  }
  return unknown ? null : true;
}

/** The metric names or name patterns a selector asks for, to tell aggregates from raw series. */
export function nameConstraints(
  sel: Extract<SelectorParse, { ok: true }>,
): { op: MatchOp; value: string }[] {
  if (sel.metricName !== undefined) return [{ op: '=', value: sel.metricName }];
  return sel.matchers
    .filter((m) => m.name === '__name__' && (m.op === '=' || m.op === '=~'))
    .map((m) => ({ op: m.op, value: m.value }));
}
