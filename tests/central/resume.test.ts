import { describe, expect, it } from 'vitest';
import { backoffMs, resumeAfter } from '../../server/central/resume.js';

// Where the shipper goes on after the city's answer, and how long it waits after failures.

describe('resumeAfter', () => {
  it('goes on after what the city holds', () => {
    expect(resumeAfter(0, null, 0, [], 0)).toEqual({ cursor: 0 });
    expect(resumeAfter(500, 0, 0, [1, 500], 0)).toEqual({ cursor: 500 });
    // A hall that restarts learns where the city is from its first, empty, batch.
    expect(resumeAfter(1200, null, 0, [], 0)).toEqual({ cursor: 1200 });
  });

  it('sends again what a city restored from a backup lacks, from where it is', () => {
    expect(resumeAfter(40, 600, 600, [601, 700], 0)).toEqual({ cursor: 40 });
  });

  it('calls a city that took none of what it lacked stuck, so that the shipper backs off', () => {
    expect(resumeAfter(40, 40, 40, [41, 540], 0)).toEqual({ cursor: 40, stuck: true });
  });

  it('names what the city lacks and the hall pruned; sends what it kept once, then goes on', () => {
    expect(resumeAfter(10, 900, 900, [], 800)).toEqual({ cursor: 800, lost: { from: 11, to: 800 } });
    expect(resumeAfter(10, 10, 800, [801, 900], 800)).toEqual({ cursor: 900, lost: { from: 11, to: 800 } });
    expect(resumeAfter(10, 10, 900, [], 800)).toEqual({ cursor: 900, lost: { from: 11, to: 800 } });
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s up to 30 s, with jitter down to half', () => {
    const longest = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffMs(n, 1000, 30_000, () => 1));
    expect(longest).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    const shortest = [1, 2, 6].map((n) => backoffMs(n, 1000, 30_000, () => 0));
    expect(shortest).toEqual([500, 1000, 15_000]);
  });
});
