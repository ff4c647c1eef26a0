import { describe, expect, it } from 'vitest';
import { appointmentHall } from './fixture.js';

const h = appointmentHall();

describe("a service's appointments and the hall's settings", () => {
  it('takes none until the admin enables them, then answers the settings with the service', async () => {
    const slots = () => h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=2026-11-30`);
    expect((await slots()).statusCode).toBe(404);
    const admin = await h.c.hall.login('admin');
    const res = await h.request('PATCH', `/api/admin/services/${h.serviceId()}`, { token: admin, payload: { appointments: { enabled: true, perSlot: 2 } } });
    expect(res.statusCode).toBe(200);
    expect(res.json().appointments).toEqual({ enabled: true, perSlot: 2 });
    expect((await slots()).statusCode).toBe(200);
  });

  it('defaults to slots of the average visit, one place per counter, 40% of the counter-minutes per hour', async () => {
    await h.enable();
    // B: 10-minute visits, 4 counters: 4 per slot, at most floor(0.4 × 4 × 60 / 10) = 9 an hour; 08:00–15:00.
    const { slots } = (await h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=2026-11-30`)).json();
    expect(slots).toHaveLength(42);
    expect(slots[0]).toEqual({ start: h.at('2026-11-30T08:00'), free: 4 });
    expect(slots.at(-1).start).toBe(h.at('2026-11-30T14:50'));
  });

  it('keeps bookable hours of its own when the admin sets them, and refuses bad ones naming the field', async () => {
    const admin = await h.c.hall.login('admin');
    const patch = (appointments: object) => h.request('PATCH', `/api/admin/services/${h.serviceId()}`, { token: admin, payload: { appointments } });
    expect((await patch({ enabled: true, slotMinutes: 30, hours: { 1: [[9 * 60, 10 * 60]] } })).statusCode).toBe(200);
    const { slots } = (await h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=2026-11-30`)).json();
    expect(slots.map((s: { start: string }) => s.start)).toEqual([h.at('2026-11-30T09:00'), h.at('2026-11-30T09:30')]);
    const bad = await patch({ enabled: true, slotMinutes: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/appointments\.slotMinutes/);
  });

  it("has the hall's defaults, merges a change field by field, and refuses a share above 1", async () => {
    const admin = await h.c.hall.login('admin');
    const hall = () => h.request('GET', '/api/admin/hall', { token: admin });
    expect((await hall()).json().settings.appointments).toEqual({ checkInEarlyMinutes: 60, checkInLateMinutes: 15, minLeadMinutes: 30, windowDays: 30, maxBookableShare: 0.4, appointmentEveryK: 2 });
    const patch = (appointments: object) => h.request('PATCH', '/api/admin/hall', { token: admin, payload: { settings: { appointments } } });
    expect((await patch({ checkInLateMinutes: 20 })).statusCode).toBe(200);
    expect((await patch({ windowDays: 7 })).statusCode).toBe(200);
    expect((await hall()).json().settings.appointments).toMatchObject({ checkInLateMinutes: 20, windowDays: 7, checkInEarlyMinutes: 60 });
    const bad = await patch({ maxBookableShare: 1.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/settings\.appointments\.maxBookableShare/);
  });

  it('lets a hall setting change the bookable share', async () => {
    await h.enable();
    h.c.hall.setSettings({ appointments: { maxBookableShare: 0.1 } });
    // floor(0.1 × 4 × 60 / 10) = 2 an hour, under the 4 places of a slot.
    const { slots } = (await h.request('GET', `/api/appointments/slots?serviceId=${h.serviceId()}&date=2026-11-30`)).json();
    expect(slots[0].free).toBe(2);
  });
});
