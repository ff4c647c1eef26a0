import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// Bad input on the ticket, counter and tracking routes: always the documented 4xx with
// {error: {code, message}}, never a 500.

let hall: TestHall;
let clerk: string;
let waitingId: number;
const big = 'x'.repeat(100 * 1024);

beforeAll(async () => {
  hall = await startHall();
  clerk = await hall.login('clerk');
  const res = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: bearer(hall.tokens.kiosk),
    payload: { serviceId: 1 },
  });
  waitingId = res.json().id;
});
afterAll(() => hall.close());

type Who = 'kiosk' | 'display' | 'clerk' | 'bogus' | null;
type Case = [name: string, method: 'GET' | 'POST', url: string, who: Who, payload: unknown, status: number, code: string, mentions?: string];

// Tokens and the waiting ticket exist only once the hall runs: cases name them, tests resolve them.
const tokenOf = (who: Who) =>
  who === 'clerk' ? clerk : who === 'bogus' ? 'stf_nope' : who ? hall.tokens[who] : null;

const cases: Case[] = [
  ['issue without a token', 'POST', '/api/tickets', null, { serviceId: 1 }, 401, 'unauthorized'],
  ['issue with a display token', 'POST', '/api/tickets', 'display', { serviceId: 1 }, 403, 'forbidden'],
  ['issue with serviceId as text', 'POST', '/api/tickets', 'kiosk', { serviceId: 'abc' }, 400, 'invalid_request', 'serviceId'],
  ['issue without serviceId', 'POST', '/api/tickets', 'kiosk', {}, 400, 'invalid_request', 'serviceId'],
  ['issue with priority as text', 'POST', '/api/tickets', 'kiosk', { serviceId: 1, priority: 'yes' }, 400, 'invalid_request', 'priority'],
  ['issue with an unknown lang', 'POST', '/api/tickets', 'kiosk', { serviceId: 1, lang: big }, 400, 'invalid_request', 'lang'],
  ['issue for an unknown service', 'POST', '/api/tickets', 'kiosk', { serviceId: 999 }, 404, 'not_found', 'service'],
  ['issue with an array body', 'POST', '/api/tickets', 'kiosk', [1, 2], 400, 'invalid_request'],
  ['call next without a token', 'POST', '/api/counters/1/next', null, undefined, 401, 'unauthorized'],
  ['call next with a kiosk token', 'POST', '/api/counters/1/next', 'kiosk', undefined, 403, 'forbidden'],
  ['call next at an unknown counter', 'POST', '/api/counters/999/next', 'clerk', undefined, 404, 'not_found', 'counter'],
  ['call next at a non-numeric counter', 'POST', '/api/counters/abc/next', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['start a waiting ticket', 'POST', `/api/tickets/:waiting/start`, 'clerk', undefined, 409, 'invalid_transition'],
  ['complete a waiting ticket', 'POST', `/api/tickets/:waiting/complete`, 'clerk', undefined, 409, 'invalid_transition'],
  ['recall a waiting ticket', 'POST', `/api/tickets/:waiting/recall`, 'clerk', undefined, 409, 'invalid_transition'],
  ['no-show a waiting ticket', 'POST', `/api/tickets/:waiting/no-show`, 'clerk', undefined, 409, 'invalid_transition'],
  ['transfer a waiting ticket', 'POST', `/api/tickets/:waiting/transfer`, 'clerk', { serviceId: 2 }, 409, 'invalid_transition'],
  ['transfer with neither target', 'POST', `/api/tickets/:waiting/transfer`, 'clerk', {}, 400, 'invalid_request'],
  ['transfer with a 100 kB note', 'POST', `/api/tickets/:waiting/transfer`, 'clerk', { serviceId: 2, note: big }, 400, 'invalid_request'],
  ['complete with a 100 kB note', 'POST', `/api/tickets/:waiting/complete`, 'clerk', { note: big }, 400, 'invalid_request', 'note'],
  ['recall an unknown ticket', 'POST', '/api/tickets/99999/recall', 'clerk', undefined, 404, 'not_found', 'ticket'],
  ['get an unknown ticket', 'GET', '/api/tickets/99999', 'clerk', undefined, 404, 'not_found', 'ticket'],
  ['get a ticket with a negative id', 'GET', '/api/tickets/-3', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['get a ticket as a kiosk', 'GET', `/api/tickets/:waiting`, 'kiosk', undefined, 403, 'forbidden'],
  ['get a ticket with a bogus token', 'GET', `/api/tickets/:waiting`, 'bogus', undefined, 401, 'unauthorized'],
  ['cancel as a clerk', 'POST', `/api/tickets/:waiting/cancel`, 'clerk', undefined, 403, 'forbidden'],
  ['pause without a reason', 'POST', '/api/counters/1/pause', 'clerk', {}, 400, 'invalid_request', 'reason'],
  ['track with a 2 kB code', 'GET', `/api/track/${'y'.repeat(2000)}`, null, undefined, 414, 'invalid_request'],
  ['track with a 70-character code', 'GET', `/api/track/${'y'.repeat(70)}`, null, undefined, 400, 'invalid_request', 'trackingCode'],
  ['an unknown route', 'GET', '/api/nothing-here', null, undefined, 404, 'not_found'],
];

describe('bad input', () => {
  it.each(cases.map((c) => [c[0], c] as const))('%s', async (_name, [, method, url, who, payload, status, code, mentions]) => {
    const token = tokenOf(who);
    const res = await hall.app.inject({
      method,
      url: url.replace(':waiting', String(waitingId)),
      headers: token ? bearer(token) : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    expect(res.statusCode).toBe(status);
    const body = res.json();
    const fields = body.error?.fields ? { fields: expect.any(Array) } : {};
    expect(body).toEqual({ error: { code, message: expect.any(String), ...fields } });
    if (mentions) expect(body.error.message).toContain(mentions);
  });

  it('answers broken JSON with 400 invalid_request', async () => {
    const res = await hall.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...bearer(hall.tokens.kiosk), 'content-type': 'application/json' },
      payload: '{"serviceId": 1,',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
  });

  it('answers a bad Idempotency-Key with 400 naming the header', async () => {
    const res = await hall.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': 'a'.repeat(500) },
      payload: { serviceId: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('idempotency-key');
  });

  it('answers an oversized body with 413, not 500', async () => {
    const res = await hall.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: bearer(hall.tokens.kiosk),
      payload: { serviceId: 1, pad: 'z'.repeat(400 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});
