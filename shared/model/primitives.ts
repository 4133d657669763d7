import { z } from 'zod';

/** A DNS label: what generated configs, containers and the compose project are called. */
export const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const NAME_MAX = 40;

export const Name = z
  .string()
  .max(NAME_MAX, { message: `must be at most ${NAME_MAX} characters` })
  .regex(DNS_LABEL, {
    message: 'must be a DNS label: lowercase letters, digits and "-", starting with a letter',
  });

/** Stable references between parts of a design. */
export const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/, {
    message: 'must be letters, digits, "_", ".", ":" or "-", without spaces',
  });

/** Prometheus duration syntax, e.g. 15s, 1m, 2h, 15d, 1h30m. */
export const DURATION =
  /^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$/;

/** Go's durations end at about 292 years; Prometheus refuses longer ones as out of range. */
export const DURATION_MAX_MS = 100 * 365 * 24 * 3600_000;

export const Duration = z
  .string()
  .refine((s) => s !== '' && DURATION.test(s), {
    message: 'must be a Prometheus duration such as 15s, 1m, 2h or 15d',
  })
  .refine((s) => !(durationMs(s) > DURATION_MAX_MS), {
    message: 'must be at most 100y: longer durations are out of range for Prometheus',
  });

/** A duration that must not be zero (Alertmanager refuses a zero group or repeat interval). */
export const PositiveDuration = Duration.refine((s) => !(durationMs(s) === 0), {
  message: 'must be longer than zero',
});

const UNIT_MS: Record<string, number> = {
  y: 365 * 24 * 3600_000,
  w: 7 * 24 * 3600_000,
  d: 24 * 3600_000,
  h: 3600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
};

/** Milliseconds of a Prometheus duration; NaN when it is not one. */
export function durationMs(d: string): number {
  if (d === '' || !DURATION.test(d)) return Number.NaN;
  let total = 0;
  for (const m of d.matchAll(/([0-9]+)(ms|y|w|d|h|m|s)/g)) {
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  }
  return total;
}

export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const LabelName = z.string().regex(LABEL_NAME, {
  message: 'must be a Prometheus label name: letters, digits and "_", not starting with a digit',
});

/**
 * Refuses a `__proto__` key in a mapping of user-chosen keys. zod leaves it out of a record
 * without a word (it would replace the prototype of the object it builds), so the label or
 * annotation would silently vanish from the export.
 */
const NO_PROTO_KEY = z.unknown().superRefine((v, ctx) => {
  if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, '__proto__')) {
    ctx.addIssue({
      code: 'custom',
      path: ['__proto__'],
      message:
        'cannot be a key: "__proto__" is reserved by JavaScript and would be lost; use another name',
    });
  }
});

export const LABELS_MAX = 64;

/**
 * A map keyed by label names (label sets, annotations). Each bad key is reported at its own path;
 * with `user`, `__` names are refused too: they are Prometheus's own (`__name__`, `__path__`).
 */
export function labelMap<V extends z.ZodType>(value: V, user: boolean) {
  return NO_PROTO_KEY.pipe(
    z.record(z.string(), value).superRefine((m, ctx) => {
      const keys = Object.keys(m);
      if (keys.length > LABELS_MAX)
        ctx.addIssue({ code: 'custom', message: `at most ${LABELS_MAX} labels` });
      for (const k of keys) {
        const message = !LABEL_NAME.test(k)
          ? 'must be a Prometheus label name: letters, digits and "_", not starting with a digit'
          : user && k.startsWith('__')
            ? 'must not start with "__": such labels are reserved for Prometheus'
            : undefined;
        if (message) ctx.addIssue({ code: 'custom', path: [k], message });
      }
    }),
  );
}

/** A label set: names are checked, values are free text (they are data, never config). */
export const Labels = labelMap(z.string(), true);

export const Position = z.strictObject({ x: z.number(), y: z.number() });
export const Size = z.strictObject({ width: z.number().positive(), height: z.number().positive() });

export const Port = z.number().int().min(1).max(65535);
export const Count = z.number().int().min(1);

/** A `${VAR}` reference: how secrets enter a design without being in it. */
export const VAR_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
export const SINGLE_VAR_REF = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** A field meant for a secret: it must be a `${VAR}` reference, never the secret itself. */
export const SecretRef = z.string().regex(SINGLE_VAR_REF, {
  message: 'must be a ${VAR} reference: secrets never appear in a design',
});
