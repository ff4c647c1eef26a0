import type { TraceRow } from '../sim/day.js';
import { rng } from './generate.js';

// A jittered copy of a day: the same hall on a day a little different. Each arrival is shifted
// by up to ±shiftS seconds, a share `thin` of visitors does not come, and each service's visits
// are all longer or shorter by one factor within ±scale (the roster's configured averages stay
// as they were, as a hall's would), each visit then by up to ±10% more.

export interface JitterOptions {
  shiftS: number;
  thin: number;
  scale: number;
}

export const JITTER_DEFAULTS: JitterOptions = { shiftS: 300, thin: 0.1, scale: 0.2 };

export function jitterTrace(trace: readonly TraceRow[], seed: number, opts: JitterOptions = JITTER_DEFAULTS): TraceRow[] {
  const random = rng(seed * 31 + 7);
  const spread = (x: number) => 1 + (2 * random() - 1) * x;
  const factors = new Map<string, number>();
  const first = trace[0]?.arrivalS ?? 0;
  const out: TraceRow[] = [];
  for (const r of trace) {
    if (!factors.has(r.service)) factors.set(r.service, spread(opts.scale));
    const shift = Math.round((2 * random() - 1) * opts.shiftS);
    const length = Math.max(20, Math.round(r.serviceS * factors.get(r.service)! * spread(0.1)));
    if (random() < opts.thin) continue;
    out.push({ ...r, arrivalS: Math.max(first, r.arrivalS + shift), serviceS: length });
  }
  return out.sort((a, b) => a.arrivalS - b.arrivalS);
}
