import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkAppointments } from '../../server/plugins/appointments.js';
import { enableAppointments } from '../helpers/hall.js';
import { LiveHall } from '../realtime/client.js';

// A phone following a walk-in's ticket hears its estimate move when a booking due before it is
// made, cancelled, or becomes a no-show: the estimates count today's bookings (server/hall/state.ts),
// so each of those changes is told at once, not at the next call.

const MIN = 60_000;
let now: number;
let live: LiveHall;

beforeEach(async () => {
  now = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
  live = await LiveHall.start(() => now);
});
afterEach(() => live.close());

it("tells a waiting walk-in's phone its new estimate when a booking is made, cancelled, or missed", async () => {
  const conn = live.hall.app.conn;
  const permits = conn.sqlite.prepare("SELECT id FROM services WHERE code = 'B'").pluck().get() as number;
  await enableAppointments(live.hall, permits, {});
  const clerk = await live.hall.login('clerk');
  await live.act('/api/counters/1/open', clerk); // counter 1 alone: building permits first, 10-minute visits
  for (let i = 0; i < 4; i++) await live.issue(permits);
  const mine = await live.issue(permits);
  const { inbox } = await live.connect('/track', { trackingCode: mine.trackingCode });
  const first = (await inbox.next('ticket')).estimatedWaitMinutes as number;

  const book = async (start: string) => {
    const res = await live.post('/api/appointments', clerk, { serviceId: permits, start });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().code as string;
  };
  const a = await book('2026-11-29T10:30:00.000+03:00');
  const one = (await inbox.next('ticket', (t) => t.estimatedWaitMinutes > first)).estimatedWaitMinutes;
  await book('2026-11-29T10:30:00.000+03:00');
  const booked = (await inbox.next('ticket', (t) => t.estimatedWaitMinutes > one)).estimatedWaitMinutes;

  const cancel = await live.hall.app.inject({ method: 'DELETE', url: `/api/appointments/${a}` });
  expect(cancel.statusCode).toBe(200);
  const fewer = (await inbox.next('ticket', (t) => t.estimatedWaitMinutes < booked)).estimatedWaitMinutes;
  expect(fewer).toBeGreaterThan(first);

  // Nobody comes for the other booking: 15 minutes after its slot the sweep makes it a no-show.
  now += 46 * MIN;
  checkAppointments(live.hall.app);
  await inbox.next('ticket', (t) => t.estimatedWaitMinutes < fewer);
});
