// The generated configs as YAML text, byte for byte what js-yaml's dump writes with the options
// every generator uses (no line folding, no anchors), in a fraction of its time: js-yaml probes
// each string against every implicit type (timestamps included) and copies as it goes, which is
// most of an export's time at a thousand servers. Plain data (mappings, lists, strings, integers,
// booleans, null) is written here, each string's form decided by js-yaml once; anything else is
// left to js-yaml itself, so the output never differs.
import yaml from 'js-yaml';

export interface YamlDumpOptions {
  /** How strings that cannot be plain are quoted. */
  quotingType: '"' | "'";
}

/** js-yaml's options for the same output. */
const jsYamlOptions = (o: YamlDumpOptions) =>
  ({ lineWidth: -1, noRefs: true, quotingType: o.quotingType }) as const;

/**
 * `doc` as YAML, equal to `yaml.dump(doc, { lineWidth: -1, noRefs: true, quotingType })`.
 * `value`, when given, rewrites every string value (not keys) on the way out.
 */
export function dumpYaml(
  doc: unknown,
  options: YamlDumpOptions,
  value?: (s: string) => string,
): string {
  try {
    return new Writer(options, value).node(doc, 0, true) + '\n';
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return yaml.dump(value ? mapStrings(doc, value) : doc, jsYamlOptions(options));
  }
}

class Unsupported extends Error {}

// A string js-yaml writes plain for sure: a letter or `/` first, then letters, digits, `_.-/`, and
// `:` only before another of them. No implicit type (number, timestamp, null) starts with a letter
// or `/`; the few words that read as booleans or null are below.
const PLAIN = /^[A-Za-z/](?:[A-Za-z0-9_./-]|:(?=[A-Za-z0-9_./-]))*$/;
const NOT_PLAIN_WORDS = new Set(
  [
    'null',
    'true',
    'false',
    // YAML 1.1 booleans, which js-yaml quotes for older readers.
    'y',
    'yes',
    'n',
    'no',
    'on',
    'off',
  ].flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]),
);
/** js-yaml writes a longer key as an explicit `? key` pair. */
const MAX_IMPLICIT_KEY = 1024;
const NEWLINE = 10;
const PIPE = 124;

class Writer {
  private readonly quoted = new Map<string, string>();
  private readonly indents: string[] = [];

  constructor(
    private readonly options: YamlDumpOptions,
    private readonly value: ((s: string) => string) | undefined,
  ) {}

  /** js-yaml's writeNode for a block context; `compact` as js-yaml passes it. */
  node(v: unknown, level: number, compact: boolean): string {
    if (typeof v === 'string') return this.scalar(this.value ? this.value(v) : v, level);
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') {
      if (Number.isInteger(v) && !Object.is(v, -0)) return v.toString(10);
      throw new Unsupported();
    }
    if (Array.isArray(v)) return v.length === 0 ? '[]' : this.sequence(v, level, compact);
    if (typeof v === 'object' && Object.prototype.toString.call(v) === '[object Object]') {
      const keys = Object.keys(v);
      return keys.length === 0 ? '{}' : this.mapping(v, keys, level, compact);
    }
    throw new Unsupported();
  }

  private mapping(obj: object, keys: string[], level: number, compact: boolean): string {
    let out = '';
    for (const key of keys) {
      const v = (obj as Record<string, unknown>)[key];
      // js-yaml leaves out a pair whose value is undefined.
      if (v === undefined) continue;
      // A key is one line: js-yaml quotes a line break in one, and so does its own writer here.
      if (key.includes('\n')) throw new Unsupported();
      const k = this.scalar(key, 0);
      if (k.length > MAX_IMPLICIT_KEY) throw new Unsupported();
      const head = !compact || out !== '' ? this.newline(level) + k : k;
      const dump = this.node(v, level + 1, false);
      out += head + (dump.charCodeAt(0) === NEWLINE ? ':' : ': ') + dump;
    }
    return out === '' ? '{}' : out;
  }

  private sequence(list: unknown[], level: number, compact: boolean): string {
    let out = '';
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      // js-yaml writes a missing item as null.
      const dump = this.node(item === undefined ? null : item, level + 1, true);
      if (!compact || out !== '') out += this.newline(level);
      out += (dump.charCodeAt(0) === NEWLINE ? '-' : '- ') + dump;
    }
    return out;
  }

  /** A string as js-yaml writes it at `level` of a block document. */
  private scalar(s: string, level: number): string {
    if (PLAIN.test(s) && !NOT_PLAIN_WORDS.has(s)) return s;
    let out = this.quoted.get(s);
    if (out === undefined) {
      out = yaml.dump(s, jsYamlOptions(this.options)).slice(0, -1);
      this.quoted.set(s, out);
    }
    // A block literal (`|`) is the one form that depends on where it is: js-yaml indents its
    // lines by the depth, at least one level, as written at the top.
    if (out.charCodeAt(0) !== PIPE || level <= 1) return out;
    const more = ' '.repeat(2 * (level - 1));
    const lines = out.split('\n');
    return [lines[0], ...lines.slice(1).map((l) => (l === '' ? l : more + l))].join('\n');
  }

  private newline(level: number): string {
    let s = this.indents[level];
    if (s === undefined) {
      s = '\n' + ' '.repeat(2 * level);
      this.indents[level] = s;
    }
    return s;
  }
}

function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  }
  return v;
}
