import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketFacts } from '../../server/printing/facts.js';
import { ticketTexts } from '../../server/printing/texts.js';
import type { Ticket } from '../../server/protocol/schemas.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// Halls beyond Syria, each a real hall: its zone, its own weekend in its opening hours, its
// business day, and the Hijri date of its receipts and screens in the calendar it chose.

const HALLS = [
  { timeZone: 'Asia/Riyadh', offset: '+03:00', weekend: [5, 6] },
  { timeZone: 'Africa/Algiers', offset: '+01:00', weekend: [5, 6] },
  { timeZone: 'Africa/Casablanca', offset: '+01:00', weekend: [6, 0] },
  { timeZone: 'Africa/Djibouti', offset: '+03:00', weekend: [5, 6] },
];
// Friday 4 to Monday 7 December 2026; on Monday the two calendars differ by a day
// (27 Jumada II 1448 by Umm al-Qura, 26 by the civil calendar).
const DAYS = [
  { day: '2026-12-04', weekday: 5 },
  { day: '2026-12-05', weekday: 6 },
  { day: '2026-12-06', weekday: 0 },
  { day: '2026-12-07', weekday: 1 },
];
const B = 1;

let hall: TestHall;
let now = Date.parse('2026-12-07T07:00:00Z');
let keys = 0;

/** A fresh hall (its own days and numbering) in `timeZone`, set up by its admin. */
async function openHall(payload: object) {
  hall = await startHall({ now: () => now });
  const res = await patchHall(await hall.login(), payload);
  expect(res.statusCode, res.body).toBe(200);
}
afterAll(() => hall?.close());

const patchHall = (admin: string, payload: object) =>
  hall.app.inject({ method: 'PATCH', url: '/api/admin/hall', headers: bearer(admin), payload });
const getHall = async () => (await hall.app.inject({ method: 'GET', url: '/api/hall' })).json();
const issue = () =>
  hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': `zones-${++keys}` },
    payload: { serviceId: B, lang: 'en' },
  });
const receipt = (t: Ticket) => ticketTexts(ticketFacts(hall.app.conn, hall.app.hallId, t, 'http://192.168.1.10:3000'));

describe.each(HALLS)('a hall in $timeZone', ({ timeZone, offset, weekend }) => {
  beforeAll(async () => {
    const workdays = [0, 1, 2, 3, 4, 5, 6].filter((d) => !weekend.includes(d));
    const openingHours = Object.fromEntries(workdays.map((d) => [d, [[8 * 60, 15 * 60]]]));
    await openHall({ timeZone, openingHours, settings: { enforceHours: true } });
  });
  afterAll(() => hall.close());

  it('opens on its own working days and closes on its own weekend, by its local time', async () => {
    for (const { day, weekday } of DAYS) {
      now = Date.parse(`${day}T10:00:00${offset}`);
      const info = await getHall();
      expect(info.serverTime, day).toBe(`${day}T10:00:00.000${offset}`);
      expect(info.open, `${timeZone} ${day}`).toBe(!weekend.includes(weekday));
      expect((await issue()).statusCode, `${timeZone} ${day}`).toBe(weekend.includes(weekday) ? 409 : 201);
    }
    // 07:59 on a working day, in the hall's zone, is still closed; 08:00 is open.
    now = Date.parse(`2026-12-07T07:59:00${offset}`);
    expect((await getHall()).open).toBe(false);
    now = Date.parse(`2026-12-07T08:00:00${offset}`);
    expect((await getHall()).open).toBe(true);
  });

  it('numbers tickets by its own business day: a new day starts at its own midnight', async () => {
    hall.setSettings({ enforceHours: false });
    now = Date.parse(`2026-12-07T23:59:00${offset}`);
    const late = (await issue()).json() as Ticket;
    now = Date.parse(`2026-12-08T00:01:00${offset}`);
    const early = (await issue()).json() as Ticket;
    expect(late.issuedAt).toBe(`2026-12-07T23:59:00.000${offset}`);
    expect(early.issuedAt).toBe(`2026-12-08T00:01:00.000${offset}`);
    expect(early.number).toBe('B001');
    expect(late.number).not.toBe('B001');
    hall.setSettings({ enforceHours: true });
  });

  it('prints and shows the Hijri date in the calendar the hall chose', async () => {
    now = Date.parse(`2026-12-07T10:00:00${offset}`);
    const ticket = (await issue()).json() as Ticket;
    expect(receipt(ticket).date).toBe('Monday, 7 December 2026');
    expect(receipt(ticket).hijri).toBe('27 Jumada II 1448 AH');
    expect((await getHall()).hijriCalendar).toBe('islamic-umalqura');

    expect((await patchHall(await hall.login(), { settings: { hijriCalendar: 'islamic-civil' } })).statusCode).toBe(200);
    expect(receipt(ticket).hijri).toBe('26 Jumada II 1448 AH');
    expect((await getHall()).hijriCalendar).toBe('islamic-civil');
  });
});

describe('the Hijri calendar setting', () => {
  it('refuses a calendar it does not know, naming the field', async () => {
    await openHall({});
    const res = await patchHall(await hall.login(), { settings: { hijriCalendar: 'gregory' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path: 'settings.hijriCalendar' }));
    expect((await getHall()).hijriCalendar).toBe('islamic-umalqura');
  });
});
