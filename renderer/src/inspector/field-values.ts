// Pure: a form field's text <-> its value in the design, and the checks that run as one types.
import type { z } from 'zod';
import { Duration, LabelName, SecretRef } from '../../../shared/model/primitives.ts';
import { parseSeriesSelector } from '../../../shared/validate/promql.ts';
import type { FieldSpec } from './fields.ts';

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

const okv = (value: unknown): Parsed => ({ ok: true, value });
const bad = (error: string): Parsed => ({ ok: false, error });

function zodMessage(r: z.ZodSafeParseResult<unknown>): string {
  return r.success ? '' : (r.error.issues[0]?.message ?? 'invalid');
}

/** Lines of a list field, trimmed, blank ones dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The value a field's text stands for; `undefined` removes the key from the item. */
export function parseField(spec: FieldSpec, text: string): Parsed {
  const t = spec.type === 'multiline' ? text : text.trim();
  if (t === '' && spec.type !== 'bool') {
    return spec.required ? bad(`${spec.label} is required`) : okv(undefined);
  }
  switch (spec.type) {
    case 'text':
    case 'multiline':
    case 'enum':
      return okv(t);
    case 'int': {
      if (!/^-?[0-9]+$/.test(t)) return bad('must be a whole number');
      const n = Number(t);
      if (spec.min !== undefined && n < spec.min) return bad(`must be at least ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) return bad(`must be at most ${spec.max}`);
      return okv(n);
    }
    case 'duration': {
      const r = Duration.safeParse(t);
      return r.success ? okv(t) : bad(zodMessage(r));
    }
    case 'secret': {
      const r = SecretRef.safeParse(t);
      return r.success ? okv(t) : bad(zodMessage(r));
    }
    case 'path':
      return t.startsWith('/') ? okv(t) : bad('must start with "/"');
    case 'bool':
      return t === '' ? okv(undefined) : okv(t === 'true');
    case 'strings': {
      const lines = linesOf(t);
      return okv(lines.length > 0 ? lines : undefined);
    }
    case 'selectors': {
      const lines = linesOf(t);
      if (lines.length === 0)
        return spec.required ? bad('needs at least one selector') : okv(undefined);
      const errors = selectorErrors(t);
      return errors.length > 0 ? bad(errors.join('\n')) : okv(lines);
    }
    case 'labels':
    case 'recordingRules':
    case 'alertRules':
    case 'suppress':
      return bad(`${spec.type} is not a text field`);
  }
}

/** `line N: reason` for each line of a match[] list that is not one series selector. */
export function selectorErrors(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const s = line.trim();
    if (s === '') return;
    const r = parseSeriesSelector(s);
    if (!r.ok) out.push(`line ${i + 1}: ${r.reason}`);
  });
  return out;
}

/** The text a field shows for a value of the design. */
export function fieldText(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join('\n');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A copy of `item` with `key` set, or removed when `value` is undefined. */
export function withField<T extends object>(item: T, key: string, value: unknown): T {
  if (value !== undefined) return { ...item, [key]: value };
  return Object.fromEntries(Object.entries(item).filter(([k]) => k !== key)) as T;
}

export interface LabelRow {
  key: string;
  value: string;
}

export type LabelsParse =
  | { ok: true; value: Record<string, string> | undefined }
  | { ok: false; errors: (string | null)[] };

/**
 * A label map from editor rows: names checked (unless `freeKeys`, for annotations), duplicates
 * refused, fully blank rows ignored.
 */
export function parseLabelRows(rows: readonly LabelRow[], freeKeys = false): LabelsParse {
  const seen = new Set<string>();
  const errors: (string | null)[] = [];
  const value: Record<string, string> = {};
  let failed = false;
  for (const row of rows) {
    const k = row.key.trim();
    let err: string | null = null;
    if (k === '' && row.value === '') {
      errors.push(null);
      continue;
    }
    if (k === '') err = 'a label needs a name';
    // A design refuses it too: JavaScript would drop the key instead of keeping the row.
    else if (k === '__proto__') err = '"__proto__" is reserved by JavaScript: use another name';
    else if (!freeKeys && !LabelName.safeParse(k).success)
      err = `"${k}": letters, digits and "_", not starting with a digit`;
    else if (seen.has(k)) err = `"${k}" appears twice`;
    if (err) failed = true;
    else value[k] = row.value;
    seen.add(k);
    errors.push(err);
  }
  if (failed) return { ok: false, errors };
  return { ok: true, value: Object.keys(value).length > 0 ? value : undefined };
}

export function labelRowsOf(labels: unknown): LabelRow[] {
  if (!labels || typeof labels !== 'object') return [];
  return Object.entries(labels as Record<string, unknown>).map(([key, value]) => ({
    key,
    value: String(value),
  }));
}

/** The first problem zod finds in an item, as `path: message`. */
export function schemaProblem(schema: z.ZodType, item: unknown): string | null {
  const r = schema.safeParse(item);
  if (r.success) return null;
  const issue = r.error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
