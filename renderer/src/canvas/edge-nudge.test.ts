import { describe, expect, it } from 'vitest';
import type { XY } from '../../../shared/design/edit.ts';
import { nudgeApart } from './edge-nudge.ts';

const path = (x0: number, x1: number): XY[] => [
  { x: x0, y: 0 },
  { x: x0, y: 50 },
  { x: x1, y: 50 },
  { x: x1, y: 100 },
];

describe('nudging edges apart', () => {
  it('spreads segments sharing a stretch of one line, keeping the paths orthogonal', () => {
    const paths = [path(0, 200), path(100, 300), path(400, 500)];
    nudgeApart(paths, []);
    expect(paths[0]![1]!.y).not.toBe(paths[1]![1]!.y);
    expect(paths[2]![1]!.y).toBe(50); // its stretch overlaps no other
    for (const p of paths)
      for (const [k, a] of p.entries()) {
        const b = p[k + 1];
        if (b) expect(a.x === b.x || a.y === b.y).toBe(true);
      }
  });

  it('leaves a segment where moving it would cut a node box', () => {
    const paths = [path(0, 200), path(100, 300)];
    // Boxes hugging the line from both sides: no room to move either segment.
    nudgeApart(paths, [
      { x: 120, y: 20, width: 40, height: 29 },
      { x: 120, y: 51, width: 40, height: 29 },
    ]);
    expect(paths[0]![1]!.y).toBe(50);
    expect(paths[1]![1]!.y).toBe(50);
  });
});
