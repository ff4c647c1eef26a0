import type { CityWaits, CityWaitsHall, HallLocation } from '../../../server/protocol/city.js';
import type { Bilingual } from '../../../ui-kit/i18n.js';

// Which services the city's halls offer, and the halls offering one in the order a citizen wants:
// by the wait (open ones with an estimate first, shortest first) or by distance from the phone.
// Halls with no live data come last either way: they cannot say whether they are the better choice.

export type HallService = CityWaitsHall['services'][number];
export interface Choice {
  hall: CityWaitsHall;
  service: HallService;
  /** Metres from the citizen, when the phone told us where the citizen is. */
  distanceM?: number;
}

/** Every service some hall offers, by code, named as the first hall names it. */
export function servicesOf(waits: CityWaits): { code: string; name: Bilingual }[] {
  const seen = new Map<string, Bilingual>();
  for (const hall of waits.halls) for (const s of hall.services) if (!seen.has(s.code)) seen.set(s.code, s.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** The great-circle distance (haversine) between two points, in metres. */
export function distanceM(a: HallLocation, b: HallLocation): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** Live and open with an estimate: 0; live and open without one: 1; live and closed: 2; no live data: 3. */
function tier({ hall, service }: Choice): number {
  if (hall.stale) return 3;
  if (!hall.openNow) return 2;
  return service.estimatedWaitMinutes == null ? 1 : 0;
}

const byWait = (a: Choice, b: Choice) => tier(a) - tier(b) || (a.service.estimatedWaitMinutes ?? 0) - (b.service.estimatedWaitMinutes ?? 0);
const byDistance = (a: Choice, b: Choice) =>
  Number(a.hall.stale) - Number(b.hall.stale) || (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) || byWait(a, b);

/** The halls offering the service; nearest first when `from` is given, else shortest wait first. */
export function choicesFor(waits: CityWaits, code: string, from?: HallLocation | null): Choice[] {
  const choices: Choice[] = [];
  for (const hall of waits.halls) {
    const service = hall.services.find((s) => s.code === code);
    if (!service) continue;
    choices.push(from && hall.location ? { hall, service, distanceM: distanceM(from, hall.location) } : { hall, service });
  }
  return choices.sort(from ? byDistance : byWait);
}
