// Design text before YAML parsing: bytes to text, one line-break convention, and the characters
// YAML forbids, each refused at its line and column.
import type { ModelError } from './model-error.ts';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the YAML parsers' own columns. */
  column: number;
}

/**
 * YAML reads CR, LF and CRLF alike as one line break and allows a byte-order mark at the start;
 * with both normalized away every parser and locator counts lines and columns the same way.
 */
export function normalizeText(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
}

/** Line and column of an offset in normalized text. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function documentError(text: string, offset: number, message: string): ModelError {
  return { path: '(document)', ...positionAt(text, offset), message };
}

// YAML's printable set (c-printable) without tab, LF and CR, plus a byte-order mark anywhere but
// the start and UTF-16 halves without their partner.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character YAML does not allow in a stream, in normalized text. */
export function forbiddenCharacter(text: string): ModelError | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const message =
    code === 0
      ? 'a NUL byte (U+0000) is not allowed in YAML'
      : code === 0xfeff
        ? 'a byte-order mark (U+FEFF) is only allowed at the very start of the file'
        : code >= 0xd800 && code <= 0xdfff
          ? `an unpaired UTF-16 surrogate (${name}) is not text`
          : `the control character ${name} is not allowed in YAML`;
  return documentError(text, m.index, message);
}

export type Decoded = { ok: true; text: string } | { ok: false; errors: ModelError[] };

/** A design file's bytes as text; bytes that are not UTF-8 are refused where they are. */
export function decodeDesignBytes(bytes: Uint8Array): Decoded {
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = normalizeText(
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at)),
    );
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      errors: [
        documentError(
          before,
          before.length,
          `not UTF-8 text (byte 0x${byte}); save the design as UTF-8`,
        ),
      ],
    };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow and the range of the first (no overlongs,
    // no surrogates, nothing above U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}
