import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// Bad input on the ticket, counter and tracking routes: always the documented 4xx with
// {error: {code, message}}, never a 500.

let hall: TestHall;
let clerk: string;
let supervisor: string;
let admin: string;
let waitingId: number;
let waitingCode: string;
const big = 'x'.repeat(100 * 1024);

beforeAll(async () => {
  hall = await startHall();
  clerk = await hall.login('clerk');
  supervisor = await hall.login('supervisor');
  admin = await hall.login('admin');
  const res = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: bearer(hall.tokens.kiosk),
    payload: { serviceId: 1 },
  });
  waitingId = res.json().id;
  waitingCode = res.json().trackingCode;
});
afterAll(() => hall.close());

type Who = 'kiosk' | 'display' | 'clerk' | 'supervisor' | 'admin' | 'bogus' | null;
type Case = [name: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: Who, payload: unknown, status: number, code: string, mentions?: string];

// Tokens and the waiting ticket exist only once the hall runs: cases name them, tests resolve them.
const tokenOf = (who: Who) => {
  if (who === null) return null;
  const staff = { clerk, supervisor, admin, bogus: 'stf_nope' } as Record<string, string>;
  return staff[who] ?? hall.tokens[who as 'kiosk' | 'display'];
};

/** Half a surrogate pair: not text (JSON.stringify sends it as the escape `\ud800`). */
const LONE = 'name \ud800';

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

  // Ids are whole numbers in JSON (nothing coerced) and decimal digits in paths and query strings.
  ['issue with serviceId "1"', 'POST', '/api/tickets', 'kiosk', { serviceId: '1' }, 400, 'invalid_request', 'serviceId'],
  ['issue with serviceId true', 'POST', '/api/tickets', 'kiosk', { serviceId: true }, 400, 'invalid_request', 'serviceId'],
  ['issue with serviceId [1]', 'POST', '/api/tickets', 'kiosk', { serviceId: [1] }, 400, 'invalid_request', 'serviceId'],
  ['issue with serviceId "0x2"', 'POST', '/api/tickets', 'kiosk', { serviceId: '0x2' }, 400, 'invalid_request', 'serviceId'],
  ['issue with serviceId 1.5', 'POST', '/api/tickets', 'kiosk', { serviceId: 1.5 }, 400, 'invalid_request', 'serviceId'],
  ['join with serviceId "1"', 'POST', '/api/join', null, { serviceId: '1' }, 400, 'invalid_request', 'serviceId'],
  ['join with serviceId [1]', 'POST', '/api/join', null, { serviceId: [1] }, 400, 'invalid_request', 'serviceId'],
  ['call a ticket given as "1"', 'POST', '/api/counters/1/call', 'clerk', { ticketId: '1' }, 400, 'invalid_request', 'ticketId'],
  ['transfer to serviceId "2"', 'POST', `/api/tickets/:waiting/transfer`, 'clerk', { serviceId: '2' }, 400, 'invalid_request'],
  ['transfer to counterId true', 'POST', `/api/tickets/:waiting/transfer`, 'clerk', { counterId: true }, 400, 'invalid_request'],
  ['move to serviceId "0x2"', 'POST', `/api/tickets/:waiting/move`, 'supervisor', { serviceId: '0x2' }, 400, 'invalid_request', 'serviceId'],
  ['set counter services ["1"]', 'PUT', '/api/counters/1/services', 'supervisor', { serviceIds: ['1'] }, 400, 'invalid_request', 'serviceIds'],
  ['make a counter serving [true]', 'POST', '/api/admin/counters', 'admin', { number: 77, serviceIds: [true] }, 400, 'invalid_request', 'serviceIds'],
  ['bind a printer to kiosk "1"', 'POST', '/api/admin/printers', 'admin', { name: 'p', target: 'file:/tmp/p', kioskId: '1' }, 400, 'invalid_request', 'kioskId'],
  ['get ticket 0x10', 'GET', '/api/tickets/0x10', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['get ticket 1e1', 'GET', '/api/tickets/1e1', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['get ticket +5', 'GET', '/api/tickets/+5', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['get ticket " 5"', 'GET', '/api/tickets/%205', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['get ticket 2^64', 'GET', '/api/tickets/18446744073709551616', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['call next at counter 0x1', 'POST', '/api/counters/0x1/next', 'clerk', undefined, 400, 'invalid_request', 'id'],
  ['edit counter 0x1', 'PATCH', '/api/admin/counters/0x1', 'admin', { name: 'x' }, 400, 'invalid_request', 'id'],
  ['list tickets of service 0x2', 'GET', '/api/tickets?serviceId=0x2', 'clerk', undefined, 400, 'invalid_request', 'serviceId'],
  ['audit of user 1e0', 'GET', '/api/admin/audit?userId=1e0', 'admin', undefined, 400, 'invalid_request', 'userId'],

  // Text is well-formed Unicode: half a surrogate pair is refused, naming the field.
  ['complete with a broken note', 'POST', `/api/tickets/:waiting/complete`, 'clerk', { note: LONE }, 400, 'invalid_request', 'note'],
  ['transfer with a broken note', 'POST', `/api/tickets/:waiting/transfer`, 'clerk', { serviceId: 2, note: LONE }, 400, 'invalid_request', 'note'],
  ['pause for a broken reason', 'POST', '/api/counters/1/pause', 'clerk', { reason: LONE }, 400, 'invalid_request', 'reason'],
  ['cancel with a broken note', 'POST', `/api/tickets/:waiting/cancel`, 'supervisor', { note: LONE }, 400, 'invalid_request', 'note'],
  ['rate with a broken comment', 'POST', `/api/track/:code/rating`, null, { score: 3, comment: LONE }, 400, 'invalid_request', 'comment'],
  ['log in as a broken username', 'POST', '/api/auth/login', null, { username: LONE, password: 'x' }, 400, 'invalid_request', 'username'],
  ['name a device brokenly', 'POST', '/api/admin/devices', 'admin', { kind: 'kiosk', name: LONE }, 400, 'invalid_request', 'name'],
  ['rename the hall brokenly', 'PATCH', '/api/admin/hall', 'admin', { name: { ar: 'قاعة', en: LONE } }, 400, 'invalid_request', 'name.en'],
  ['list a broken what-to-bring', 'POST', '/api/admin/services', 'admin', { code: 'Z', name: { ar: 'خدمة', en: 'Service' }, whatToBring: { ar: ['هوية', LONE], en: [] } }, 400, 'invalid_request', 'whatToBring.ar.1'],
];

describe('bad input', () => {
  it.each(cases.map((c) => [c[0], c] as const))('%s', async (_name, [, method, url, who, payload, status, code, mentions]) => {
    const token = tokenOf(who);
    const res = await hall.app.inject({
      method,
      url: url.replace(':waiting', String(waitingId)).replace(':code', waitingCode),
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
