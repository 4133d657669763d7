import { describe, expect, it } from 'vitest';
import { frameStats, percentile, summarize } from './frame-stats.ts';

describe('frame statistics', () => {
  it('measures the gaps between frames', () => {
    const s = frameStats([0, 16, 33, 50, 150]);
    expect(s).toEqual({ frames: 4, medianMs: 17, p95Ms: 100, maxMs: 100 });
  });

  it('takes percentiles by nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 0.5)).toBe(50);
    expect(percentile(v, 0.95)).toBe(95);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('summarizes repeats by their median and their best p95', () => {
    const runs = [
      { frames: 10, medianMs: 16, p95Ms: 40, maxMs: 90 },
      { frames: 12, medianMs: 17, p95Ms: 30, maxMs: 50 },
      { frames: 11, medianMs: 18, p95Ms: 35, maxMs: 70 },
    ];
    expect(summarize(runs)).toEqual({
      frames: 11,
      medianMs: 17,
      p95Ms: 35,
      maxMs: 70,
      p95MinMs: 30,
      repeats: 3,
    });
  });
});
