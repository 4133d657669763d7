import type { Draft, Rule } from '../rule.ts';
import { designStrings } from '../design-strings.ts';

/** A `${VAR}` reference, the one way a secret may appear. */
const REF = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Credential shapes: what each is called in a message, and when a match is a literal secret. */
const SHAPES: { what: string; re: RegExp; literal?: (m: RegExpMatchArray) => boolean }[] = [
  {
    what: 'a password in a URL (user:password@)',
    re: /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/,
    literal: (m) => !REF.test(m[1] ?? ''),
  },
  {
    what: 'a Slack webhook URL with its secret part',
    re: /hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/([A-Za-z0-9]{8,})/,
    // The documentation's placeholder, XXXX..., is no secret.
    literal: (m) => !/^X+$/i.test(m[1] ?? ''),
  },
  { what: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  // A token has digits and length; "Bearer authentication" in an annotation is prose.
  {
    what: 'a bearer token',
    re: /\bBearer(?:\s+|%20|\+)(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{12,}=*/,
  },
  { what: 'an AWS access key', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  {
    what: 'a PagerDuty integration key',
    re: /(?:events\.pagerduty\.com\/integration\/|(?:routing|service|integration)[_-]?key[=:"\s]+)([0-9a-f]{32})\b/i,
  },
];

/** A PagerDuty routing or service key: 32 hex digits, in a field named for a key. */
const PD_KEY = /^[0-9a-f]{32}$/i;
/** Any of the shapes, ignoring case (so it matches whenever one of them does): most values none. */
const ANY_SHAPE = new RegExp(SHAPES.map((s) => `(?:${s.re.source})`).join('|'), 'i');
const KEY_FIELD = /key|token|secret/i;

export const secretLiteral: Rule = {
  id: 'secret-literal',
  severity: 'error',
  area: 'secrets',
  when: 'a value of the design holds a literal credential: a password in a URL (`user:pass@`), a Slack webhook secret or token, a PagerDuty key, a bearer token, an AWS access key or a GitHub token',
  why: 'A design is meant to be shared and committed, and the export copies it (topology.yaml) beside configs that are; a credential written into it leaks with every copy and cannot be rotated without editing the design.',
  fix: 'replace the credential with a `${VAR}` reference, put the value in `.env`, and rotate it: it has already been written down',
  sources: [],
  check(facts) {
    const out: Draft[] = [];
    for (const s of designStrings(facts.topology)) {
      const last = s.path[s.path.length - 1];
      const keyField = typeof last === 'string' && KEY_FIELD.test(last);
      let what: string | undefined;
      if (keyField && PD_KEY.test(s.value.trim())) what = 'a PagerDuty key';
      else if (!ANY_SHAPE.test(s.value)) continue;
      for (const shape of SHAPES) {
        if (what) break;
        const m = shape.re.exec(s.value);
        if (m && (shape.literal?.(m) ?? true)) what = shape.what;
      }
      if (!what) continue;
      out.push({
        // The credential itself is never repeated: findings are printed and logged.
        message: `${s.where} holds ${what}`,
        nodes: s.node ? [s.node] : [],
        edges: s.edge ? [s.edge] : [],
      });
    }
    return out;
  },
};
