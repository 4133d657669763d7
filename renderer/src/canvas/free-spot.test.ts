import { describe, expect, it } from 'vitest';
import type { Box } from '../../../shared/design/edit.ts';
import { freeSpotNear } from './free-spot.ts';

const size = { width: 180, height: 64 };
const inside = (c: { x: number; y: number }, b: Box) =>
  c.x > b.x && c.x < b.x + b.width && c.y > b.y && c.y < b.y + b.height;

describe('freeSpotNear', () => {
  it('keeps the centre when nothing is there', () => {
    expect(freeSpotNear({ x: 10, y: 20 }, size, [])).toEqual({ x: 10, y: 20 });
  });
  it('leaves a group box under the view centre instead of joining it', () => {
    const group = { x: -200, y: -150, width: 400, height: 300 };
    const c = freeSpotNear({ x: 0, y: 0 }, size, [group]);
    expect(inside(c, group)).toBe(false);
    const box = { x: c.x - 90, y: c.y - 32, width: 180, height: 64 };
    expect(
      box.x >= group.x + group.width ||
        box.x + box.width <= group.x ||
        box.y >= group.y + group.height ||
        box.y + box.height <= group.y,
    ).toBe(true);
  });
  it('stays near the centre when only a small node is in the way', () => {
    const node = { x: -90, y: -32, width: 180, height: 64 };
    const c = freeSpotNear({ x: 0, y: 0 }, size, [node]);
    expect(Math.hypot(c.x, c.y)).toBeLessThan(300);
  });
});
