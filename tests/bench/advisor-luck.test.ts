import { describe, expect, it } from 'vitest';
import { luckOf, reshuffled } from '../../bench/advisor/luck.js';
import { buildDay, parseRoster, parseTrace } from '../../bench/sim/day.js';

// 9:00–11:00: A (a visitor every 2.5 min) has one counter, c1; B (one every 10 min) has c2 and
// c3. Visit lengths vary (120–480 s), so reshuffling them changes the day.
const ROSTER = {
  services: [
    { code: 'A', targetWaitS: 600, avgServiceS: 300 },
    { code: 'B', targetWaitS: 600, avgServiceS: 300 },
  ],
  counters: [
    { id: 'c1', services: ['A'], startS: 32_400, endS: 39_600 },
    { id: 'c2', services: ['B'], qualified: ['B', 'A'], startS: 32_400, endS: 39_600 },
    { id: 'c3', services: ['B'], startS: 32_400, endS: 39_600 },
  ],
};
function day() {
  const rows: [number, string, number][] = [];
  let k = 0;
  for (let t = 32_400; t < 37_800; t += 150) rows.push([t, 'A', 120 + 60 * (k++ % 7)]);
  for (let t = 32_460; t < 37_800; t += 600) rows.push([t, 'B', 120 + 60 * (k++ % 7)]);
  rows.sort((a, b) => a[0] - b[0]);
  return buildDay(parseRoster(JSON.stringify(ROSTER)), parseTrace(['arrival_s,service,service_s,priority', ...rows.map(([t, s, l]) => `${t},${s},${l},0`)].join('\n')));
}
const lengths = (d: ReturnType<typeof day>, serviceId: number) => d.visitors.filter((v) => v.serviceId === serviceId).map((v) => v.serviceS);

describe("a day's luck (bench/advisor/luck.ts)", () => {
  it('deals each service its own visit lengths again, to other visitors, at the same arrivals', () => {
    const d = day();
    const copy = reshuffled(d, 7);
    expect(copy.visitors.map((v) => [v.arrivalS, v.serviceId])).toEqual(d.visitors.map((v) => [v.arrivalS, v.serviceId]));
    for (const id of [1, 2]) {
      expect([...lengths(copy, id)].sort()).toEqual([...lengths(d, id)].sort());
      expect(lengths(copy, id)).not.toEqual(lengths(d, id));
    }
    expect(reshuffled(d, 7)).toEqual(copy);
  });

  it('finds no copy worse when nothing was switched', () => {
    expect(luckOf(day(), [], 10)).toEqual({ copies: 10, worse: 0, worseWithUnserved: 0 });
  });

  it('finds a switch that helps the long line better on every copy, and one that strands a service worse on every copy', () => {
    // c2 also serves A from 9:00: A's one counter gets help, B keeps c3.
    expect(luckOf(day(), [{ atS: 32_400, counterId: 2, serviceIds: [2, 1] }], 10)).toEqual({ copies: 10, worse: 0, worseWithUnserved: 0 });
    // c1 stops serving A at 9:30 and serves B: A's visitors from then on are never called.
    expect(luckOf(day(), [{ atS: 34_200, counterId: 1, serviceIds: [2] }], 10).worseWithUnserved).toBe(10);
  });
});
