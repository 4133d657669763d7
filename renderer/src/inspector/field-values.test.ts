import { describe, expect, it } from 'vitest';
import { NODE_SCHEMAS } from '../../../shared/model/schema.ts';
import {
  fieldText,
  parseField,
  parseLabelRows,
  schemaProblem,
  selectorErrors,
  withField,
} from './field-values.ts';
import type { FieldSpec } from './fields.ts';
import { edgeFields, nodeFields } from './fields.ts';
import { formatBytes, formatCount } from './format.ts';

const spec = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key: 'k',
  label: 'K',
  type,
  ...extra,
});

describe('parseField', () => {
  it('checks durations with the Duration schema', () => {
    expect(parseField(spec('duration'), '1m30s')).toEqual({ ok: true, value: '1m30s' });
    expect(parseField(spec('duration'), '15x').ok).toBe(false);
    expect(parseField(spec('duration'), '  ')).toEqual({ ok: true, value: undefined });
  });
  it('reads integers within bounds', () => {
    expect(parseField(spec('int', { min: 1 }), '3')).toEqual({ ok: true, value: 3 });
    expect(parseField(spec('int', { min: 1 }), '0')).toEqual({
      ok: false,
      error: 'must be at least 1',
    });
    expect(parseField(spec('int'), '2.5').ok).toBe(false);
  });
  it('refuses a secret that is not a ${VAR}', () => {
    expect(parseField(spec('secret'), 'hunter2').ok).toBe(false);
    expect(parseField(spec('secret'), '${PW}')).toEqual({ ok: true, value: '${PW}' });
  });
  it('refuses emptying a required field', () => {
    expect(parseField(spec('text', { required: true }), '').ok).toBe(false);
  });
  it('parses match[] selectors line by line and names the bad line', () => {
    const s = spec('selectors', { required: true });
    expect(parseField(s, '{__name__=~"job:.*"}\n\nup')).toEqual({
      ok: true,
      value: ['{__name__=~"job:.*"}', 'up'],
    });
    expect(selectorErrors('up\nsum(up)')[0]).toMatch(/^line 2: /);
    expect(parseField(s, '').ok).toBe(false);
  });
  it('shows lists one per line', () => {
    expect(fieldText(spec('strings'), ['a', 'b'])).toBe('a\nb');
  });
});

describe('labels', () => {
  it('checks names and duplicates, ignores blank rows', () => {
    expect(
      parseLabelRows([
        { key: 'dc', value: 'eu' },
        { key: '', value: '' },
      ]),
    ).toEqual({
      ok: true,
      value: { dc: 'eu' },
    });
    const bad = parseLabelRows([
      { key: '1x', value: 'a' },
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
    ]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e !== null)).toEqual([true, false, true]);
    expect(parseLabelRows([{ key: 'runbook-url', value: 'x' }], true).ok).toBe(true);
    expect(parseLabelRows([])).toEqual({ ok: true, value: undefined });
  });

  it('refuses a "__proto__" key instead of dropping the row, and keeps "constructor"', () => {
    for (const free of [false, true]) {
      const r = parseLabelRows([{ key: '__proto__', value: 'x' }], free);
      expect(r).toEqual({ ok: false, errors: [expect.stringContaining('__proto__')] });
    }
    expect(parseLabelRows([{ key: 'constructor', value: 'x' }])).toEqual({
      ok: true,
      value: { constructor: 'x' },
    });
  });
});

describe('items', () => {
  it('sets and removes a key without touching the original', () => {
    const n = { id: 'p', kind: 'prometheus', name: 'p', replicas: 2 };
    expect(withField(n, 'replicas', undefined)).toEqual({ id: 'p', kind: 'prometheus', name: 'p' });
    expect(withField(n, 'shards', 2)).toMatchObject({ replicas: 2, shards: 2 });
    expect(n.replicas).toBe(2);
  });
  it('reports the schema problem with its path', () => {
    const bad = { id: 'p', kind: 'prometheus', name: 'Bad Name' };
    expect(schemaProblem(NODE_SCHEMAS.prometheus, bad)).toMatch(/^name: must be a DNS label/);
    expect(schemaProblem(NODE_SCHEMAS.prometheus, { ...bad, name: 'ok' })).toBeNull();
  });
  it('has a form field for every descriptor key the schema knows', () => {
    for (const kind of Object.keys(NODE_SCHEMAS) as (keyof typeof NODE_SCHEMAS)[]) {
      const keys = Object.keys(NODE_SCHEMAS[kind].shape);
      for (const f of nodeFields(kind)) expect(keys, `${kind}.${f.key}`).toContain(f.key);
    }
    expect(edgeFields('federate').map((f) => f.key)).toContain('match');
  });
});

describe('format', () => {
  it('formats counts and bytes', () => {
    expect(formatCount(1_234_567)).toBe('1.2 M');
    expect(formatCount(950)).toBe('950');
    expect(formatCount(26_666)).toBe('26.7 k');
    expect(formatBytes(3.4 * 1024 ** 3)).toBe('3.4 GB');
    expect(formatBytes(512)).toBe('512 B');
  });
});
