// Field validators for strings that end up in a generated file or a docker-compose value: each
// refuses, when the design is read, what promtool, amtool, docker-compose or the container would
// refuse later. The messages say what the field must be.
import { z } from 'zod';
import { goTemplateProblem } from './go-template.ts';
import { SINGLE_VAR_REF } from './primitives.ts';

/** Prometheus's classic metric name, what Prometheus 2 accepts as a recording rule's name. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export const MetricName = z.string().regex(METRIC_NAME, {
  message:
    'must be a Prometheus metric name: letters, digits, "_" and ":", not starting with a digit',
});

/** A value Prometheus expands as a Go template (alert labels and annotations). */
export const AlertTemplate = z.string().superRefine((s, ctx) => {
  const problem = goTemplateProblem(s);
  if (problem)
    ctx.addIssue({ code: 'custom', message: `is not a valid alert template: ${problem}` });
});

/**
 * A value that may hold `${VAR}` references where the tool that reads it fills them in (compose
 * for images, tags and plugin lists; the Alertmanager start script for receiver fields): its
 * grammar is checked with each reference standing for a neutral "1" (a valid host, port, tag or
 * path part), so `${REGISTRY}/redis:7` and `${SMTP_HOST}:587` pass and `smtp:${X}x` does not.
 */
const VAR_REF = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/g;
const withVars = (re: RegExp) => (s: string) => re.test(s.replace(VAR_REF, '1'));

const HOST = String.raw`(?:[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+)*|\[[0-9A-Fa-f:.]+\])`;
const PORT = String.raw`(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])`;
/** A character of a URL (RFC 3986): Go's parser refuses a "%" not followed by two hex digits. */
const URL_CHAR = String.raw`(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})`;
/** A URL's path, query and fragment, with `${VAR}` references in them. */
const URL_TAIL = String.raw`(?:[/?#](?:${URL_CHAR}|[/?#]|\$\{[A-Za-z_][A-Za-z0-9_]*\})*)?`;
const HTTP_URL = new RegExp(
  String.raw`^https?://(?:${URL_CHAR}+@)?${HOST}(?::${PORT})?${URL_TAIL}$`,
);

/** A receiver URL: http or https, or a whole `${VAR}` holding one. */
export const ReceiverUrl = z
  .string()
  .refine((s) => withVars(HTTP_URL)(s) || SINGLE_VAR_REF.test(s), {
    message:
      'must be an http:// or https:// URL (no spaces; `${VAR}` references allowed) or a single ${VAR}',
  });

/** host:port, as Alertmanager's smarthost and scrape addresses need. */
export const HostPort = z.string().refine(withVars(new RegExp(`^${HOST}:${PORT}$`)), {
  message: 'must be host:port, e.g. smtp.example.org:587 (`${VAR}` references allowed)',
});

/** A matcher as Alertmanager 0.25 reads one: name, operator, value; a regex value must compile. */
export const AlertmanagerMatcher = z.string().superRefine((s, ctx) => {
  const problem = matcherProblem(s);
  if (problem)
    ctx.addIssue({ code: 'custom', message: `is not an Alertmanager matcher: ${problem}` });
});

const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

/** What Alertmanager's parser (labels.ParseMatcher, 0.25) does with one matcher, or why it fails. */
export function matcherProblem(s: string): string | null {
  const m = MATCHER.exec(s);
  if (!m) return 'write name="value", with one of = != =~ !~';
  const [, , op, raw = ''] = m;
  const quoted = raw.startsWith('"');
  // Unquoted, these would split the entry into several matchers or be trimmed away.
  if (!quoted && /[,{}]/.test(raw)) return 'quote a value that has ",", "{" or "}"';
  if (/[\r\n]/.test(raw)) return 'the value has a line break';
  const body = quoted ? raw.slice(1) : raw;
  let value = '';
  let closed = !quoted;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '\\' && i < body.length - 1) {
      const next = body[++i] ?? '';
      value += next === 'n' ? '\n' : next === '"' || next === '\\' ? next : `\\${next}`;
    } else if (c === '"') {
      if (closed || i < body.length - 1) return 'the value has an unescaped double quote';
      closed = true;
    } else value += c;
  }
  if (!closed) return 'the quoted value has no closing double quote';
  if (op === '=~' || op === '!~') {
    const problem = re2Problem(value);
    if (problem) return `the value is not a regular expression: ${problem}`;
  }
  return null;
}

/** Why Go's RE2 would refuse a regex, as far as JavaScript's parser and RE2's known gaps tell. */
export function re2Problem(pattern: string): string | null {
  if (/\(\?[=!<]|\\[1-9]|\\k</.test(pattern))
    return 'lookarounds, backreferences and (?<name>) are not RE2';
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * An absolute host path or glob (Promtail `paths`). Its folder is mounted into the container as
 * `source:target:ro`, so a ":" would split the mount, and "." or ".." segments would reach folders
 * the path does not name.
 */
export const HostPathGlob = z.string().superRefine((s, ctx) => {
  const problem = !s.startsWith('/')
    ? 'must be an absolute path (starting with "/")'
    : /[:,\\\s\p{Cc}]/u.test(s)
      ? 'must not contain ":", ",", "\\", blanks or control characters'
      : s.split('/').some((seg) => seg === '.' || seg === '..')
        ? 'must not contain "." or ".." segments'
        : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A URL path (metrics paths): no blanks, query or fragment. */
export const UrlPath = z.string().regex(new RegExp(String.raw`^/(?:${URL_CHAR}|/)*$`), {
  message: 'must be a URL path starting with "/", without blanks, "?" or "#"',
});

// Docker's reference grammar (distribution/reference): [domain/]path[:tag][@digest].
const DOMAIN_PART = String.raw`(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])`;
const DOMAIN = String.raw`(?:${DOMAIN_PART}(?:\.${DOMAIN_PART})*|\[[0-9A-Fa-f:]+\])(?::[0-9]+)?`;
const PATH_PART = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw`[\w][\w.-]{0,127}`;
const DIGEST = String.raw`[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`;
const IMAGE_REF = new RegExp(
  String.raw`^(?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*(?::${TAG})?(?:@${DIGEST})?$`,
);

export const ImageRef = z.string().max(255).refine(withVars(IMAGE_REF), {
  message:
    'must be a Docker image reference such as prom/prometheus:v2.53.0 or registry:5000/team/image@sha256:<digest> (`${VAR}` references allowed)',
});

/** An image tag, what `version` replaces the catalog image's tag with. */
export const ImageTag = z.string().refine(withVars(new RegExp(`^${TAG}$`)), {
  message:
    'must be an image tag: letters, digits, "_", "." and "-", at most 128 characters (`${VAR}` references allowed)',
});

/** A Grafana plugin id; GF_INSTALL_PLUGINS is a comma list where a blank adds a version. */
export const PluginId = z.string().refine(withVars(/^[a-z0-9][a-z0-9._-]{0,99}$/), {
  message:
    'must be a Grafana plugin id such as grafana-clock-panel: lowercase letters, digits, ".", "_" and "-" (`${VAR}` references allowed)',
});

/**
 * A data store's database or user name: it becomes an environment value, a grafana.ini setting
 * and a provisioning field, so it is a plain word, or `${VAR}` references.
 */
export const DataStoreWord = z
  .string()
  .max(64)
  .regex(/^(?:[A-Za-z0-9_.@-]|\$\{[A-Za-z_][A-Za-z0-9_]*\})+$/, {
    message: 'must be letters, digits, "_", ".", "@" and "-", or ${VAR} references',
  });
