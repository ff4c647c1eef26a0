import type { Day, DayCounter } from './day.js';

// Other days made from one: the pooled reference and the "what if" rosters.

/** Every counter serves every service, and nobody has priority: run it with oldest-first. */
export function pooledDay(day: Day): Day {
  const all = day.services.map((s) => s.id);
  return {
    ...day,
    counters: day.counters.map((c) => ({ ...c, serviceIds: all })),
    visitors: day.visitors.map((v) => ({ ...v, priority: false })),
  };
}

/**
 * The roster with `n` counters and the same mix of skills and shifts: counter i of the new
 * roster is a copy of counter ⌊i·m/n⌋ of the m in the roster (every one of them, repeated,
 * for n ≥ m; an evenly spread subset for n < m).
 */
export function scaledDay(day: Day, n: number): Day {
  const m = day.counters.length;
  if (m === 0) throw new Error('the roster has no counters to scale');
  const counters: DayCounter[] = [];
  const copies = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const src = day.counters[Math.floor((i * m) / n)]!;
    const k = (copies.get(src.id) ?? 0) + 1;
    copies.set(src.id, k);
    counters.push({ ...src, id: i + 1, code: k === 1 ? src.code : `${src.code}#${k}` });
  }
  return { ...day, counters };
}
