import { describe, expect, it } from 'vitest';
import { choicesFor, distanceM, servicesOf } from '../../city-ui/src/waits/order.js';
import { distanceWords, opensWords, waitingWords } from '../../city-ui/src/waits/text.js';
import type { CityWaits } from '../../server/protocol/city.js';

const P = { code: 'P', name: { ar: 'جوازات', en: 'Passports' } };
const hall = (id: number, change: Partial<CityWaits['halls'][number]>, minutes: number | null = null): CityWaits['halls'][number] => ({
  id,
  name: { ar: `م${id}`, en: `H${id}` },
  stale: false,
  openNow: true,
  services: [{ ...P, waiting: 1, estimatedWaitMinutes: minutes }],
  ...change,
});

describe('the centres for a service', () => {
  const waits: CityWaits = {
    halls: [
      hall(1, { stale: true, openNow: null, location: { lat: 33.5, lng: 36.3 } }),
      hall(2, { openNow: false }, 3),
      hall(3, { location: { lat: 33.6, lng: 36.3 } }, 30),
      hall(4, {}, null),
      hall(5, { location: { lat: 33.52, lng: 36.3 } }, 10),
      hall(6, { services: [] }),
    ],
  };
  it('are the open ones with an estimate by wait, then open without one, then closed, and no live data last', () => {
    expect(choicesFor(waits, 'P').map((c) => c.hall.id)).toEqual([5, 3, 4, 2, 1]);
  });
  it('by distance once the phone says where it is: those without a place after, no live data last', () => {
    expect(choicesFor(waits, 'P', { lat: 33.5, lng: 36.3 }).map((c) => c.hall.id)).toEqual([5, 3, 4, 2, 1]);
    expect(choicesFor(waits, 'P', { lat: 33.61, lng: 36.3 }).map((c) => c.hall.id)).toEqual([3, 5, 4, 2, 1]);
  });
  it('lists each service once', () => {
    expect(servicesOf(waits)).toEqual([P]);
  });
  it('measures the great circle: a degree of latitude is about 111 km', () => {
    expect(distanceM({ lat: 33, lng: 36 }, { lat: 34, lng: 36 }) / 1000).toBeCloseTo(111.2, 1);
  });
});

describe("the page's words", () => {
  it('counts the people waiting as Arabic does', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => waitingWords(n, 'ar', 'arab'))).toEqual(['لا أحد ينتظر', 'ينتظر شخص واحد', 'ينتظر شخصان', 'ينتظر ٣ أشخاص', 'ينتظر ١١ شخصاً', 'ينتظر ١٠٠ شخص']);
    expect(waitingWords(1, 'en', 'arab')).toBe('1 person waiting');
  });
  it('counts them as French does, the singular for one, in Latin digits', () => {
    expect([0, 1, 2, 14].map((n) => waitingWords(n, 'fr', 'arab'))).toEqual(['Personne n’attend', '1\u00a0personne en attente', '2\u00a0personnes en attente', '14\u00a0personnes en attente']);
    expect(distanceWords(40, 'fr', 'arab')).toBe('à 100\u00a0m');
    expect(distanceWords(2_430, 'fr', 'arab')).toBe('à 2,4\u00a0km');
    expect(opensWords('2026-12-08T08:00:00.000+01:00', '2026-12-07', 'fr', 'arab')).toBe('Ouvre demain à 08:00');
    expect(opensWords('2026-12-13T08:00:00.000+01:00', '2026-12-10', 'fr', 'arab')).toBe('Ouvre dimanche à 08:00');
  });
  it('gives the distance in metres under a kilometre, else in km to a tenth', () => {
    expect(distanceWords(40, 'ar', 'arab')).toBe('على بعد ١٠٠ م');
    expect(distanceWords(2_430, 'ar', 'arab')).toBe('على بعد ٢٫٤ كم');
    expect(distanceWords(2_430, 'en', 'arab')).toBe('2.4 km away');
  });
  it("says when a closed centre opens: today, tomorrow or the weekday, at the hall's time", () => {
    expect(opensWords('2026-12-07T16:00:00.000+03:00', '2026-12-07', 'ar', 'arab')).toBe('يفتح اليوم الساعة ١٦:٠٠');
    expect(opensWords('2026-12-08T08:00:00.000+03:00', '2026-12-07', 'ar', 'arab')).toBe('يفتح غداً الساعة ٠٨:٠٠');
    expect(opensWords('2026-12-13T08:00:00.000+03:00', '2026-12-10', 'ar', 'latn')).toBe('يفتح يوم الأحد الساعة 08:00');
    expect(opensWords('2026-12-13T08:00:00.000+03:00', '2026-12-10', 'en', 'arab')).toBe('Opens on Sunday at 08:00');
  });
});
