import { describe, expect, it } from 'vitest';
import { checkAppointments } from '../../server/plugins/appointments.js';
import { appointmentHall } from './fixture.js';
import { webhookGateway } from '../helpers/webhook-gateway.js';

// What time does to bookings (the server's 30-second timer, run here by hand), and the messages
// to the hall's webhook: a local gateway that records what it receives.

const h = appointmentHall({ config: { WEBHOOK_ALLOW_LOCAL: true } });
const MIN = 60_000;
const HOUR = 60 * MIN;

const statusOf = async (code: string) => (await h.request('GET', `/api/appointments/${code}`)).json().status;
const contacts = () => h.c.hall.app.conn.sqlite.prepare('SELECT phone FROM appointment_contacts ORDER BY appointment_id').pluck().all();
const freeAt = async (start: string) =>
  (await h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=${start.slice(0, 10)}`)).json().slots.find((s: { start: string }) => s.start === start)?.free;

describe('the day of the appointment', () => {
  it('makes a booking not checked in by slot + 15 minutes a no-show, and its place free', async () => {
    await h.enable();
    h.c.hall.setSettings({ appointments: { maxBookableShare: 0.05 } }); // floor(0.05 × 4 × 60 / 10) = 1 an hour
    const start = h.at('2026-11-29T11:00');
    const { code } = (await h.book(start, {}, h.c.clerk)).json();
    expect(await freeAt(h.at('2026-11-29T11:50'))).toBe(0);
    h.c.tick(75 * MIN); // 11:15: check-in is still open
    checkAppointments(h.c.hall.app);
    expect(await statusOf(code)).toBe('booked');
    h.c.tick(1);
    checkAppointments(h.c.hall.app);
    expect(await statusOf(code)).toBe('no_show');
    expect(await freeAt(h.at('2026-11-29T11:50'))).toBe(1);
    expect((await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.kiosk })).json().error.code).toBe('invalid_transition');
  });

  it('marks a booking done when its visit is', async () => {
    await h.enable();
    const { code } = (await h.book(h.at('2026-11-29T11:00'), {}, h.c.clerk)).json();
    h.c.tick(HOUR);
    const ticket = (await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.kiosk })).json();
    await h.request('POST', '/api/counters/1/next', { token: h.c.clerk });
    expect((await h.request('POST', `/api/tickets/${ticket.id}/complete`, { token: h.c.clerk })).statusCode).toBe(200);
    checkAppointments(h.c.hall.app);
    expect(await statusOf(code)).toBe('done');
  });

  it("deletes phone numbers at the end of their appointment's day, not before", async () => {
    await h.enable();
    await h.book(h.at('2026-11-29T11:00'), { phone: '0944000001' }, h.c.clerk);
    await h.book(h.at('2026-11-30T11:00'), { phone: '0944000002' }, h.c.clerk);
    h.c.now = Date.parse('2026-11-29T20:59:00Z'); // 23:59 in Damascus
    checkAppointments(h.c.hall.app);
    expect(contacts()).toEqual(['0944000001', '0944000002']);
    h.c.tick(2 * MIN); // 00:01
    checkAppointments(h.c.hall.app);
    expect(contacts()).toEqual(['0944000002']);
  });
});

describe('messages to the webhook', () => {
  const gateway = webhookGateway();
  const { received, settle } = gateway;
  const hookOn = () => h.c.hall.setSettings({ notify: gateway.notify(), publicUrl: 'https://queue.example.org/' });

  it('reminds the day before and two hours before, once each, with the cancel link', async () => {
    hookOn();
    await h.enable();
    const { code } = (await h.book(h.at('2026-11-30T11:00'), { phone: '0944 123 456' })).json();
    await h.book(h.at('2026-11-30T11:00'), {}, h.c.clerk); // no number: never told
    checkAppointments(h.c.hall.app);
    await settle(0);
    expect(received).toEqual([]);

    h.c.now = Date.parse('2026-11-29T08:00:00Z'); // 24 h before
    checkAppointments(h.c.hall.app);
    checkAppointments(h.c.hall.app);
    await settle(1);
    expect(received).toEqual([
      {
        kind: 'appointment_reminder',
        phone: '0944123456',
        code,
        start: h.at('2026-11-30T11:00'),
        serviceName: 'رخص البناء',
        hallName: 'مركز خدمة المواطن',
        bookingUrl: `https://queue.example.org/book/?code=${code}`,
        lang: 'ar',
      },
    ]);

    h.c.now = Date.parse('2026-11-30T06:00:00Z'); // 09:00, two hours before
    checkAppointments(h.c.hall.app);
    checkAppointments(h.c.hall.app);
    await settle(2);
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ kind: 'appointment_reminder', code });
  });

  it('sends nothing while the hook is off, nor for a booking made after the reminder time, nor once cancelled', async () => {
    await h.enable();
    const soon = (await h.book(h.at('2026-11-29T11:00'), { phone: '0944000001' })).json().code;
    const cancelled = (await h.book(h.at('2026-11-30T11:00'), { phone: '0944000002' })).json().code;
    await h.request('DELETE', `/api/appointments/${cancelled}`);
    h.c.tick(10 * MIN);
    checkAppointments(h.c.hall.app); // the hook is off
    hookOn();
    h.c.now = Date.parse('2026-11-30T06:00:00Z');
    checkAppointments(h.c.hall.app);
    await settle(0);
    expect(received).toEqual([]);
    expect(await statusOf(soon)).toBe('no_show');
  });

  it("cancels the day's bookings of a service closed for the day, and tells those who left a number", async () => {
    hookOn();
    await h.enable({ perSlot: 1 });
    const today = (await h.book(h.at('2026-11-29T11:00'), { phone: '0944000001', lang: 'en' })).json().code;
    const silent = (await h.book(h.at('2026-11-29T12:00'), {}, h.c.clerk)).json().code;
    const tomorrow = (await h.book(h.at('2026-11-30T11:00'), { phone: '0944000002' }, h.c.clerk)).json().code;
    const closed = await h.request('POST', `/api/services/${h.serviceId()}/close-today`, { token: h.c.supervisor });
    expect(closed.statusCode).toBe(200);
    await settle(1);
    expect(received).toEqual([
      expect.objectContaining({ kind: 'appointment_cancelled', phone: '0944000001', code: today, serviceName: 'Building permits', hallName: expect.any(String), lang: 'en' }),
    ]);
    expect([await statusOf(today), await statusOf(silent), await statusOf(tomorrow)]).toEqual(['cancelled', 'cancelled', 'booked']);
    expect(contacts()).toEqual(['0944000002']);
    expect(await freeAt(h.at('2026-11-29T12:00'))).toBeUndefined(); // closed today: no slot at all
    expect((await h.book(h.at('2026-11-29T12:00'), {}, h.c.clerk)).json().error.code).toBe('service_closed');
  });
});
