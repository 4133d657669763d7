// Enough of Go's text/template parser to refuse what Prometheus refuses when it loads alert rules
// (promtool check rules parses every alert label and annotation as a template): unclosed actions,
// unknown functions and variables, empty commands, unbalanced parentheses and if/range/with/end.

/** Functions Prometheus 2.42+ templates know: Go's builtins and Prometheus's own. */
const FUNCTIONS = new Set([
  // text/template
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  // Prometheus (template/template.go)
  'query',
  'first',
  'label',
  'value',
  'strvalue',
  'args',
  'reReplaceAll',
  'safeHtml',
  'match',
  'title',
  'toUpper',
  'toLower',
  'graphLink',
  'tableLink',
  'sortByLabel',
  'humanize',
  'humanize1024',
  'humanizeDuration',
  'humanizePercentage',
  'humanizeTimestamp',
  'pathPrefix',
  'externalURL',
  'parseDuration',
  'stripPort',
]);

/** Variables Prometheus defines before every alert template. */
const PROMETHEUS_VARS = ['$', '$labels', '$externalLabels', '$externalURL', '$value'];

type Token =
  | { t: 'ident' | 'var' | 'field' | 'literal'; v: string }
  | { t: '(' | ')' | '|' | ':=' | '=' | ',' };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Tokens of one action's inside, or a reason it is not one. */
function lex(src: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    const rest = src.slice(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (c !== '`' && src[j] === '\\') j++;
        if (c !== '`' && src[j] === '\n') return 'a quoted string spans a line break';
        j++;
      }
      if (j >= src.length) return `unterminated ${c === '`' ? 'raw string' : 'quoted string'}`;
      const literal = src.slice(i, j + 1);
      const bad = literalProblem(literal);
      if (bad) return bad;
      out.push({ t: 'literal', v: literal });
      i = j + 1;
    } else if (rest.startsWith(':=')) {
      out.push({ t: ':=' });
      i += 2;
    } else if (c === '(' || c === ')' || c === '|' || c === '=' || c === ',') {
      out.push({ t: c });
      i++;
    } else if (c === '$') {
      const m = IDENT.exec(rest.slice(1));
      const name = `$${m?.[0] ?? ''}`;
      out.push({ t: 'var', v: name });
      i += name.length;
    } else if (c === '.') {
      const m = IDENT.exec(rest.slice(1));
      out.push({ t: 'field', v: `.${m?.[0] ?? ''}` });
      i += 1 + (m?.[0].length ?? 0);
    } else if (/[0-9+-]/.test(c)) {
      const m = /^[+-]?(0[xX][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]+([eE][+-]?[0-9]+)?)/.exec(rest);
      if (!m || m[0] === '' || m[0] === '+' || m[0] === '-') return `unexpected "${c}"`;
      out.push({ t: 'literal', v: m[0] });
      i += m[0].length;
    } else {
      const m = IDENT.exec(rest);
      if (!m) return `unexpected "${c}"`;
      out.push({ t: 'ident', v: m[0] });
      i += m[0].length;
    }
    // A field or variable chain such as $labels.instance continues without spaces; after
    // anything else (3.5.x, "a".b) Go refuses a ".".
    const last = out[out.length - 1]?.t;
    if (src[i] === '.' && last !== 'var' && last !== 'field' && last !== ')')
      return 'a "." follows something that has no fields';
    while (src[i] === '.') {
      const m = IDENT.exec(src.slice(i + 1));
      if (!m) return 'a "." is not followed by a field name';
      i += 1 + m[0].length;
    }
  }
  return out;
}

/** Go's escapes in a quoted string; a character constant holds exactly one character. */
const ESCAPE = /\\(?:[abfnrtv\\"']|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g;

function literalProblem(literal: string): string | null {
  if (literal.startsWith('`')) return null;
  const body = literal.slice(1, -1);
  const plain = body.replace(ESCAPE, 'x');
  if (plain.includes('\\')) return `invalid escape in ${literal}`;
  if (literal.startsWith('"') && /\\'/.test(body)) return `invalid escape in ${literal}`;
  // One code point, as Go counts runes; grapheme clusters do not matter here.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- see above
  if (literal.startsWith("'") && [...plain].length !== 1)
    return `invalid character constant ${literal}`;
  return null;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block']);
const LITERAL_IDENTS = new Set(['true', 'false', 'nil']);

/** Checks a pipeline (commands separated by `|`), declaring its variables into `vars`. */
function checkPipeline(tokens: Token[], vars: Set<string>): string | null {
  let ts = tokens;
  const decl = ts.findIndex((t) => t.t === ':=' || t.t === '=');
  if (decl >= 0) {
    const names = ts.slice(0, decl).filter((t) => t.t !== ',');
    if (names.length === 0 || names.some((t) => t.t !== 'var'))
      return 'only variables can be declared';
    for (const n of names) if (n.t === 'var') vars.add(n.v);
    ts = ts.slice(decl + 1);
  }
  let depth = 0;
  let command: Token[] = [];
  const commands: Token[][] = [];
  for (const t of ts) {
    if (t.t === '(') depth++;
    if (t.t === ')' && --depth < 0) return 'unexpected ")"';
    if (t.t === '|' && depth === 0) {
      commands.push(command);
      command = [];
    } else command.push(t);
  }
  if (depth > 0) return 'unclosed "("';
  commands.push(command);
  for (const c of commands) {
    if (c.length === 0) return 'missing command in a pipeline';
    if (c.length === 1 && c[0]?.t === 'ident' && c[0].v === 'nil') return 'nil is not a command';
    for (let k = 0; k < c.length; k++) {
      const t = c[k];
      if (t === undefined) continue;
      if (t.t === 'ident' && !FUNCTIONS.has(t.v) && !LITERAL_IDENTS.has(t.v))
        return `function "${t.v}" is not defined`;
      if (t.t === 'var' && !vars.has(t.v)) return `undefined variable "${t.v}"`;
      if (t.t === '(' && c[k + 1]?.t === ')') return 'missing value in "()"';
      if (t.t === ':=' || t.t === '=' || t.t === ',') return `unexpected "${t.t}"`;
    }
  }
  return null;
}

/** Why Prometheus would refuse this text as an alert template, or null if it reads it. */
export function goTemplateProblem(text: string): string | null {
  const vars = new Set(PROMETHEUS_VARS);
  const open: string[] = [];
  let i = 0;
  for (;;) {
    const start = text.indexOf('{{', i);
    if (start < 0) break;
    let from = start + 2;
    if (/^- /.test(text.slice(from))) from += 2;
    if (text.startsWith('/*', from)) {
      const close = text.indexOf('*/', from + 2);
      const after = close < 0 ? -1 : close + 2;
      const rest = after < 0 ? '' : text.slice(after);
      const m = /^( -)?\}\}/.exec(rest);
      if (after < 0 || !m) return 'a {{/* comment */}} is not closed';
      i = after + m[0].length;
      continue;
    }
    const end = findClose(text, from);
    if (end < 0) return 'a "{{" has no matching "}}"';
    let inner = text.slice(from, end);
    if (/ -$/.test(inner)) inner = inner.slice(0, -2);
    i = end + 2;
    const tokens = lex(inner);
    if (typeof tokens === 'string') return `in {{${inner}}}: ${tokens}`;
    const head = tokens[0];
    const word = head?.t === 'ident' && KEYWORDS.has(head.v) ? head.v : undefined;
    const problem = checkAction(word, tokens, open, vars);
    if (problem) return `in {{${inner}}}: ${problem}`;
  }
  if (open.length > 0) return `{{${open[open.length - 1] ?? ''}}} has no {{end}}`;
  return null;
}

function checkAction(
  word: string | undefined,
  tokens: Token[],
  open: string[],
  vars: Set<string>,
): string | null {
  const rest = tokens.slice(1);
  switch (word) {
    case undefined:
      if (tokens.length === 0) return 'missing value for command';
      return checkPipeline(tokens, vars);
    case 'end':
      if (rest.length > 0) return 'unexpected words after end';
      if (open.pop() === undefined) return 'unexpected {{end}}';
      return null;
    case 'else': {
      const top = open[open.length - 1];
      if (top === undefined || top === 'define' || top === 'block') return 'unexpected {{else}}';
      if (rest.length === 0) return null;
      const chained = rest[0];
      if (chained?.t !== 'ident' || (chained.v !== 'if' && chained.v !== 'with'))
        return 'unexpected words after else';
      return rest.length < 2
        ? `missing value for ${chained.v}`
        : checkPipeline(rest.slice(1), vars);
    }
    case 'if':
    case 'with':
    case 'range':
      open.push(word);
      return rest.length === 0 ? `missing value for ${word}` : checkPipeline(rest, vars);
    default:
      // define, template and block name other templates: Prometheus gives its alerts none.
      return `{{${word}}} is not supported in alert templates`;
  }
}

/** Index of the `}}` closing an action that starts at `from`, skipping quoted strings. */
function findClose(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '"' || c === "'" || c === '`') {
      let k = j + 1;
      while (k < text.length && text[k] !== c) {
        if (c !== '`' && text[k] === '\\') k++;
        k++;
      }
      j = k;
    } else if (c === '}' && text[j + 1] === '}') return j;
  }
  return -1;
}
