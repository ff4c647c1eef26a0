import { describe, expect, it } from 'vitest';
import { getTicket, toEngineTicket, waitingTickets } from '../../server/hall/state.js';
import { appointmentHall } from './fixture.js';

const h = appointmentHall();
const MIN = 60_000;

/** A booking for today 11:00 (now: 10:00), made by the clerk. */
async function bookedAtEleven(): Promise<string> {
  await h.enable();
  return (await h.book(h.at('2026-11-29T11:00'), {}, h.c.clerk)).json().code;
}
const checkIn = (code: string, headers: Record<string, string> = {}) =>
  h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.kiosk, headers });

describe('checking in at the kiosk', () => {
  it('opens 60 minutes before the slot and closes 15 after, saying which and when', async () => {
    const code = await bookedAtEleven();
    h.c.tick(-1 * MIN); // 09:59
    const early = await checkIn(code);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({ code: 'outside_check_in_window', message: 'too early: check-in opens at 10:00' });
    h.c.tick(MIN + 75 * MIN + 1); // 11:15 and a moment
    const late = await checkIn(code);
    expect(late.json().error).toEqual({ code: 'outside_check_in_window', message: 'too late: check-in closed at 11:15' });
    expect((await h.request('GET', `/api/appointments/${code}`)).json().status).toBe('booked');
  });

  it('follows the hall setting', async () => {
    const code = await bookedAtEleven();
    h.c.hall.setSettings({ appointments: { checkInEarlyMinutes: 30 } });
    expect((await checkIn(code)).json().error.message).toBe('too early: check-in opens at 10:30');
  });

  it('issues a ticket of the same line that says its appointment, and the slot is kept in the ticket', async () => {
    const code = await bookedAtEleven();
    const res = await checkIn(code);
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({ serviceId: h.serviceId(), status: 'waiting', number: 'B001', appointment: { code, start: h.at('2026-11-29T11:00') } });
    const row = h.c.hall.app.conn.sqlite.prepare('SELECT slot_at, appointment_id FROM tickets WHERE id = ?').get(ticket.id) as { slot_at: number; appointment_id: number };
    expect(row.slot_at).toBe(Date.parse('2026-11-29T08:00:00Z'));
    // The engine is given the slot, and the kiosk's printer the ticket.
    const { conn, hallId } = h.c.hall.app;
    expect(waitingTickets(conn, hallId)).toEqual([expect.objectContaining({ id: ticket.id, slotAt: row.slot_at })]);
    expect(toEngineTicket(getTicket(conn, hallId, ticket.id)).slotAt).toBe(row.slot_at);
    expect(conn.sqlite.prepare('SELECT count(*) FROM print_jobs WHERE ticket_id = ?').pluck().get(ticket.id)).toBe(1);
    expect((await h.request('GET', `/api/appointments/${code}`)).json().status).toBe('checked_in');
    const list = (await h.request('GET', '/api/appointments?date=2026-11-29', { token: h.c.clerk })).json();
    expect(list).toEqual([expect.objectContaining({ code, status: 'checked_in', ticketNumber: 'B001' })]);
    // A clerk reads the same ticket.
    expect((await h.request('GET', `/api/tickets/${ticket.id}`, { token: h.c.clerk })).json().appointment).toEqual({ code, start: h.at('2026-11-29T11:00') });
  });

  it('takes the code in Arabic-Indic digits as a scanner or the keypad may type it', async () => {
    const code = await bookedAtEleven();
    const arabic = code.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
    expect((await checkIn(arabic)).statusCode).toBe(201);
  });

  it('answers a retried check-in (same Idempotency-Key) with the same ticket, and refuses a second one without', async () => {
    const code = await bookedAtEleven();
    const first = await checkIn(code, { 'idempotency-key': 'tap-1' });
    const again = await checkIn(code, { 'idempotency-key': 'tap-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const second = await checkIn(code);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toEqual({ code: 'invalid_transition', message: 'this appointment is checked in' });
    expect(h.c.hall.app.conn.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(1);
  });

  it('refuses a cancelled booking, a wrong code (404), a display device and nobody', async () => {
    const code = await bookedAtEleven();
    await h.request('DELETE', `/api/appointments/${code}`);
    expect((await checkIn(code)).json().error).toEqual({ code: 'invalid_transition', message: 'this appointment is cancelled' });
    expect((await checkIn('00000000')).statusCode).toBe(404);
    expect((await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.display })).statusCode).toBe(403);
    expect((await h.request('POST', `/api/appointments/${code}/check-in`)).statusCode).toBe(401);
  });

  it('is called at a counter like any ticket (POST /api/counters/:id/next)', async () => {
    const code = await bookedAtEleven();
    const ticket = (await checkIn(code)).json();
    h.c.tick(60 * MIN);
    const called = await h.request('POST', '/api/counters/1/next', { token: h.c.clerk });
    expect(called.statusCode).toBe(200);
    expect(called.json()).toMatchObject({ id: ticket.id, status: 'called', counterId: 1, appointment: { code } });
    // The reason reads the slot in the hall's zone, and the counter remembers its last appointment call.
    expect(called.json().reason.en).toMatch(/^appointment 11:00, /);
    const since = () => h.c.hall.app.conn.sqlite.prepare('SELECT since_appointment FROM counters WHERE id = 1').pluck().get();
    expect(since()).toBe(0);
    await h.request('POST', `/api/tickets/${ticket.id}/complete`, { token: h.c.clerk });
    await h.request('POST', '/api/tickets', { token: h.c.hall.tokens.kiosk, payload: { serviceId: h.serviceId() }, headers: { 'idempotency-key': 'walk-in' } });
    expect((await h.request('POST', '/api/counters/1/next', { token: h.c.clerk })).json().appointment).toBeUndefined();
    expect(since()).toBe(1);
  });

  it('is checked in by staff at a counter too', async () => {
    const code = await bookedAtEleven();
    const res = await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.clerk });
    expect(res.statusCode).toBe(201);
  });
});
