// Hostile YAML: every way the text can be bad is refused with the exact line and column, and
// nothing throws.
import { describe, expect, it } from 'vitest';
import { parseTopology, type ModelError } from '../design/parse.ts';
import { MAX_NESTING } from './yaml-load.ts';
import { decodeDesignBytes } from './yaml-text.ts';

const GOOD = `apiVersion: fedstudio/v1
kind: Topology
metadata:
  name: small
nodes:
  - id: p
    kind: prometheus
    name: prom
    externalLabels: { dc: a }
  - id: t
    kind: targets
    name: node
    exporter: node-exporter
    count: 2
edges:
  - { id: e, kind: scrape, from: p, to: t }
`;

function errorsOf(text: string): ModelError[] {
  const r = parseTopology(text);
  if (r.ok) throw new Error('expected the design to be refused');
  return r.errors;
}

function accepted(text: string) {
  const r = parseTopology(text);
  if (!r.ok) throw new Error(`expected the design to be read: ${JSON.stringify(r.errors)}`);
  return r.topology;
}

/** Line and column (1-based) of the first `needle` in `text` after `from`, lines split YAML's way. */
function at(text: string, needle: string, from = 0): { line: number; column: number } {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`no ${JSON.stringify(needle)}`);
  const before = text.slice(0, i).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

function expectOne(text: string, where: { line: number; column: number }, message: RegExp) {
  const [e, ...rest] = errorsOf(text);
  expect(rest).toEqual([]);
  expect(e).toMatchObject(where);
  expect(e?.message).toMatch(message);
}

describe('documents in a stream', () => {
  it('accepts one design with empty documents around it', () => {
    for (const text of [
      `${GOOD}---\n`,
      `${GOOD}---\n# nothing more\n`,
      `${GOOD}...\n`,
      `---\n${GOOD}`,
      `---\n---\n${GOOD}`,
    ]) {
      expect(accepted(text).metadata.name).toBe('small');
    }
  });

  it('places errors in a design that follows an empty document', () => {
    const text = `---\n---\n${GOOD.replace('count: 2', 'count: two')}`;
    expect(errorsOf(text)[0]).toMatchObject({ path: 'nodes[1].count', ...at(text, 'two') });
  });

  it('refuses a second document at its `---`', () => {
    const text = `${GOOD}---\n${GOOD}`;
    expectOne(text, at(text, '---'), /one YAML document/);
    const ended = `${GOOD}...\nkind: Topology\n`;
    expectOne(ended, at(ended, 'kind: Topology', GOOD.length), /one YAML document/);
  });
});

describe('nesting', () => {
  it(`refuses flow nesting deeper than ${MAX_NESTING} levels where the limit is crossed`, () => {
    // The mapping is level 1, `nodes` and its value level 2, the n-th `[` level n + 1.
    const deep = `${GOOD}extra: ${'['.repeat(5000)}`;
    const line = at(deep, 'extra').line;
    expectOne(deep, { line, column: 'extra: '.length + MAX_NESTING }, /nested more than 64/);
    // In `{a: {a: ...`, the key `a` of the 63rd mapping is the first node past the limit.
    const maps = `${GOOD}extra: ${'{a: '.repeat(3000)}`;
    const column = 'extra: '.length + 4 * (MAX_NESTING - 2) + 2;
    expectOne(maps, { line, column }, /nested more than 64/);
  });

  it('refuses block nesting thousands of levels deep', () => {
    const levels = Array.from({ length: 3000 }, (_, k) => `${' '.repeat(k)}k:`).join('\n');
    const text = `${GOOD}${levels}\n`;
    // The ladder's first key is at level 2, each next line's key one level deeper.
    const line = at(text, 'k:').line + MAX_NESTING - 2 + 1;
    expectOne(text, { line, column: MAX_NESTING }, /nested more than 64/);
    const dashes = `${GOOD}extra:\n  ${'- '.repeat(4000)}x\n`;
    // `- - - x`: the n-th dash opens a list at level n + 1.
    const row = at(dashes, 'extra:').line + 1;
    expectOne(dashes, { line: row, column: 3 + 2 * (MAX_NESTING - 1) }, /nested more than 64/);
  });

  it('accepts nesting up to the limit, and not one level more', () => {
    // The value of `metadata2` is at level 2, so n brackets reach level n + 1.
    const nested = (n: number) =>
      GOOD.replace('nodes:', `metadata2: ${'['.repeat(n)}${']'.repeat(n)}\nnodes:`);
    expect(errorsOf(nested(MAX_NESTING - 1))[0]).toMatchObject({
      path: 'metadata2',
      message: 'unknown key "metadata2"',
    });
    const over = nested(MAX_NESTING);
    expectOne(over, { line: 5, column: 'metadata2: '.length + MAX_NESTING }, /nested more/);
  });

  it('refuses depth built from aliases of aliases at the alias', () => {
    const chain = Array.from({ length: 80 }, (_, k) =>
      k === 0 ? 'a0: &a0 [x]' : `a${k}: &a${k} [*a${k - 1}]`,
    ).join('\n    ');
    const text = GOOD.replace('externalLabels: { dc: a }', chain);
    const [e] = errorsOf(text);
    expect(e?.message).toMatch(/nested more than 64 levels deep through YAML aliases/);
    // a60 sits at level 4 in nodes[0] and holds 60 lists around `x`: x is at level 65.
    expect(e).toMatchObject({ path: 'nodes[0].a60[0]', ...at(text, '*a59') });
  });

  it('refuses an alias bomb and an unknown alias', () => {
    let bomb = 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let k = 1; k < 9; k++)
      bomb += `l${k}: &l${k} [${Array(10)
        .fill(`*l${k - 1}`)
        .join(', ')}]\n`;
    expect(errorsOf(bomb)[0]?.message).toMatch(/expands to more than/);
    const text = GOOD.replace('count: 2', 'count: *nope');
    expectOne(
      text,
      { line: at(text, '*nope').line, column: at(text, '*nope').column + 5 },
      /unidentified alias "nope"/,
    );
  });

  it('reads a design that reuses a value through an alias', () => {
    const text = GOOD.replace('{ dc: a }', '&labels { dc: a }').replace(
      '    count: 2',
      '    count: 2\n    labels: *labels',
    );
    expect(accepted(text).nodes[1]).toMatchObject({ labels: { dc: 'a' } });
  });
});

describe('line breaks and byte-order marks', () => {
  it('counts CR-only and CRLF line breaks as YAML does', () => {
    for (const eol of ['\r', '\r\n']) {
      expect(accepted(GOOD.replace(/\n/g, eol)).nodes).toHaveLength(2);
      const kind = GOOD.replace('kind: targets', 'kind: tragets').replace(/\n/g, eol);
      expect(errorsOf(kind)[0]).toMatchObject({ path: 'nodes[1].kind', ...at(kind, 'tragets') });
      const syntax = GOOD.replace('count: 2', 'count: [2').replace(/\n/g, eol);
      expect(errorsOf(syntax)[0]?.line).toBeGreaterThanOrEqual(at(syntax, '[2').line);
      const dup = GOOD.replace('count: 2', 'count: 2\n    count: 3').replace(/\n/g, eol);
      expectOne(dup, at(dup, 'count: 3'), /duplicate key/);
    }
  });

  it('accepts a leading BOM and keeps lines and columns as an editor shows them', () => {
    expect(accepted(`\ufeff${GOOD}`).metadata.name).toBe('small');
    const text = `\ufeff${GOOD.replace('apiVersion: fedstudio/v1\n', 'apiVersion: fedstudio/v1\nfoo: 1\n')}`;
    expect(errorsOf(text)[0]).toMatchObject({ path: 'foo', line: 2, column: 1 });
    const first = '\ufeffapiVersion: fedstudio/v9\n' + GOOD.split('\n').slice(1).join('\n');
    expect(errorsOf(first)[0]).toMatchObject({ path: 'apiVersion', line: 1, column: 13 });
  });

  it('refuses a BOM anywhere else', () => {
    const text = GOOD.replace('name: node', 'name: no\ufeffde');
    expectOne(text, at(text, '\ufeff'), /byte-order mark/);
    const second = `\ufeff\ufeff${GOOD}`;
    expectOne(second, { line: 1, column: 1 }, /byte-order mark/);
  });
});

describe('characters YAML forbids', () => {
  it('points at a NUL byte and other control characters', () => {
    for (const c of ['\0', '\x01', '\x1b', '\x7f', '\x9f', '\ufffe']) {
      const text = GOOD.replace('name: node', `name: "no${c}de"`);
      expectOne(text, at(text, c), c === '\0' ? /NUL byte/ : /control character|not allowed/);
    }
    const inComment = `${GOOD}# a comment with a \x07 bell\n`;
    expectOne(inComment, at(inComment, '\x07'), /U\+0007/);
  });

  it('accepts tabs, NEL and any printable Unicode', () => {
    const text = GOOD.replace('name: small', 'name: small\n  description: "a\tb\x85c 😀 \ufffd"');
    expect(accepted(text).metadata.description).toBe('a\tb\x85c 😀 \ufffd');
  });
});

describe('bytes from a file', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('decodes UTF-8 and keeps a literal replacement character', () => {
    expect(decodeDesignBytes(bytes('a: "\ufffd"\n'))).toEqual({ ok: true, text: 'a: "\ufffd"\n' });
  });

  it('points at the first byte that is not UTF-8', () => {
    const good = bytes('a: 1\r\nb: "é');
    for (const bad of [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const r = decodeDesignBytes(new Uint8Array([...good, ...bad, 0x22, 0x0a]));
      expect(r).toMatchObject({ ok: false, errors: [{ line: 2, column: 6 }] });
      if (!r.ok) expect(r.errors[0]?.message).toMatch(/not UTF-8 text \(byte 0x[0-9A-F]{2}\)/);
    }
  });
});

describe('values and keys', () => {
  it('refuses a file that is not a mapping, at its content', () => {
    for (const text of ['', '# only a comment\n', '---\n', 'hello\n', '42\n']) {
      expect(errorsOf(text)[0]).toMatchObject({ line: 1, column: 1, path: '(document)' });
    }
    const list = '# a list\n- a\n- b\n';
    expectOne(list, { line: 2, column: 1 }, /YAML mapping/);
  });

  it('reads a huge single line', () => {
    const long = 'd'.repeat(1_000_000);
    expect(
      accepted(GOOD.replace('name: small', `name: small\n  description: ${long}`)).metadata
        .description,
    ).toHaveLength(1_000_000);
    const bad = GOOD.replace('name: small', `name: small\n  description: ${long}\n  colour: red`);
    expect(errorsOf(bad)[0]).toMatchObject({ path: 'metadata.colour', ...at(bad, 'colour') });
  });

  it('refuses tags at the tag, but reads the core ones', () => {
    const binary = GOOD.replace('name: node', 'name: !!binary bm9kZQ==');
    expectOne(binary, at(binary, '!!binary'), /unknown tag !!binary/);
    const custom = GOOD.replace('kind: Topology', 'kind: !topology Topology');
    expectOne(custom, at(custom, '!topology'), /unknown tag !topology/);
    expect(accepted(GOOD.replace('name: node', 'name: !!str node')).nodes[1]?.name).toBe('node');
  });

  it('reads dates and merge keys as plain YAML 1.2, so the schema names them', () => {
    const date = GOOD.replace('name: small', 'name: small\n  description: 2024-01-01');
    expect(accepted(date).metadata.description).toBe('2024-01-01');
    const merge = GOOD.replace('    count: 2', '    count: 2\n    <<: { port: 1 }');
    expect(errorsOf(merge)[0]).toMatchObject({ path: 'nodes[1]["<<"]', ...at(merge, '<<') });
  });

  it('names keys that are not strings', () => {
    const number = GOOD.replace('    count: 2', '    count: 2\n    1: x');
    expect(errorsOf(number)[0]).toMatchObject({
      message: 'unknown key "1"',
      ...at(number, '1: x'),
    });
    for (const key of ['? [a, b]\n    : c', '[a, b]: c', '{a: 1}: c', '? - a\n    : c']) {
      const text = GOOD.replace('    count: 2', `    count: 2\n    ${key}`);
      const where = at(text, key.startsWith('?') ? key.slice(2) : key);
      expectOne(text, where, /a key must be a plain string, not a list or a mapping/);
    }
  });

  it('refuses __proto__ as a key, never dropping it', () => {
    const top = GOOD.replace('kind: Topology', 'kind: Topology\n__proto__: { polluted: true }');
    expectOne(top, at(top, '__proto__'), /"__proto__" cannot be a key/);
    const labels = GOOD.replace('{ dc: a }', '{ dc: a, __proto__: b }');
    expect(errorsOf(labels)[0]).toMatchObject({
      path: 'nodes[0].externalLabels.__proto__',
      ...at(labels, '__proto__'),
    });
    const kept = accepted(GOOD.replace('{ dc: a }', '{ dc: a, constructor: b }'));
    expect(kept.nodes[0]).toMatchObject({ externalLabels: { dc: 'a', constructor: 'b' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says a required field is missing rather than "undefined"', () => {
    const text = GOOD.replace('kind: Topology\n', '');
    expect(errorsOf(text)).toContainEqual(
      expect.objectContaining({ path: 'kind', message: 'missing required "kind"', line: 1 }),
    );
  });
});
