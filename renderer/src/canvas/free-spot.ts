// Where a click-to-add puts a new item: near the middle of the view, on no node and in no group.
// Dropping onto a group joins it on purpose; a click must not join one the user cannot see.
import type { Box, XY } from '../../../shared/design/edit.ts';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/**
 * The centre nearest `centre` (tried on rings of growing radius) where a box of `size`, kept
 * `gap` away from every box in `taken`, overlaps none of them.
 */
export function freeSpotNear(
  centre: XY,
  size: { width: number; height: number },
  taken: readonly Box[],
  gap = 20,
): XY {
  const boxAt = (c: XY): Box => ({
    x: c.x - size.width / 2 - gap,
    y: c.y - size.height / 2 - gap,
    width: size.width + 2 * gap,
    height: size.height + 2 * gap,
  });
  const free = (c: XY) => !taken.some((b) => overlaps(boxAt(c), b));
  if (free(centre)) return centre;
  const step = Math.max(40, Math.min(size.width, size.height) / 2);
  for (let ring = 1; ring <= 60; ring++) {
    const r = ring * step;
    const points = Math.max(8, ring * 8);
    for (let i = 0; i < points; i++) {
      const a = (2 * Math.PI * i) / points;
      const c = { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) };
      if (free(c)) return c;
    }
  }
  // Nothing free within reach: right of everything.
  const right = Math.max(...taken.map((b) => b.x + b.width));
  return { x: right + gap + size.width / 2, y: centre.y };
}
