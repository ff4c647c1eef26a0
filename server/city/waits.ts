import type { CityWaitsHall } from '../protocol/city.js';
import { namesOf } from '../hall/names.js';
import { isStale, locationOf, type HallRow } from './board.js';

// What a citizen sees of a hall when choosing a centre: pure, from the hall's row. A hall not heard
// from lately shows its services by name only, with no figure as current; nothing personal is here,
// as nothing personal reaches the city.

export function hallWaits(hall: HallRow, now: number): CityWaitsHall {
  const status = isStale(hall, now) ? null : hall.status;
  const location = locationOf(hall);
  return {
    id: hall.id,
    name: namesOf(hall),
    stale: status === null,
    openNow: status?.openNow ?? null,
    ...(status?.nextOpening ? { nextOpening: status.nextOpening } : {}),
    ...(location ? { location } : {}),
    services: (hall.status?.services ?? [])
      .filter((s) => s.active)
      .map((s) => ({
        code: s.code,
        name: s.name,
        waiting: status ? s.waiting : null,
        estimatedWaitMinutes: status ? s.estimatedWaitMinutes : null,
        ...(status && s.estimatedWaitRange ? { estimatedWaitRange: s.estimatedWaitRange } : {}),
      })),
    ...(status?.joinUrl ? { joinUrl: status.joinUrl } : {}),
  };
}
