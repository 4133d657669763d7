// A stable content hash for lab containers, pure (no node:crypto in the core). It only has to
// notice changes between two `up`s of one design, not resist an adversary.

/** JSON with object keys sorted, so equal values always serialize alike. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  // undefined for a function or a symbol, whatever its type says.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  return JSON.stringify(value) ?? 'null';
}

/** Two independent 32-bit FNV-1a style hashes of the text, as 16 hex digits. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(h2);
}
