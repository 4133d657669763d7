// Frame-time statistics from requestAnimationFrame timestamps, and their summary over repeats.

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Percentile of sorted values, nearest rank. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** The gaps between consecutive frames, as median, p95 and max. */
export function frameStats(timestamps: number[]): FrameStats {
  const deltas = timestamps
    .slice(1)
    .map((t, i) => t - (timestamps[i] ?? t))
    .sort((a, b) => a - b);
  return {
    frames: deltas.length,
    medianMs: round1(percentile(deltas, 0.5)),
    p95Ms: round1(percentile(deltas, 0.95)),
    maxMs: round1(percentile(deltas, 1)),
  };
}

export interface FrameSummary extends FrameStats {
  /** The best repeat's p95: the figure least disturbed by a noisy machine. */
  p95MinMs: number;
  repeats: number;
}

/** Over repeats: the median of each figure, and the smallest p95. */
export function summarize(runs: FrameStats[]): FrameSummary {
  const med = (pick: (s: FrameStats) => number) =>
    round1(
      percentile(
        runs.map(pick).sort((a, b) => a - b),
        0.5,
      ),
    );
  return {
    frames: med((s) => s.frames),
    medianMs: med((s) => s.medianMs),
    p95Ms: med((s) => s.p95Ms),
    maxMs: med((s) => s.maxMs),
    p95MinMs: Math.min(...runs.map((s) => s.p95Ms)),
    repeats: runs.length,
  };
}
