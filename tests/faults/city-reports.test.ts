import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Summary, type ReportRow } from '../../server/protocol/reports.js';
import { COUNTER_1_CODES, hallDay, issueTickets, serveTickets, startTwoHallCity, untilShipped, type LinkedHall, type TwoHallCity } from '../helpers/city-process.js';
import { call } from './server-process.js';

// The city's report for a day is the halls' own reports for that day, exactly: each hall's row
// equals the total of that hall's own summary, and the city's total adds them up.

let t: TwoHallCity;
beforeAll(async () => {
  t = await startTwoHallCity();
}, 120_000);
afterAll(() => t?.close());

/** The figures of a row, without what names it. */
const figures = ({ key: _key, id: _id, label: _label, ...rest }: ReportRow) => rest;

const COUNTS = ['issued', 'served', 'noShow', 'cancelled', 'called', 'withinTarget', 'ratings'] as const;
const MAXIMA = ['maxWaitS', 'maxServiceS'] as const;

describe("the city's report for a day", () => {
  it("has one row per hall equal to that hall's own total, and a total that adds them up", { timeout: 120_000 }, async () => {
    await issueTickets(t.a, 8, COUNTER_1_CODES);
    await issueTickets(t.a, 6);
    await serveTickets(t.a, 6);
    await serveTickets(t.a, 2, { last: 'no-show' });
    await issueTickets(t.b, 9, COUNTER_1_CODES);
    await serveTickets(t.b, 5);
    await serveTickets(t.b, 1, { last: 'no-show' });
    await untilShipped(t.city.databaseUrl, t.a);
    await untilShipped(t.city.databaseUrl, t.b);

    const day = hallDay();
    const own = async (hall: LinkedHall) =>
      Summary.parse((await call(hall.server.base, 'GET', `/api/reports/summary?from=${day}&to=${day}`, { token: hall.staffToken })).body).total;
    const cityAnswer = await call(t.city.base, 'GET', `/api/city/reports/summary?from=${day}&to=${day}&groupBy=hall`, { token: t.admin });
    expect(cityAnswer.status).toBe(200);
    const city = Summary.omit({ groupBy: true }).parse(cityAnswer.body); // groupBy: hall, the city's own

    const halls = [t.a, t.b];
    expect(city.rows).toHaveLength(2);
    for (const hall of halls) {
      const row = city.rows.find((r) => r.id === hall.id || r.key === String(hall.id));
      expect(row, `hall ${hall.id}'s row`).toBeDefined();
      expect(figures(row!)).toEqual(figures(await own(hall)));
    }
    const totals = await Promise.all(halls.map(own));
    expect(totals[0]!.issued).toBe(14);
    expect(totals[1]!.served).toBe(5);
    for (const k of COUNTS) expect(city.total[k], k).toBe(totals[0]![k] + totals[1]![k]);
    expect(city.total.transferWaits.count).toBe(totals[0]!.transferWaits.count + totals[1]!.transferWaits.count);
    for (const k of MAXIMA) expect(city.total[k], k).toBe(Math.max(...totals.map((x) => x[k] ?? -1)));
  });
});
