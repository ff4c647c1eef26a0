import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/reports/retention.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';
import { writeRatings, writeTickets } from './fixture.js';

// The retention setting: after N days, notes, comments and phone numbers go; the figures stay.

const NOW = Date.parse('2026-03-10T12:00:00+03:00');
const OLD = '2026-01-20'; // 49 days before
const RECENT = '2026-03-05';
let hall: TestHall;
let admin: string;
let supervisor: string;

beforeAll(async () => {
  hall = await startHall({ now: () => NOW });
  [admin, supervisor] = [await hall.login(), await hall.login('supervisor')];
  const { sqlite } = hall.app.conn;
  const visit = (id: number, day: string) => ({
    id, service: 3, issued: `${day}T09:00:00`, events: [
      { type: 'call' as const, at: `${day}T09:10:00`, counter: 4, user: 3 },
      { type: 'transfer' as const, at: `${day}T09:12:00`, counter: 4, user: 3, service: 2, details: { fromServiceId: 3, serviceId: 2, note: 'يراجع قسم العقارات' } },
      { type: 'call' as const, at: `${day}T09:20:00`, counter: 2, user: 3 },
      { type: 'complete' as const, at: `${day}T09:25:00`, counter: 2, user: 3, details: { outcome: 'done', note: 'أحضر المواطن هاتفه 0944123456' } },
    ],
  });
  const leaver = (id: number, day: string) => ({ id, service: 3, issued: `${day}T10:00:00`, events: [{ type: 'cancel' as const, at: `${day}T10:30:00`, user: 2, details: { note: 'غادر' } }] });
  writeTickets(sqlite, [visit(1, OLD), leaver(2, OLD), visit(3, RECENT), leaver(4, RECENT)], '+03:00');
  writeRatings(sqlite, [
    { ticket: 1, service: 2, counter: 2, score: 1, comment: 'تأخير كبير', at: `${OLD}T09:30:00` },
    { ticket: 3, service: 2, counter: 2, score: 3, comment: 'ممتاز', at: `${RECENT}T09:30:00` },
  ], '+03:00');
  const contact = sqlite.prepare('INSERT INTO ticket_contacts (ticket_id, hall_id, phone, created_at) VALUES (?, 1, ?, ?)');
  contact.run(1, '+963944000001', Date.parse(`${OLD}T09:00:00+03:00`));
  contact.run(3, '+963944000003', Date.parse(`${RECENT}T09:00:00+03:00`));
});
afterAll(() => hall?.close());

const details = (ticketId: number) =>
  (hall.app.conn.sqlite.prepare('SELECT type, details FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId) as { type: string; details: string | null }[])
    .filter((e) => e.type !== 'issue' && e.type !== 'call')
    .map((e) => [e.type, e.details && JSON.parse(e.details)]);
const ratings = () => hall.app.conn.sqlite.prepare('SELECT ticket_id AS t, score, comment FROM ratings ORDER BY ticket_id').all();
const contacts = () => hall.app.conn.sqlite.prepare('SELECT ticket_id FROM ticket_contacts ORDER BY ticket_id').pluck().all();
const summary = async () =>
  (await hall.app.inject({ method: 'GET', url: `/api/reports/summary?from=${OLD}&to=${RECENT}&groupBy=service`, headers: bearer(supervisor) })).json();

describe('retention', () => {
  it('is an admin setting: supervisors read it, only admins change it', async () => {
    const url = '/api/reports/retention';
    expect((await hall.app.inject({ method: 'GET', url, headers: bearer(supervisor) })).json()).toEqual({ retentionDays: null });
    expect((await hall.app.inject({ method: 'PUT', url, headers: bearer(supervisor), payload: { retentionDays: 30 } })).statusCode).toBe(403);
    const bad = await hall.app.inject({ method: 'PUT', url, headers: bearer(admin), payload: { retentionDays: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('retentionDays');
  });

  it('keeps everything while it is not set', async () => {
    expect(await purgeExpired(hall.app.conn, 1, NOW)).toEqual({ events: 0, ratings: 0, contacts: 0 });
    expect(contacts()).toEqual([1, 3]);
  });

  it('after N days purges notes, comments and phone numbers, and keeps the figures', async () => {
    const before = await summary();
    const res = await hall.app.inject({ method: 'PUT', url: '/api/reports/retention', headers: bearer(admin), payload: { retentionDays: 30 } });
    expect(res.json()).toEqual({ retentionDays: 30 });

    // Old: the transfer's and the completion's notes, the cancellation's note; one comment; one phone number.
    expect(await purgeExpired(hall.app.conn, 1, NOW)).toEqual({ events: 3, ratings: 1, contacts: 1 });
    expect(details(1)).toEqual([
      ['transfer', { fromServiceId: 3, serviceId: 2 }],
      ['complete', { outcome: 'done' }],
    ]);
    expect(details(2)).toEqual([['cancel', null]]);
    // Recent: untouched.
    expect(details(3)).toEqual([
      ['transfer', { fromServiceId: 3, serviceId: 2, note: 'يراجع قسم العقارات' }],
      ['complete', { outcome: 'done', note: 'أحضر المواطن هاتفه 0944123456' }],
    ]);
    expect(ratings()).toEqual([
      { t: 1, score: 1, comment: null },
      { t: 3, score: 3, comment: 'ممتاز' },
    ]);
    expect(contacts()).toEqual([3]);
    expect(await summary()).toEqual(before);
    // Once done, done.
    expect(await purgeExpired(hall.app.conn, 1, NOW)).toEqual({ events: 0, ratings: 0, contacts: 0 });
  });
});
