import { describe, expect, it } from 'vitest';
import { appointmentHall } from './fixture.js';

const h = appointmentHall();
const slotsOf = async (date: string) =>
  (await h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=${date}`)).json().slots as { start: string; free: number }[];
const freeAt = async (start: string) => (await slotsOf(start.slice(0, 10))).find((s) => s.start === start)?.free;

describe('booking a slot', () => {
  it('answers a code of 8 digits that finds the booking, without contact data, and the slot has one place less', async () => {
    await h.enable();
    const start = h.at('2026-11-30T10:40');
    const res = await h.book(start, { phone: '0944 123 456' });
    expect(res.statusCode).toBe(201);
    const booked = res.json();
    expect(booked).toEqual({ code: expect.stringMatching(/^\d{8}$/), serviceId: h.serviceId(), start, status: 'booked' });
    const found = await h.request('GET', `/api/appointments/${booked.code}`);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual(booked);
    expect(await freeAt(start)).toBe(3);
    // The number is kept apart from the booking.
    const { sqlite } = h.c.hall.app.conn;
    expect(sqlite.prepare('SELECT phone FROM appointment_contacts').pluck().all()).toEqual(['0944123456']);
  });

  it('gives codes that are all different', async () => {
    await h.enable({ perSlot: 50 });
    h.c.hall.setSettings({ appointments: { maxBookableShare: 1 } });
    const clerk = h.c.clerk;
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add((await h.book(h.at('2026-11-30T09:00'), {}, clerk)).json().code);
    expect(codes.size).toBe(20);
  });

  it('allows the window only: from 30 minutes ahead (the same day too) to 30 days ahead', async () => {
    await h.enable();
    const clerk = h.c.clerk;
    // Now: Sunday 2026-11-29 10:00.
    const tooSoon = await h.book(h.at('2026-11-29T10:20'), {}, clerk);
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().error).toMatchObject({ code: 'outside_booking_window', message: expect.stringMatching(/30 minutes to 30 days/) });
    expect((await h.book(h.at('2026-11-29T10:30'), {}, clerk)).statusCode).toBe(201);
    expect((await h.book(h.at('2026-12-29T08:00'), {}, clerk)).statusCode).toBe(201);
    expect((await h.book(h.at('2026-12-30T08:00'), {}, clerk)).json().error.code).toBe('outside_booking_window');
    expect((await slotsOf('2026-11-29'))[0]!.start).toBe(h.at('2026-11-29T10:30'));
    expect(await slotsOf('2026-12-30')).toEqual([]);
  });

  it('refuses a start that is no slot, a bad date and a bad phone number with a 400 naming the field', async () => {
    await h.enable();
    const offSlot = await h.book(h.at('2026-11-30T10:45'));
    expect(offSlot.statusCode).toBe(400);
    expect(offSlot.json().error.fields).toEqual([expect.objectContaining({ path: 'start', code: 'not_a_slot' })]);
    const friday = await h.book(h.at('2026-12-04T10:00'));
    expect(friday.json().error.fields[0].path).toBe('start');
    const noOffset = await h.book('2026-11-30T10:40:00');
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json().error.message).toMatch(/^body\.start/);
    const phone = await h.book(h.at('2026-11-30T10:40'), { phone: 'call me' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.fields[0].path).toBe('phone');
    const date = await h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=30-11-2026`);
    expect(date.statusCode).toBe(400);
    expect(date.json().error.message).toMatch(/querystring\.date/);
  });

  it('fills a slot (409 slot_full) and caps the hour at the bookable share of the counters', async () => {
    await h.enable();
    const clerk = h.c.clerk;
    const start = h.at('2026-11-30T11:00');
    for (let i = 0; i < 4; i++) expect((await h.book(start, {}, clerk)).statusCode).toBe(201);
    const full = await h.book(start, {}, clerk);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('slot_full');
    expect(await freeAt(start)).toBe(0);
    // 9 an hour: 4 at 11:00, 4 at 11:10, then one place is left in the hour.
    for (let i = 0; i < 4; i++) expect((await h.book(h.at('2026-11-30T11:10'), {}, clerk)).statusCode).toBe(201);
    expect(await freeAt(h.at('2026-11-30T11:20'))).toBe(1);
    expect((await h.book(h.at('2026-11-30T11:50'), {}, clerk)).statusCode).toBe(201);
    expect((await h.book(h.at('2026-11-30T11:20'), {}, clerk)).json().error.code).toBe('slot_full');
    expect(await freeAt(h.at('2026-11-30T12:00'))).toBe(4);
  });

  it('takes one booking per phone number, service and day', async () => {
    await h.enable();
    const clerk = h.c.clerk;
    expect((await h.book(h.at('2026-11-30T10:40'), { phone: '+963944123456' }, clerk)).statusCode).toBe(201);
    const again = await h.book(h.at('2026-11-30T12:00'), { phone: '00963944123456' }, clerk);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({ path: 'phone', code: 'duplicate' });
    expect((await h.book(h.at('2026-12-01T12:00'), { phone: '+963944123456' }, clerk)).statusCode).toBe(201);
  });

  it('holds a slot 15 minutes: the hold takes its place, and only its holder books it', async () => {
    await h.enable({ perSlot: 1 });
    const start = h.at('2026-11-30T10:40');
    const held = await h.request('POST', '/api/appointments/hold', { payload: { serviceId: h.serviceId(), start } });
    expect(held.statusCode).toBe(201);
    const { holdId, expiresAt } = held.json();
    expect(expiresAt).toBe('2026-11-29T10:15:00.000+03:00');
    expect(await freeAt(start)).toBe(0);
    expect((await h.book(start, {}, h.c.clerk)).json().error.code).toBe('slot_full');
    expect((await h.book(h.at('2026-11-30T10:50'), { holdId })).json().error.fields[0].path).toBe('holdId');
    expect((await h.book(start, { holdId })).statusCode).toBe(201);
    expect((await h.request('POST', '/api/appointments/hold', { payload: { serviceId: h.serviceId(), start } })).json().error.code).toBe('slot_full');
  });

  it('gives a held place back after 15 minutes', async () => {
    await h.enable({ perSlot: 1 });
    const start = h.at('2026-11-30T10:40');
    await h.request('POST', '/api/appointments/hold', { payload: { serviceId: h.serviceId(), start } });
    h.c.tick(15 * 60_000 + 1);
    expect(await freeAt(start)).toBe(1);
  });

  it('is cancelled with its code: the slot is free again and the number is deleted', async () => {
    await h.enable({ perSlot: 1 });
    const start = h.at('2026-11-30T10:40');
    const { code } = (await h.book(start, { phone: '0944123456' })).json();
    const cancelled = await h.request('DELETE', `/api/appointments/${code}`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ code, status: 'cancelled' });
    expect((await h.request('GET', `/api/appointments/${code}`)).json().status).toBe('cancelled');
    expect(await freeAt(start)).toBe(1);
    expect(h.c.hall.app.conn.sqlite.prepare('SELECT count(*) FROM appointment_contacts').pluck().get()).toBe(0);
    // The same number may book again that day.
    expect((await h.book(start, { phone: '0944123456' }, h.c.clerk)).statusCode).toBe(201);
  });

  it("lists the day's appointments to staff only, per service", async () => {
    await h.enable();
    const first = (await h.book(h.at('2026-11-30T11:00'), {}, h.c.clerk)).json();
    const second = (await h.book(h.at('2026-11-30T10:40'), { phone: '0944123456' }, h.c.clerk)).json();
    await h.book(h.at('2026-12-01T10:40'), {}, h.c.clerk);
    const list = await h.request('GET', `/api/appointments?date=2026-11-30&serviceId=${h.serviceId()}`, { token: h.c.clerk });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([second, first]);
    expect(list.body).not.toContain('0944123456');
    const other = (await h.c.hall.app.inject({ method: 'GET', url: '/api/services' })).json().find((s: { code: string }) => s.code === 'P').id;
    expect((await h.request('GET', `/api/appointments?date=2026-11-30&serviceId=${other}`, { token: h.c.clerk })).json()).toEqual([]);
    expect((await h.request('GET', '/api/appointments?date=2026-11-30')).statusCode).toBe(401);
    expect((await h.request('GET', '/api/appointments?date=2026-11-30', { token: h.c.hall.tokens.kiosk })).statusCode).toBe(403);
  });
});

describe('the anonymous routes', () => {
  it('answer a wrong code 404, and refuse an address that tries too many (429)', async () => {
    await h.enable();
    expect((await h.request('GET', '/api/appointments/12ab')).json().error.message).toMatch(/params\.code: must be 8 digits/);
    const statuses: number[] = [];
    for (let i = 1; i < 21; i++) statuses.push((await h.request('GET', `/api/appointments/${String(10_000_000 + i)}`)).statusCode);
    expect(statuses.slice(0, 19)).toEqual(Array(19).fill(404));
    expect(statuses[19]).toBe(429);
  });

  it('limit anonymous bookings per address, not staff ones', async () => {
    await h.enable({ perSlot: 50 });
    h.c.hall.setSettings({ appointments: { maxBookableShare: 1 } });
    const start = h.at('2026-11-30T09:00');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await h.book(start)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await h.book(start)).json().error.code).toBe('rate_limited');
    expect((await h.book(start, {}, h.c.clerk)).statusCode).toBe(201);
  });
});
