import type { halls } from '../../db/city/schema.js';
import { namesOf } from '../hall/names.js';
import { STALE_AFTER_MS, type BoardRow, type CityHall, type HallLocation } from '../protocol/city.js';

// What the city shows of a hall, from its row: pure, so that the board route, the live board and
// the staleness timer agree. A hall not heard from for STALE_AFTER_MS shows no figure as current.

export type HallRow = typeof halls.$inferSelect;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const isStale = (hall: HallRow, now: number) => hall.lastHeardAt === null || now - hall.lastHeardAt > STALE_AFTER_MS;

export function boardRow(hall: HallRow, now: number): BoardRow {
  const status = isStale(hall, now) ? null : hall.status;
  return {
    id: hall.id,
    name: namesOf(hall),
    lastHeardAt: iso(hall.lastHeardAt),
    stale: status === null,
    waiting: status?.waiting ?? null,
    longestWaitS: status ? status.longestWaitS : null,
    longestWaitTargetS: status ? status.longestWaitTargetS : null,
    countersOpen: status?.countersOpen ?? null,
    issuedToday: status?.issuedToday ?? null,
    servedToday: status?.servedToday ?? null,
    configVersion: hall.configVersion,
  };
}

export const locationOf = (hall: HallRow): HallLocation | null => (hall.lat === null || hall.lng === null ? null : { lat: hall.lat, lng: hall.lng });

export function cityHall(hall: HallRow): CityHall {
  const location = locationOf(hall);
  return {
    id: hall.id,
    name: namesOf(hall),
    timeZone: hall.timeZone,
    lastHeardAt: iso(hall.lastHeardAt),
    configVersion: hall.configVersion,
    ackedSeq: hall.ackedSeq,
    ...(location ? { location } : {}),
  };
}
