import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRow, Summary } from '../../server/protocol/reports.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { writeCounterEvents, writeRatings, writeTickets, type TicketSpec } from './fixture.js';

// One day of the demo hall (Asia/Damascus, UTC+3), Sunday 8 March 2026, written as events at
// known instants; every figure below is worked out by hand. Services: P (id 2, target 900 s),
// F (id 3, target 600 s). Counters 2, 4, 5 (ids = numbers). Users: 2 supervisor, 3 clerk,
// 4 clerk2. Tickets are issued at the kiosk (no counter, no user).
//
// ticket  service  issued    what happened                                              wait  service time
// T1      F        08:00:00  call 08:05:00 c4/u3, start 08:05:30, complete 08:09:30        300  240 (complete − start)
// T2      F        08:01:00  call 08:12:00 c4/u3, complete 08:15:00 (no Start)             660  180 (complete − call)
// T3      F        08:02:00  call 08:10:00 c5/u4, recall 08:11:00, no-show 08:13:00        480  —
// T4      P        08:03:00  cancelled 08:30:00 by the supervisor (u2)                       —   —
// T5      P        08:04:00  call 08:19:00 c2/u4, start 08:19:20, transfer to F 08:24:20,   900  240 (complete − last start)
//                            call 08:30:20 c4/u3 (transfer wait 360), start 08:31:00,
//                            complete 08:35:00
// T6      F        09:15:30  call 09:16:00 c5/u4, start 09:16:10, complete 09:26:10          30  600
// T7      P        09:40:00  cancelled at the rollover, 9 March 00:00:10 (counts for the 8th)  —   —
// T9      F        00:30:00  call 00:31:00 c4/u3, complete 00:35:00 (no Start)               60  240
//                            (00:30 local is 21:30 UTC on the 7th: it is the 8th's ticket)
// T8      F        7 March 23:59:00, call 8 March 00:01:00 c4/u3, complete 00:03:00         120  120  (the 7th's)
// Ratings: T1 3, T5 2, T6 1 (with a comment), T8 3.
// Counters (open time within the 8th): c4 open since 7 March 23:50 (u3) until 00:40 = 2,400 s,
// then 08:00–10:00 and 10:30–11:00 = 9,000 s, 11,400 s in all; c5 08:00–10:00 (u4) = 7,200 s;
// c2 08:15–09:00 (u4) = 2,700 s.

const DAY = '2026-03-08';
const L = (time: string, day = DAY) => `${day}T${time}`;
const F = 3;
const P = 2;

const TICKETS: TicketSpec[] = [
  { id: 1, service: F, issued: L('08:00:00'), events: [
    { type: 'call', at: L('08:05:00'), counter: 4, user: 3 },
    { type: 'start', at: L('08:05:30'), counter: 4, user: 3 },
    { type: 'complete', at: L('08:09:30'), counter: 4, user: 3, details: { outcome: 'done', note: 'أوراق ناقصة' } },
  ] },
  { id: 2, service: F, issued: L('08:01:00'), events: [
    { type: 'call', at: L('08:12:00'), counter: 4, user: 3 },
    { type: 'complete', at: L('08:15:00'), counter: 4, user: 3 },
  ] },
  { id: 3, service: F, issued: L('08:02:00'), events: [
    { type: 'call', at: L('08:10:00'), counter: 5, user: 4 },
    { type: 'recall', at: L('08:11:00'), counter: 5, user: 4 },
    { type: 'no_show', at: L('08:13:00'), counter: 5, user: 4 },
  ] },
  { id: 4, service: P, issued: L('08:03:00'), events: [{ type: 'cancel', at: L('08:30:00'), user: 2 }] },
  { id: 5, service: P, issued: L('08:04:00'), events: [
    { type: 'call', at: L('08:19:00'), counter: 2, user: 4 },
    { type: 'start', at: L('08:19:20'), counter: 2, user: 4 },
    { type: 'transfer', at: L('08:24:20'), counter: 2, user: 4, service: F },
    { type: 'call', at: L('08:30:20'), counter: 4, user: 3 },
    { type: 'start', at: L('08:31:00'), counter: 4, user: 3 },
    { type: 'complete', at: L('08:35:00'), counter: 4, user: 3 },
  ] },
  { id: 6, service: F, issued: L('09:15:30'), events: [
    { type: 'call', at: L('09:16:00'), counter: 5, user: 4 },
    { type: 'start', at: L('09:16:10'), counter: 5, user: 4 },
    { type: 'complete', at: L('09:26:10'), counter: 5, user: 4 },
  ] },
  { id: 7, service: P, issued: L('09:40:00'), events: [{ type: 'cancel', at: L('00:00:10', '2026-03-09'), details: { reason: 'day_closed' } }] },
  { id: 8, service: F, issued: L('23:59:00', '2026-03-07'), events: [
    { type: 'call', at: L('00:01:00'), counter: 4, user: 3 },
    { type: 'complete', at: L('00:03:00'), counter: 4, user: 3 },
  ] },
  { id: 9, service: F, issued: L('00:30:00'), events: [
    { type: 'call', at: L('00:31:00'), counter: 4, user: 3 },
    { type: 'complete', at: L('00:35:00'), counter: 4, user: 3 },
  ] },
];

let hall: TestHall;
let supervisor: string;
const NOW = Date.parse('2026-03-10T12:00:00+03:00');

beforeAll(async () => {
  hall = await startHall({ now: () => NOW });
  supervisor = await hall.login('supervisor');
  const { sqlite } = hall.app.conn;
  sqlite.prepare("INSERT INTO users (id, hall_id, username, password_hash, role, display_name) VALUES (4, 1, 'clerk2', 'x', 'clerk', 'سلمى')").run();
  writeTickets(sqlite, TICKETS, '+03:00');
  writeCounterEvents(sqlite, [
    { counter: 4, state: 'open', at: L('23:50:00', '2026-03-07'), user: 3 },
    { counter: 4, state: 'closed', at: L('00:40:00') },
    { counter: 4, state: 'open', at: L('08:00:00'), user: 3 },
    { counter: 4, state: 'paused', at: L('10:00:00'), user: 3 },
    { counter: 4, state: 'open', at: L('10:30:00'), user: 3 },
    { counter: 4, state: 'closed', at: L('11:00:00') },
    { counter: 5, state: 'open', at: L('08:00:00'), user: 4 },
    { counter: 5, state: 'closed', at: L('10:00:00') },
    { counter: 2, state: 'open', at: L('08:15:00'), user: 4 },
    { counter: 2, state: 'closed', at: L('09:00:00') },
  ], '+03:00');
  writeRatings(sqlite, [
    { ticket: 1, service: F, counter: 4, score: 3, at: L('08:20:00') },
    { ticket: 5, service: F, counter: 4, score: 2, at: L('08:40:00') },
    { ticket: 6, service: F, counter: 5, score: 1, comment: 'الانتظار طويل', at: L('09:30:00') },
    { ticket: 8, service: F, counter: 4, score: 3, at: L('00:10:00') },
  ], '+03:00');
});
afterAll(() => hall?.close());

async function get(url: string, token = supervisor) {
  return hall.app.inject({ method: 'GET', url, headers: bearer(token) });
}

/** A CSV answer's cells, line by line, after its byte-order mark; no field is quoted, so every comma ends one. */
function csvCells(res: Awaited<ReturnType<typeof get>>): string[][] {
  expect(res.statusCode, res.body).toBe(200);
  const text = res.rawPayload.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).not.toContain('"');
  const lines = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
  for (const line of lines) expect(line).toHaveLength(lines[0]!.length);
  return lines;
}

async function report(groupBy: string, from = DAY, to = DAY): Promise<Summary> {
  const res = await get(`/api/reports/summary?from=${from}&to=${to}&groupBy=${groupBy}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A row with the figures that are not asserted set to what an empty row has. */
const none = { issued: 0, served: 0, noShow: 0, cancelled: 0, called: 0, avgWaitS: null, p90WaitS: null, maxWaitS: null, avgServiceS: null,
  maxServiceS: null, withinTarget: 0, withinTargetPct: null, avgRating: null, ratings: 0, transferWaits: { count: 0, avgWaitS: null },
  openS: null, busyS: null, idleS: null };
const row = (r: Partial<ReportRow>) => ({ ...none, ...r });
const TOTAL = { ar: 'المجموع', en: 'Total', fr: 'Total' };

// The whole day. Waits [30, 60, 300, 480, 660, 900]: sum 2,430, avg 405; p90 = the ⌈5.4⌉ = 6th = 900;
// within target: all but T2 (660 > 600) = 5 of 6 = 83.3%. Service times [240, 180, 240, 600, 240]:
// avg 300, max 600. Ratings 3, 2, 1: avg 2. One transfer wait of 360.
const DAY_TOTAL = { issued: 8, served: 5, noShow: 1, cancelled: 2, called: 6, avgWaitS: 405, p90WaitS: 900, maxWaitS: 900,
  avgServiceS: 300, maxServiceS: 600, withinTarget: 5, withinTargetPct: 83.3, avgRating: 2, ratings: 3, transferWaits: { count: 1, avgWaitS: 360 } };

describe('GET /api/reports/summary', () => {
  it('by service: waits to the issue service, the rest to the service it ended in', async () => {
    const s = await report('service');
    expect(s.timeZone).toBe('Asia/Damascus');
    expect(s.rows).toEqual([
      // P: issued T4, T5, T7; one wait (T5, 900 = target: within); T4 and T7 cancelled.
      row({ key: 'P', id: P, label: { ar: 'البيانات العقارية', en: 'Property statements' }, issued: 3, cancelled: 2, called: 1,
        avgWaitS: 900, p90WaitS: 900, maxWaitS: 900, withinTarget: 1, withinTargetPct: 100 }),
      // F: issued T1 T2 T3 T6 T9; waits [30, 60, 300, 480, 660]: avg 306, p90 = the 5th = 660, within 4/5.
      // Served T1 T2 T5 T6 T9 (T5 ended in F): [240, 180, 240, 600, 240]; T3 no-show; T5's transfer wait 360.
      row({ key: 'F', id: F, label: { ar: 'الرسوم والضرائب', en: 'Fees and taxes' }, issued: 5, served: 5, noShow: 1, called: 5,
        avgWaitS: 306, p90WaitS: 660, maxWaitS: 660, avgServiceS: 300, maxServiceS: 600, withinTarget: 4, withinTargetPct: 80,
        avgRating: 2, ratings: 3, transferWaits: { count: 1, avgWaitS: 360 } }),
    ]);
    expect(s.total).toEqual(row({ key: null, id: null, label: TOTAL, ...DAY_TOTAL }));
  });

  it('by counter: waits to the calling counter, open and idle time', async () => {
    const s = await report('counter');
    expect(s.rows).toEqual([
      // c2: T5's first wait 900; served nothing; open 2,700, serving T5 08:19:20–08:24:20 = 300.
      row({ key: '2', id: 2, label: { ar: 'الشباك ٢', en: 'Counter 2', fr: 'Guichet 2' }, called: 1, avgWaitS: 900, p90WaitS: 900, maxWaitS: 900,
        withinTarget: 1, withinTargetPct: 100, openS: 2700, busyS: 300, idleS: 2400 }),
      // c4: waits T1 300, T2 660, T9 60: avg 340, p90 = the 3rd = 660, within 2/3; served T1 T2 T5 T9 [240, 180, 240, 240]
      // avg 225; ratings T1 3, T5 2; T5's transfer wait; open 11,400, serving 900.
      row({ key: '4', id: 4, label: { ar: 'الشباك ٤', en: 'Counter 4', fr: 'Guichet 4' }, served: 4, called: 3, avgWaitS: 340, p90WaitS: 660, maxWaitS: 660,
        avgServiceS: 225, maxServiceS: 240, withinTarget: 2, withinTargetPct: 66.7, avgRating: 2.5, ratings: 2,
        transferWaits: { count: 1, avgWaitS: 360 }, openS: 11400, busyS: 900, idleS: 10500 }),
      // c5: waits T3 480, T6 30: avg 255, p90 = the 2nd = 480; T6 served 600; T3 no-show; open 7,200.
      row({ key: '5', id: 5, label: { ar: 'الشباك ٥', en: 'Counter 5', fr: 'Guichet 5' }, served: 1, noShow: 1, called: 2, avgWaitS: 255, p90WaitS: 480,
        maxWaitS: 480, avgServiceS: 600, maxServiceS: 600, withinTarget: 2, withinTargetPct: 100, avgRating: 1, ratings: 1,
        openS: 7200, busyS: 600, idleS: 6600 }),
      // Issued at the kiosk, and the two cancelled while waiting.
      row({ key: null, id: null, label: { ar: 'خارج الشبابيك', en: 'Not at a counter', fr: 'Hors guichet' }, issued: 8, cancelled: 2, openS: 0, busyS: 0, idleS: 0 }),
    ]);
    expect(s.total).toEqual(row({ key: null, id: null, label: TOTAL, ...DAY_TOTAL, openS: 21300, busyS: 1800, idleS: 19500 }));
  });

  it('by clerk: who called, who served, who cancelled, time open per clerk', async () => {
    const s = await report('clerk');
    expect(s.rows).toEqual([
      // clerk (u3) sat at c4 all day: same as c4.
      row({ key: 'clerk', id: 3, label: { ar: 'الموظف', en: 'clerk' }, served: 4, called: 3, avgWaitS: 340, p90WaitS: 660, maxWaitS: 660,
        avgServiceS: 225, maxServiceS: 240, withinTarget: 2, withinTargetPct: 66.7, avgRating: 2.5, ratings: 2,
        transferWaits: { count: 1, avgWaitS: 360 }, openS: 11400, busyS: 900, idleS: 10500 }),
      // clerk2 (u4) at c5 and c2: waits [30, 480, 900] avg 470, p90 = the 3rd = 900; open 7,200 + 2,700; serving 600 + 300.
      row({ key: 'clerk2', id: 4, label: { ar: 'سلمى', en: 'clerk2' }, served: 1, noShow: 1, called: 3, avgWaitS: 470, p90WaitS: 900,
        maxWaitS: 900, avgServiceS: 600, maxServiceS: 600, withinTarget: 3, withinTargetPct: 100, avgRating: 1, ratings: 1,
        openS: 9900, busyS: 900, idleS: 9000 }),
      row({ key: 'supervisor', id: 2, label: { ar: 'المشرف', en: 'supervisor' }, cancelled: 1, openS: 0, busyS: 0, idleS: 0 }),
      row({ key: null, id: null, label: { ar: 'بلا موظف (الكشك أو النظام)', en: 'No clerk (kiosk or system)', fr: 'Aucun agent (borne ou système)' }, issued: 8, cancelled: 1,
        openS: 0, busyS: 0, idleS: 0 }),
    ]);
    expect(s.total).toEqual(row({ key: null, id: null, label: TOTAL, ...DAY_TOTAL, openS: 21300, busyS: 1800, idleS: 19500 }));
  });

  it('by hour: the local hour of issue, across midnight local vs UTC', async () => {
    const s = await report('hour');
    expect(s.rows).toEqual([
      // T9, issued 00:30 local (21:30 UTC the day before).
      row({ key: '00', id: null, label: { ar: '٠٠:٠٠–٠١:٠٠', en: '00:00–01:00', fr: '00:00–01:00' }, issued: 1, served: 1, called: 1, avgWaitS: 60, p90WaitS: 60,
        maxWaitS: 60, avgServiceS: 240, maxServiceS: 240, withinTarget: 1, withinTargetPct: 100 }),
      // T1–T5: waits [300, 480, 660, 900] avg 585, p90 = the ⌈3.6⌉ = 4th = 900, within 3/4; served T1 T2 T5 [240, 180, 240].
      row({ key: '08', id: null, label: { ar: '٠٨:٠٠–٠٩:٠٠', en: '08:00–09:00', fr: '08:00–09:00' }, issued: 5, served: 3, noShow: 1, cancelled: 1, called: 4,
        avgWaitS: 585, p90WaitS: 900, maxWaitS: 900, avgServiceS: 220, maxServiceS: 240, withinTarget: 3, withinTargetPct: 75,
        avgRating: 2.5, ratings: 2, transferWaits: { count: 1, avgWaitS: 360 } }),
      // T6 and T7 (cancelled after midnight: still the 8th's, 09:00).
      row({ key: '09', id: null, label: { ar: '٠٩:٠٠–١٠:٠٠', en: '09:00–10:00', fr: '09:00–10:00' }, issued: 2, served: 1, cancelled: 1, called: 1, avgWaitS: 30,
        p90WaitS: 30, maxWaitS: 30, avgServiceS: 600, maxServiceS: 600, withinTarget: 1, withinTargetPct: 100, avgRating: 1, ratings: 1 }),
    ]);
    expect(s.total).toEqual(row({ key: null, id: null, label: TOTAL, ...DAY_TOTAL }));
  });

  it('by day: each ticket in the local day it was issued', async () => {
    const s = await report('day', '2026-03-07', DAY);
    // The 7th: T8 only (23:59 local), called and served after midnight: wait 120, service 120, rated 3.
    expect(s.rows).toEqual([
      row({ key: '2026-03-07', id: null, label: { ar: 'السبت، ٧ آذار ٢٠٢٦', en: 'Sat, 7 Mar 2026', fr: 'sam. 7 mars 2026' }, issued: 1, served: 1, called: 1,
        avgWaitS: 120, p90WaitS: 120, maxWaitS: 120, avgServiceS: 120, maxServiceS: 120, withinTarget: 1, withinTargetPct: 100,
        avgRating: 3, ratings: 1 }),
      row({ key: DAY, id: null, label: { ar: 'الأحد، ٨ آذار ٢٠٢٦', en: 'Sun, 8 Mar 2026', fr: 'dim. 8 mars 2026' }, ...DAY_TOTAL }),
    ]);
    // Both days: waits [30, 60, 120, 300, 480, 660, 900]: sum 2,550, avg 364.3 → 364; p90 = the ⌈6.3⌉ = 7th = 900;
    // within 6/7 = 85.7%; service [240, 180, 240, 600, 240, 120]: sum 1,620, avg 270; ratings 3, 2, 1, 3: avg 2.25.
    expect(s.total).toEqual(row({ key: null, id: null, label: TOTAL, issued: 9, served: 6, noShow: 1, cancelled: 2,
      called: 7, avgWaitS: 364, p90WaitS: 900, maxWaitS: 900, avgServiceS: 270, maxServiceS: 600, withinTarget: 6, withinTargetPct: 85.7,
      avgRating: 2.25, ratings: 4, transferWaits: { count: 1, avgWaitS: 360 } }));
  });

  it('answers the same from stored days, and sees what changes them', async () => {
    const first = await report('service', '2026-03-07', DAY);
    expect((hall.app.conn.sqlite.prepare('SELECT count(*) FROM report_days').pluck().get() as number)).toBeGreaterThanOrEqual(8);
    expect(await report('service', '2026-03-07', DAY)).toEqual(first);
    // A late rating of T2 (F, 1) changes the stored 8th: F's ratings 3, 2, 1, 1 → 4, avg 1.75 (+ T8's 3 on the 7th).
    writeRatings(hall.app.conn.sqlite, [{ ticket: 2, service: F, counter: 4, score: 1, at: L('12:00:00', '2026-03-10') }], '+03:00');
    const after = await report('service', DAY, DAY);
    expect(after.rows.find((r) => r.key === 'F')).toMatchObject({ ratings: 4, avgRating: 1.75 });
    hall.app.conn.sqlite.prepare('DELETE FROM ratings WHERE ticket_id = 2').run();
    hall.app.conn.sqlite.prepare('DELETE FROM report_days').run();
  });

  it('gives the CSV with a byte-order mark, Arabic intact, for Excel', async () => {
    const res = await get(`/api/reports/summary?from=${DAY}&to=${DAY}&groupBy=service&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="dawr-report-service-${DAY}_${DAY}.csv"`);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['الرمز', 'البيان', 'التذاكر الصادرة', 'المخدومون']);
    expect(lines[1]).toBe('P,البيانات العقارية,3,0,0,2,1,900,900,900,,,1,100,,0,0,,,,');
    expect(lines[2]).toBe('F,الرسوم والضرائب,5,5,1,0,5,306,660,660,300,600,4,80,2,3,1,360,,,');
    expect(lines[3]).toBe(',المجموع,8,5,1,2,6,405,900,900,300,600,5,83.3,2,3,1,360,,,');
    expect(lines[4]).toBe('');
    const en = await get(`/api/reports/summary?from=${DAY}&to=${DAY}&groupBy=service&format=csv&lang=en`);
    expect(en.body.slice(1).split('\r\n')[2]).toBe('F,Fees and taxes,5,5,1,0,5,306,660,660,300,600,4,80,2,3,1,360,,,');
  });

  it('answers in French: a service by its French name, else its English one; the CSV headed in French', async () => {
    hall.app.conn.sqlite.prepare("UPDATE services SET name_fr = 'Droits et taxes' WHERE id = ?").run(F);
    try {
      const s = await report('service');
      expect(s.rows.map((r) => r.label)).toEqual([
        { ar: 'البيانات العقارية', en: 'Property statements' },
        { ar: 'الرسوم والضرائب', en: 'Fees and taxes', fr: 'Droits et taxes' },
      ]);
      const [head, ...rows] = csvCells(await get(`/api/reports/summary?from=${DAY}&to=${DAY}&groupBy=service&format=csv&lang=fr`));
      expect(head!.slice(0, 4)).toEqual(['Code', 'Libellé', 'Tickets délivrés', 'Usagers servis']);
      expect(head!.slice(-3)).toEqual(['Durée d’ouverture du guichet (s)', 'Temps de traitement effectif (s)', 'Temps d’inactivité (s)']);
      expect(rows.map((r) => r.slice(0, 3))).toEqual([['P', 'Property statements', '3'], ['F', 'Droits et taxes', '5'], ['', 'Total', '8']]);
    } finally {
      hall.app.conn.sqlite.prepare('UPDATE services SET name_fr = NULL WHERE id = ?').run(F);
    }
    const [, ...byCounter] = csvCells(await get(`/api/reports/summary?from=${DAY}&to=${DAY}&groupBy=counter&format=csv&lang=fr`));
    expect(byCounter.map((r) => r[1])).toEqual(['Guichet 2', 'Guichet 4', 'Guichet 5', 'Hors guichet', 'Total']);
  });
});

describe('charts', () => {
  it('histograms: waits in 2-minute buckets, service times in 3-minute buckets', async () => {
    const res = await get(`/api/reports/histograms?from=${DAY}&to=${DAY}`);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    // Waits 30, 60 | – | 300 | – | 480 | 660 | – | 900.
    expect(h.wait.map((b: { count: number }) => b.count)).toEqual([2, 0, 1, 0, 1, 1, 0, 1]);
    expect(h.wait[7]).toEqual({ fromS: 840, toS: 960, count: 1 });
    // Service times 180, 240, 240, 240 in [180, 360); 600 in [540, 720).
    expect(h.service).toEqual([
      { fromS: 0, toS: 180, count: 0 },
      { fromS: 180, toS: 360, count: 4 },
      { fromS: 360, toS: 540, count: 0 },
      { fromS: 540, toS: 720, count: 1 },
    ]);
    const p = (await get(`/api/reports/histograms?from=${DAY}&to=${DAY}&serviceId=${P}`)).json();
    expect(p).toMatchObject({ serviceId: P, service: [] });
    expect(p.wait.map((b: { count: number }) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('arrivals by local weekday × hour', async () => {
    const res = await get('/api/reports/arrivals?from=2026-03-07&to=2026-03-08');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.days).toEqual([1, 0, 0, 0, 0, 0, 1]); // a Sunday and a Saturday
    expect(a.cells[0][0]).toBe(1); // T9
    expect(a.cells[0][8]).toBe(5);
    expect(a.cells[0][9]).toBe(2);
    expect(a.cells[6][23]).toBe(1); // T8
    expect(a.cells.flat().reduce((x: number, y: number) => x + y, 0)).toBe(9);
  });
});

describe('who may read reports', () => {
  const urls = [`/api/reports/summary?from=${DAY}&to=${DAY}`, `/api/reports/histograms?from=${DAY}&to=${DAY}`, `/api/reports/arrivals?from=${DAY}&to=${DAY}`];

  it('supervisors and admins; not clerks (403), devices (403) or anyone else (401)', async () => {
    const admin = await hall.login();
    const clerk = await hall.login('clerk');
    for (const url of urls) {
      expect((await get(url, admin)).statusCode).toBe(200);
      expect((await get(url, clerk)).statusCode).toBe(403);
      expect((await get(url, hall.tokens.kiosk)).statusCode).toBe(403);
      expect((await get(url, hall.tokens.display)).statusCode).toBe(403);
      expect((await hall.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it('refuses bad dates, groupings and languages with 400 naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const res = await get(`/api/reports/summary?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
      expect(res.json().error.message).toContain(field);
    };
    await bad('from=2026-13-01&to=2026-03-08', 'from');
    await bad('from=2026-02-30&to=2026-03-08', 'from');
    await bad('from=8-3-2026&to=2026-03-08', 'from');
    await bad('to=2026-03-08', 'from');
    await bad('from=2026-03-08&to=2026-03-07', 'to');
    await bad('from=2025-03-07&to=2026-03-08', 'to'); // 367 days
    await bad(`from=${DAY}&to=${DAY}&groupBy=week`, 'groupBy');
    await bad(`from=${DAY}&to=${DAY}&format=csv&lang=de`, 'lang');
    expect((await get('/api/reports/summary?from=2025-03-08&to=2026-03-08')).statusCode).toBe(200); // 366 days
  });
});

describe('local hours across a daylight-saving switch (Europe/Berlin, 29 March 2026, 02:00 CET → 03:00 CEST)', () => {
  let berlin: TestHall;
  let token: string;
  // Before 02:00 on the 29th Berlin is UTC+1, after it UTC+2.
  const offset = (local: string) => (local < '2026-03-29T02:00' ? '+01:00' : '+02:00');
  const served = (id: number, issued: string, called: string, done: string): TicketSpec => ({
    id, service: F, issued, events: [{ type: 'call', at: called, counter: 4, user: 3 }, { type: 'complete', at: done, counter: 4, user: 3 }],
  });

  beforeAll(async () => {
    berlin = await startHall({ now: () => Date.parse('2026-03-31T12:00:00+02:00') });
    berlin.app.conn.sqlite.prepare("UPDATE halls SET time_zone = 'Europe/Berlin'").run();
    token = await berlin.login('supervisor');
    writeTickets(berlin.app.conn.sqlite, [
      served(1, '2026-03-28T23:30:00', '2026-03-28T23:40:00', '2026-03-28T23:45:00'),
      served(2, '2026-03-29T01:30:00', '2026-03-29T01:40:00', '2026-03-29T01:45:00'),
      // Called 70 minutes later by the clock on the wall, 10 minutes later in fact.
      served(3, '2026-03-29T01:55:00', '2026-03-29T03:05:00', '2026-03-29T03:10:00'),
      served(4, '2026-03-29T03:30:00', '2026-03-29T03:40:00', '2026-03-29T03:45:00'),
      served(5, '2026-03-29T23:30:00', '2026-03-29T23:40:00', '2026-03-29T23:45:00'), // 21:30 UTC
      served(6, '2026-03-30T00:30:00', '2026-03-30T00:40:00', '2026-03-30T00:45:00'), // 22:30 UTC on the 29th
    ], offset);
  });
  afterAll(() => berlin?.close());

  const get = async (url: string) => {
    const res = await berlin.app.inject({ method: 'GET', url, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('groups by the local hour in force at each instant', async () => {
    const s: Summary = await get('/api/reports/summary?from=2026-03-29&to=2026-03-29&groupBy=hour');
    // No 02 on that day; 23:30 CEST is hour 23 (a fixed UTC+1 would say 22).
    expect(s.rows.map((r) => [r.key, r.issued, r.avgWaitS, r.maxWaitS])).toEqual([
      ['01', 2, 600, 600],
      ['03', 1, 600, 600],
      ['23', 1, 600, 600],
    ]);
  });

  it('groups by the local day, the short day included', async () => {
    const s: Summary = await get('/api/reports/summary?from=2026-03-28&to=2026-03-30&groupBy=day');
    expect(s.rows.map((r) => [r.key, r.issued])).toEqual([['2026-03-28', 1], ['2026-03-29', 4], ['2026-03-30', 1]]);
    const a = await get('/api/reports/arrivals?from=2026-03-28&to=2026-03-30');
    expect([a.cells[6][23], a.cells[0][1], a.cells[0][3], a.cells[0][23], a.cells[1][0]]).toEqual([1, 2, 1, 1, 1]);
  });
});

describe('today, through the real API', () => {
  it('counts a visit as it happens, open time up to now', async () => {
    let now = Date.parse('2026-03-10T09:00:00+03:00');
    const live = await startHall({ now: () => now });
    try {
      const [clerk, sup] = [await live.login('clerk'), await live.login('supervisor')];
      const post = (url: string, token: string, payload?: object) =>
        live.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': `k${now}` }, ...(payload ? { payload } : {}) });
      expect((await post('/api/tickets', live.tokens.kiosk, { serviceId: 1 })).statusCode).toBe(201);
      now += 90_000;
      const called = (await post('/api/counters/1/next', clerk)).json();
      now += 10_000;
      expect((await post(`/api/tickets/${called.id}/start`, clerk)).statusCode).toBe(200);
      now += 300_000;
      expect((await post(`/api/tickets/${called.id}/complete`, clerk, { note: 'ملاحظة' })).statusCode).toBe(200);
      now += 20_000;
      const res = await live.app.inject({ method: 'GET', url: '/api/reports/summary?from=2026-03-10&to=2026-03-10&groupBy=counter', headers: bearer(sup) });
      const s: Summary = res.json();
      // Wait 90 s; service 300 s (complete − start); counter 1 open since the call, 330 s ago.
      expect(s.rows).toEqual([
        expect.objectContaining({ key: '1', served: 1, called: 1, avgWaitS: 90, avgServiceS: 300, withinTarget: 1, openS: 330, busyS: 300, idleS: 30 }),
        expect.objectContaining({ key: null, issued: 1 }),
      ]);
      // Today is never stored: it is still being written.
      expect(live.app.conn.sqlite.prepare("SELECT count(*) FROM report_days WHERE day = '2026-03-10'").pluck().get()).toBe(0);
    } finally {
      await live.close();
    }
  });
});
