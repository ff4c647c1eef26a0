import { CityWaits } from '../protocol/city.js';
import type { Bilingual } from '../protocol/schemas.js';

// "Shorter wait now at: <centre>": the hall reads its city's public waits (GET /api/city/waits),
// at most every READ_EVERY_MS, and names another centre for a service when its estimate is much
// shorter. A city that does not answer costs the kiosk nothing: it says nothing.

const READ_EVERY_MS = 30_000;
const TIMEOUT_MS = 3_000;
/** An answer older than this is no longer used when the city stops answering. */
const KEEP_MS = 2 * 60_000;

export interface Elsewhere {
  name: Bilingual;
  estimatedWaitMinutes: number;
}

/**
 * The open, live centre (not this one) with the shortest estimate for the service, when that is
 * at most half of this hall's and at least 10 minutes less; else null.
 */
export function shorterElsewhere(waits: CityWaits, self: Bilingual, code: string, ownMinutes: number | null): Elsewhere | null {
  if (ownMinutes == null) return null;
  let best: Elsewhere | null = null;
  for (const hall of waits.halls) {
    if (hall.stale || !hall.openNow || hall.name.ar === self.ar) continue;
    const minutes = hall.services.find((s) => s.code === code)?.estimatedWaitMinutes;
    if (minutes == null || minutes > ownMinutes / 2 || minutes > ownMinutes - 10) continue;
    if (!best || minutes < best.estimatedWaitMinutes) best = { name: hall.name, estimatedWaitMinutes: minutes };
  }
  return best;
}

export interface CityWaitsReader {
  /** The city's waits, read again when older than 30 s; null when the city has not answered lately. */
  read(): Promise<CityWaits | null>;
}

export function cityWaitsReader(centralUrl: string, now: () => number): CityWaitsReader {
  let last: { at: number; waits: CityWaits } | null = null;
  let reading: Promise<void> | null = null;
  let triedAt = -Infinity;

  const fetchWaits = async () => {
    try {
      const res = await fetch(new URL('/api/city/waits', centralUrl), { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (res.ok) last = { at: now(), waits: CityWaits.parse(await res.json()) };
    } catch {
      // The city is away or answered nonsense: the last answer serves while it is recent.
    }
  };

  return {
    async read() {
      if (now() - triedAt >= READ_EVERY_MS) {
        triedAt = now();
        reading ??= fetchWaits().finally(() => (reading = null));
      }
      if (reading && !last) await reading;
      return last && now() - last.at <= KEEP_MS ? last.waits : null;
    },
  };
}
