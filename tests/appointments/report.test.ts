import { describe, expect, it } from 'vitest';
import { checkAppointments } from '../../server/plugins/appointments.js';
import { appointmentHall } from './fixture.js';

const h = appointmentHall();
const MIN = 60_000;

describe('the appointments report', () => {
  it('counts per service and day the booked, checked in, no-shows, cancelled, and the share called within 5 minutes of the slot', async () => {
    await h.enable();
    const eleven = h.at('2026-11-29T11:00');
    const [onTime, late, , cancelled] = await Promise.all([1, 2, 3, 4].map(async () => (await h.book(eleven, {}, h.c.clerk)).json().code as string));
    await h.book(h.at('2026-11-30T11:00'), {}, h.c.clerk);
    await h.request('DELETE', `/api/appointments/${cancelled}`);
    h.c.tick(50 * MIN); // 10:50
    for (const code of [onTime, late]) await h.request('POST', `/api/appointments/${code}/check-in`, { token: h.c.hall.tokens.kiosk });
    h.c.tick(15 * MIN); // 11:05: 5 minutes after the slot, still on time
    await h.request('POST', '/api/counters/1/next', { token: h.c.clerk });
    h.c.tick(MIN); // 11:06: late
    await h.request('POST', '/api/counters/2/next', { token: h.c.supervisor });
    h.c.tick(10 * MIN);
    checkAppointments(h.c.hall.app); // the absent one is a no-show

    const query = '/api/reports/appointments?from=2026-11-29&to=2026-11-30';
    const report = await h.request('GET', query, { token: h.c.supervisor });
    expect(report.statusCode).toBe(200);
    const service = { ar: 'رخص البناء', en: 'Building permits' };
    expect(report.json().rows).toEqual([
      { day: '2026-11-29', serviceId: h.serviceId(), service, booked: 4, checkedIn: 2, noShow: 1, cancelled: 1, called: 2, punctualPct: 50 },
      { day: '2026-11-30', serviceId: h.serviceId(), service, booked: 1, checkedIn: 0, noShow: 0, cancelled: 0, called: 0, punctualPct: null },
    ]);

    const csv = await h.request('GET', `${query}&format=csv&lang=en`, { token: h.c.supervisor });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toEqual([
      'Day,Service,Booked,Checked in,No-shows,Cancelled,Called,Called within 5 min of the slot %',
      '2026-11-29,Building permits,4,2,1,1,2,50',
      '2026-11-30,Building permits,1,0,0,0,0,',
    ]);
    // In French: French headings, the service by its English name while it has no French one.
    const fr = await h.request('GET', `${query}&format=csv&lang=fr`, { token: h.c.supervisor });
    expect(fr.body.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual([
      'Jour,Service,Rendez-vous pris,Présents,Absents,Annulés,Appelés,Appelés dans les 5\u00a0min suivant l’heure du rendez-vous (%)',
      '2026-11-29,Building permits,4,2,1,1,2,50',
    ]);
    expect((await h.request('GET', query, { token: h.c.clerk })).statusCode).toBe(403);
    expect((await h.request('GET', '/api/reports/appointments?from=2026-11-30&to=2026-11-29', { token: h.c.supervisor })).json().error.message).toMatch(/querystring\.to/);
  });
});
