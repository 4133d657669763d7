// Pure: numbers as the inspector shows them (1.2 M series, 3.4 GB).

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${trim(n / 1e9)} G`;
  if (abs >= 1e6) return `${trim(n / 1e6)} M`;
  if (abs >= 1e4) return `${trim(n / 1e3)} k`;
  return Number.isInteger(n) ? String(n) : trim(n);
}

export function formatBytes(b: number): string {
  if (!Number.isFinite(b)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = b;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? Math.round(v) : trim(v)} ${units[i]}`;
}

function trim(v: number): string {
  const s = v >= 100 ? v.toFixed(0) : v.toFixed(1);
  return s.replace(/\.0$/, '');
}
