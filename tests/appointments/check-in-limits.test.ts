import { describe, expect, it } from 'vitest';
import { bearer } from '../helpers/hall.js';
import { appointmentHall } from './fixture.js';

// Wrong codes typed at a kiosk are limited per kiosk (10 a minute), so that a kiosk cannot be
// used to guess codes; a right code always checks in, and staff are not limited.

const h = appointmentHall();

const checkIn = (code: string, token: string) => h.request('POST', `/api/appointments/${code}/check-in`, { token });
const wrong = (i: number) => String(10_000_000 + i);

async function newKiosk(): Promise<string> {
  const admin = await h.c.hall.login('admin');
  const res = await h.request('POST', '/api/admin/devices', { token: admin, payload: { kind: 'kiosk', name: 'كشك الطابق الثاني' } });
  expect(res.statusCode).toBe(201);
  return res.json().token;
}

describe('wrong codes at a kiosk', () => {
  it('are answered 404 ten times a minute, then 429 with Retry-After; a right code still checks in', async () => {
    await h.enable();
    const code = (await h.book(h.at('2026-11-29T10:40'), {}, h.c.clerk)).json().code;
    const kiosk = h.c.hall.tokens.kiosk;
    for (let i = 0; i < 10; i++) expect((await checkIn(wrong(i), kiosk)).statusCode).toBe(404);

    const limited = await h.c.hall.app.inject({ method: 'POST', url: `/api/appointments/${wrong(10)}/check-in`, headers: bearer(kiosk) });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^too many wrong appointment codes at this kiosk: try again in \d+ s$/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    // The citizens queueing behind are not held up, and another kiosk has its own count.
    expect((await checkIn(code, kiosk)).statusCode).toBe(201);
    expect((await checkIn(wrong(11), await newKiosk())).statusCode).toBe(404);
  });

  it('are not limited for staff', async () => {
    for (let i = 0; i < 15; i++) expect((await checkIn(wrong(i), h.c.clerk)).statusCode).toBe(404);
  });
});
