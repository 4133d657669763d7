// Seeded, bounded mutations of design files for the CLI's fuzz test: the same seed gives the same
// cases on every machine, so a failure names a case that can be replayed.

/** mulberry32: small, fast and good enough to pick mutations; never Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutated {
  /** What was done, to name the case when it fails. */
  steps: string[];
  bytes: Uint8Array;
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
function pick<T>(r: Rand, xs: readonly T[]): T {
  const x = xs[int(r, xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
}

/** Bits of text that YAML, JavaScript or the design format give a meaning to. */
const FRAGMENTS = [
  '\0',
  '\r',
  '\r\n',
  '\ufeff',
  '\t',
  '\x01',
  '\x1b',
  '\x7f',
  '\x85',
  '\u2028',
  '\ufffd',
  '\ud800',
  '---\n',
  '...\n',
  '\n---\n',
  ': ',
  '- ',
  '? ',
  '&a ',
  '*a',
  '*nope',
  '!!binary ',
  '!custom ',
  '!!str ',
  '%YAML 1.2\n',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '|',
  '>',
  '@',
  '`',
  '<<: ',
  '__proto__: x\n',
  'constructor: x\n',
  '${X}',
  'x'.repeat(200_000),
  '😀',
];

const VALUES = [
  '0',
  '-1',
  '1e309',
  '0x1F',
  '.inf',
  '.nan',
  'true',
  'null',
  '~',
  '[]',
  '{}',
  '""',
  "''",
  '2024-01-01',
  '[a, [b, {c: d}]]',
  '{__proto__: {x: 1}}',
  '&anchor value',
  '"\\u0000"',
  `"${'y'.repeat(5000)}"`,
  '|\n  block\n',
];

const lines = (t: string) => t.split('\n');

const MUTATORS: ((r: Rand, t: string) => [string, string])[] = [
  (r, t) => {
    const ls = lines(t);
    const i = int(r, ls.length);
    ls.splice(i, 1);
    return [`delete line ${i + 1}`, ls.join('\n')];
  },
  (r, t) => {
    const ls = lines(t);
    const i = int(r, ls.length);
    ls.splice(i, 0, ls[i] ?? '');
    return [`duplicate line ${i + 1}`, ls.join('\n')];
  },
  (r, t) => {
    const ls = lines(t);
    const i = int(r, ls.length);
    const j = int(r, ls.length);
    [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
    return [`swap lines ${i + 1} and ${j + 1}`, ls.join('\n')];
  },
  (r, t) => {
    const at = int(r, t.length + 1);
    const f = pick(r, FRAGMENTS);
    return [`insert ${JSON.stringify(f.slice(0, 20))} at ${at}`, t.slice(0, at) + f + t.slice(at)];
  },
  (r, t) => {
    const n = pick(r, [63, 64, 65, 200, 5000, 50_000]);
    const open = pick(r, ['[', '{a: ', '- ', '{']);
    const at = int(r, t.length + 1);
    return [
      `insert ${n}× ${JSON.stringify(open)} at ${at}`,
      t.slice(0, at) + open.repeat(n) + t.slice(at),
    ];
  },
  (r, t) => {
    const n = pick(r, [70, 3000]);
    const block = Array.from({ length: n }, (_, k) => `${' '.repeat(k)}k:`).join('\n');
    const ls = lines(t);
    const i = int(r, ls.length + 1);
    ls.splice(i, 0, block);
    return [`insert ${n} block levels at line ${i + 1}`, ls.join('\n')];
  },
  (r, t) => {
    const ls = lines(t);
    const i = int(r, ls.length);
    const delta = pick(r, [-4, -2, -1, 1, 2, 3]);
    const line = ls[i] ?? '';
    ls[i] =
      delta > 0 ? ' '.repeat(delta) + line : line.slice(Math.min(-delta, line.search(/\S|$/)));
    return [`indent line ${i + 1} by ${delta}`, ls.join('\n')];
  },
  (r, t) => {
    const at = int(r, t.length + 1);
    return [`truncate at ${at}`, t.slice(0, at)];
  },
  (r, t) => {
    const ls = lines(t);
    const candidates = ls.map((l, i) => [l, i] as const).filter(([l]) => /:\s+\S/.test(l));
    if (candidates.length === 0) return ['no scalar to replace', t];
    const [l, i] = pick(r, candidates);
    const v = pick(r, VALUES);
    ls[i] = l.replace(/:\s+.*$/, `: ${v}`);
    return [`line ${i + 1} value := ${JSON.stringify(v.slice(0, 20))}`, ls.join('\n')];
  },
  (r, t) => {
    const at = int(r, t.length);
    const c = String.fromCharCode(
      pick(r, [int(r, 128), 0x20 + int(r, 0x5f), 0xa0 + int(r, 0x2000)]),
    );
    return [`flip ${at} to ${JSON.stringify(c)}`, t.slice(0, at) + c + t.slice(at + 1)];
  },
  (r, t) => {
    const eol = pick(r, ['\r', '\r\n']);
    return [`line endings ${JSON.stringify(eol)}`, t.replace(/\n/g, eol)];
  },
  (_r, t) => ['leading BOM', '\ufeff' + t],
  (r, t) => {
    const tail = pick(r, ['---\n', '---\n# nothing\n', '...\n', `---\n${t}`, '---\nx: 1\n']);
    return [`append ${JSON.stringify(tail.slice(0, 12))}`, t + tail];
  },
];

/** Bytes that cannot be UTF-8 wherever they stand alone. */
const INVALID_UTF8 = [
  [0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

/** One to three mutations of a design; now and then a byte sequence that is not UTF-8. */
export function mutate(r: Rand, text: string): Mutated {
  let t = text;
  const steps: string[] = [];
  for (let k = 1 + int(r, 3); k > 0; k--) {
    const [step, next] = pick(r, MUTATORS)(r, t);
    steps.push(step);
    t = next;
  }
  let bytes: Uint8Array = Buffer.from(t, 'utf8');
  if (r() < 0.08) {
    const at = int(r, bytes.length + 1);
    const bad = pick(r, INVALID_UTF8);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
    steps.push(`invalid UTF-8 ${bad.map((b) => b.toString(16)).join(' ')} at byte ${at}`);
  }
  return { steps, bytes };
}
