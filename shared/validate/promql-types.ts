// The type checks Prometheus's PromQL parser makes after the grammar (promql/parser checkAST):
// promtool refuses `rate(up)` or `1 > 2` though both parse. Function signatures come from
// codemirror-promql, kept with the grammar this project parses with.
import type { SyntaxNode } from '@lezer/common';
import { getType as cjsGetType } from '@prometheus-io/codemirror-promql/dist/cjs/parser/type.js';
import {
  getFunction,
  ValueType,
} from '@prometheus-io/codemirror-promql/dist/cjs/types/function.js';
import {
  AggregateExpr,
  And,
  BinaryExpr,
  BoolModifier,
  Bottomk,
  CountValues,
  Eql,
  FunctionCall,
  FunctionCallBody,
  Gte,
  Gtr,
  LimitK,
  LimitRatio,
  Lss,
  Lte,
  MatrixSelector,
  Neq,
  OffsetExpr,
  Or,
  ParenExpr,
  Quantile,
  StepInvariantExpr,
  SubqueryExpr,
  Topk,
  UnaryExpr,
  Unless,
} from '@prometheus-io/lezer-promql';

const NAMES: Record<string, string> = {
  vector: 'instant vector',
  matrix: 'range vector',
  scalar: 'scalar',
  string: 'string',
  none: 'nothing',
};

/** The CommonJS build declares its own copy of @lezer/common's types; the nodes are the same. */
function getType(node: SyntaxNode | null | undefined): ValueType {
  return cjsGetType((node ?? null) as Parameters<typeof cjsGetType>[0]);
}

function has(node: SyntaxNode, ...ids: number[]): boolean {
  for (let c = node.firstChild; c; c = c.nextSibling) if (ids.includes(c.type.id)) return true;
  return false;
}

function labelsOf(text: string, grouping: SyntaxNode | undefined): string[] {
  if (!grouping) return [];
  const out: string[] = [];
  for (let c = grouping.firstChild; c; c = c.nextSibling)
    if (c.name === 'LabelName' || c.name === 'QuotedLabelName') out.push(text.slice(c.from, c.to));
  return out;
}

/** What Prometheus refuses in `on(...)`, `ignoring(...)` and `group_left/right(...)`. */
function matchingProblem(
  text: string,
  node: SyntaxNode,
  bothVectors: boolean,
  setOp: boolean,
): string | null {
  const clause = node.getChild('MatchingModifierClause');
  if (!clause) return null;
  const [matchGroup, includeGroup] = clause.getChildren('GroupingLabels');
  const matching = labelsOf(text, matchGroup);
  const grouping = clause.getChild('GroupLeft') ?? clause.getChild('GroupRight');
  if (!bothVectors && matching.length > 0)
    return 'vector matching only allowed between instant vectors';
  if (setOp && grouping) return 'no grouping allowed for set operations';
  if (clause.getChild('On') && grouping) {
    const both = labelsOf(text, includeGroup).find((l) => matching.includes(l));
    if (both !== undefined) return `label "${both}" must not occur in ON and GROUP clause at once`;
  }
  return null;
}

/** The first type error in an expression that parsed, in Prometheus's words, or null. */
export function typeProblem(text: string, node: SyntaxNode | null): string | null {
  if (!node) return null;
  const check = (n: SyntaxNode | null | undefined) => (n ? typeProblem(text, n) : null);
  const expect = (n: SyntaxNode | undefined, want: ValueType, where: string): string | null => {
    if (!n) return null;
    const inner = check(n);
    if (inner) return inner;
    const got = getType(n);
    return got === want ? null : `expected type ${NAMES[want]} in ${where}, got ${NAMES[got]}`;
  };
  switch (node.type.id) {
    case AggregateExpr: {
      const op = node.firstChild?.firstChild;
      const params = node.getChild(FunctionCallBody)?.getChildren('Expr') ?? [];
      const body = expect(params[params.length - 1], ValueType.vector, 'aggregation expression');
      if (body || params.length < 2) return body;
      const id = op?.type.id ?? -1;
      if ([Topk, Bottomk, LimitK, LimitRatio, Quantile].includes(id))
        return expect(params[0], ValueType.scalar, 'aggregation parameter');
      if (id === CountValues) return expect(params[0], ValueType.string, 'aggregation parameter');
      return null;
    }
    case BinaryExpr: {
      const l = node.firstChild;
      const r = node.lastChild;
      const inner = check(l) ?? check(r);
      if (inner) return inner;
      const lt = getType(l);
      const rt = getType(r);
      const comparison = has(node, Eql, Neq, Lte, Lss, Gte, Gtr);
      const setOp = has(node, And, Or, Unless);
      if (node.getChild(BoolModifier) && !comparison)
        return 'bool modifier can only be used on comparison operators';
      if (
        !node.getChild(BoolModifier) &&
        comparison &&
        lt === ValueType.scalar &&
        rt === ValueType.scalar
      )
        return 'comparisons between scalars must use BOOL modifier';
      for (const t of [lt, rt])
        if (t !== ValueType.scalar && t !== ValueType.vector)
          return `binary expression must contain only scalar and instant vector types, got ${NAMES[t]}`;
      if (setOp && (lt === ValueType.scalar || rt === ValueType.scalar))
        return 'set operator not allowed in binary scalar expression';
      return matchingProblem(text, node, lt === ValueType.vector && rt === ValueType.vector, setOp);
    }
    case FunctionCall: {
      const id = node.firstChild?.firstChild;
      if (!id) return null;
      const f = getFunction(id.type.id);
      const args = node.getChild(FunctionCallBody)?.getChildren('Expr') ?? [];
      const fixed = f.argTypes.length - (f.variadic === 0 ? 0 : 1);
      const most = f.variadic < 0 ? Infinity : fixed + f.variadic;
      if (args.length < fixed || args.length > most)
        return `wrong number of arguments (${args.length}) in call to function "${f.name}"`;
      for (let i = 0; i < args.length; i++) {
        const want = f.argTypes[Math.min(i, f.argTypes.length - 1)];
        if (want === undefined) break;
        const problem = expect(args[i], want, `call to function "${f.name}"`);
        if (problem) return problem;
      }
      return null;
    }
    case UnaryExpr: {
      const e = node.getChild('Expr');
      const inner = check(e);
      if (inner) return inner;
      const t = getType(e);
      return t === ValueType.scalar || t === ValueType.vector
        ? null
        : `unary expression only allowed on expressions of type scalar or instant vector, got ${NAMES[t]}`;
    }
    case SubqueryExpr:
      return expect(node.getChild('Expr') ?? undefined, ValueType.vector, 'subquery');
    case StepInvariantExpr: {
      const e = node.getChild('Expr');
      const inner = check(e);
      if (inner) return inner;
      const t = getType(e);
      return t === ValueType.vector || t === ValueType.matrix
        ? null
        : '@ modifier must be preceded by an instant vector selector, a range vector selector or a subquery';
    }
    case ParenExpr:
    case OffsetExpr:
    case MatrixSelector:
      return check(node.getChild('Expr'));
    default:
      return null;
  }
}
