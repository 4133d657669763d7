// Values Alertmanager must get from .env although it expands no environment: alertmanager.yml is
// written with placeholders, and the container (or the lab, on the host) replaces each with the
// content of its secret file before Alertmanager reads it.
import yaml from 'js-yaml';

/**
 * A valid URL that stands for a secret webhook URL in alertmanager.yml. Alertmanager 0.25 has no
 * `url_file` for webhooks and expands no environment, so the container replaces it at start.
 */
export function webhookPlaceholder(varName: string): string {
  return `http://fedstudio-secret.invalid/${varName}`;
}

/**
 * What stands for a `${VAR}` inside a longer value (`https://hooks.example.com/${TEAM}/alert`).
 * The `-` around the name cannot be part of a variable name, so no placeholder can be read as
 * another's, and it keeps a URL valid wherever the variable sits in it.
 */
export function inlinePlaceholder(varName: string): string {
  return `fedstudio-var-${varName}-end`;
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INLINE_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Every `${VAR}` left in a string of the config, as its inline placeholder; `found` collects names. */
export function withInlinePlaceholders<T>(value: T, found: Set<string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replace(INLINE_REF, (_, name: string) => {
        found.add(name);
        return inlinePlaceholder(name);
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * alertmanager.yml as text. A config with placeholders has every string double-quoted, so a
 * value put in place of a placeholder needs only `\` and `"` escaped to stay one YAML string.
 */
export function dumpAlertmanagerYaml(config: unknown, placeholders: boolean): string {
  return yaml.dump(config, {
    lineWidth: -1,
    noRefs: true,
    quotingType: '"',
    ...(placeholders ? { forceQuotes: true } : {}),
  });
}

/**
 * A value as the render puts it in place: control characters (a trailing newline is common)
 * dropped and surrounding spaces trimmed. The container script does the same with tr and sed.
 */
export function cleanSecretValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\x00-\x1f\x7f]/g, '').replace(/^ +| +$/g, '');
}

/** Each placeholder of a plan and the variable whose secret file replaces it. */
export function renderPlaceholders(
  plan: Pick<SecretRenderPlan, 'vars' | 'inline'>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of plan.vars) out.set(webhookPlaceholder(v), v);
  for (const v of plan.inline ?? []) out.set(inlinePlaceholder(v), v);
  return out;
}

/** Quotes one word for sh. */
export function shQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface SecretRenderPlan {
  /** Variables whose secret files replace webhookPlaceholder(VAR) in the template. */
  vars: string[];
  /** Variables whose secret files replace inlinePlaceholder(VAR), inside longer values. */
  inline?: string[];
  template: string;
  output: string;
  secretsDir: string;
  /** The program and arguments to exec once the config is written. */
  exec: string[];
}

/**
 * An sh script that writes `template` to `output` with each placeholder replaced by the content
 * of its secret file, then execs the program. Values are data, never code: they reach sed only as
 * escaped replacement text, and nothing is eval'd. The script holds no `$` at all, so compose's
 * interpolation cannot touch it whether or not the compose writer escapes `$`. Each value is
 * cleaned as cleanSecretValue does, then `\` and `"` are escaped for the double-quoted YAML
 * string it lands in, then `\`, `&` and the `|` delimiter for sed.
 */
export function secretRenderScript(plan: SecretRenderPlan): string {
  const sedFile = `${plan.output}.sed`;
  // Longest first: the webhook placeholder of A is a prefix of the one of AB.
  const placeholders = [...renderPlaceholders(plan)].sort(
    ([a], [b]) => b.length - a.length || a.localeCompare(b),
  );
  // Trailing spaces are trimmed last, before the closing `|g`: inside the escaped value every `|`
  // follows a `\`, so only the value's end can match ` |g`.
  const lines = ['set -e', 'umask 077', `: > ${shQuote(sedFile)}`];
  for (const [placeholder, v] of placeholders) {
    if (!VAR_NAME.test(v)) throw new Error(`"${v}" is not a variable name`);
    const file = shQuote(`${plan.secretsDir}/${v}`);
    const pattern = placeholder.replace(/\./g, '\\\\.');
    lines.push(
      `test -r ${file} || { echo ${shQuote(`missing secret file ${plan.secretsDir}/${v}`)} >&2; exit 1; }`,
      `{ tr -d '\\000-\\037\\177' < ${file}; echo; } | sed -e 's/^ *//' -e 's/[\\\\"]/\\\\&/g' -e 's/[\\\\&|]/\\\\&/g' -e 's#^#s|${pattern}|#' -e 's#.*#&|g#' -e 's/  *|g/|g/' >> ${shQuote(sedFile)}`,
    );
  }
  lines.push(
    `sed -f ${shQuote(sedFile)} ${shQuote(plan.template)} > ${shQuote(plan.output)}`,
    `rm -f ${shQuote(sedFile)}`,
    `exec ${plan.exec.map(shQuote).join(' ')}`,
  );
  return lines.join('\n');
}
