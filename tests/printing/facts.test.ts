import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketFacts } from '../../server/printing/facts.js';
import { ticketTexts } from '../../server/printing/texts.js';
import type { Service, Ticket } from '../../server/protocol/schemas.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// What a receipt prints, read from a real hall: the same "not started yet" as the kiosk's menu
// and ticket when no counter serves the service, and the service's papers unless the hall says no.

const B = 1; // Building permits: counter 1 serves it first
let hall: TestHall;
let clerk: string;
let now = Date.parse('2026-11-29T04:30:00Z'); // Sunday 07:30 in Damascus: the demo hall opens at 08:00

beforeAll(async () => {
  hall = await startHall({ now: () => now });
  clerk = await hall.login('clerk');
});
afterAll(() => hall.close());

async function issue(lang: 'ar' | 'en' = 'ar'): Promise<Ticket> {
  const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: B, lang } });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const menu = async (): Promise<Service> =>
  (await hall.app.inject({ method: 'GET', url: '/api/services', headers: bearer(hall.tokens.kiosk) })).json().find((s: Service) => s.id === B);
const printed = (t: Ticket) => ticketTexts(ticketFacts(hall.app.conn, 1, t, 'http://192.168.1.10:3000'));

describe('a receipt', () => {
  it('says the service has not started, with its opening time, while no counter serves it, as the menu and the ticket do', async () => {
    expect((await menu()).notStarted).toEqual({ opensAt: '08:00' });
    const early = await issue();
    expect(early.notStarted).toEqual({ opensAt: '08:00' });
    expect(printed(early).wait).toBe('الخدمة لم تبدأ بعد، وتبدأ الساعة ٠٨:٠٠');

    now = Date.parse('2026-11-29T06:00:00Z'); // 09:00: within the hours, and still no counter open
    expect((await menu()).notStarted).toEqual({ opensAt: null });
    const late = await issue('en');
    expect(late.ahead).toBe(1);
    expect(late.notStarted).toEqual({ opensAt: null });
    expect(printed(late).wait).toBe('Service not started yet');

    const opened = await hall.app.inject({ method: 'POST', url: '/api/counters/1/open', headers: bearer(clerk) });
    expect(opened.statusCode).toBe(200);
    expect((await menu()).notStarted).toBeNull();
    const served = await issue();
    expect(served.notStarted).toBeNull();
    expect(printed(served).wait).toMatch(/^الانتظار المتوقع: ([٠-٩]+–[٠-٩]+|حتى) /);
    // The tickets taken before the counter opened are told so too.
    const view = await hall.app.inject({ method: 'GET', url: `/api/track/${early.trackingCode}` });
    expect(view.json().notStarted).toBeNull();
  });

  it("prints the service's papers in the ticket's language, unless the hall turned that off", async () => {
    const t = await issue();
    const facts = ticketFacts(hall.app.conn, 1, t, 'http://192.168.1.10:3000');
    expect(facts.whatToBring[0]).toBe('صورة الهوية الشخصية');
    expect(facts.whatToBring).toHaveLength(4);
    expect(facts.trackingUrl).toBe(`http://192.168.1.10:3000/t/${t.trackingCode}`);
    expect(ticketTexts(facts).address).toEqual(['http://192.168.1.10:3000/t/', t.trackingCode]);

    const admin = await hall.login('admin');
    const off = await hall.app.inject({ method: 'PATCH', url: '/api/admin/hall', headers: bearer(admin), payload: { settings: { printWhatToBring: false } } });
    expect(off.statusCode).toBe(200);
    expect(off.json().settings.printWhatToBring).toBe(false);
    expect(ticketFacts(hall.app.conn, 1, t, 'http://192.168.1.10:3000').whatToBring).toEqual([]);
    const bad = await hall.app.inject({ method: 'PATCH', url: '/api/admin/hall', headers: bearer(admin), payload: { settings: { printWhatToBring: 'no' } } });
    expect(bad.statusCode).toBe(400);
  });
});
