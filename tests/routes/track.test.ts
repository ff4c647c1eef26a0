import { eq } from 'drizzle-orm';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ratings, ticketContacts, ticketEvents, tickets } from '../../db/schema.js';
import { ratingCounts } from '../../server/hall/ratings.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The citizen's phone over HTTP: the tracking view (nothing personal, nothing about staff), the
// rating, leaving the queue, the phone number for the notification hook and its webhook, and
// the remote ticket of /join with its caps.

const SUNDAY_10 = Date.parse('2026-11-29T07:00:00Z'); // Sunday 10:00 in Damascus
const SUNDAY_16 = Date.parse('2026-11-29T13:00:00Z'); // after the office closes
const FRIDAY_10 = Date.parse('2026-11-27T07:00:00Z'); // the weekend
const F = 3; // Fees and taxes, served first at counter 4
const B = 1;

let hall: TestHall;
let clerk: string;
let now = SUNDAY_10;

beforeEach(async () => {
  now = SUNDAY_10;
  // The test gateway listens on 127.0.0.1: allowed here, refused by default (see the last tests).
  hall = await startHall({ now: () => now, config: { WEBHOOK_ALLOW_LOCAL: true } });
  clerk = await hall.login('clerk');
});
afterEach(() => hall.close());

async function issue(serviceId = F): Promise<{ id: number; number: string; trackingCode: string }> {
  const res = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const staff = (url: string) => hall.app.inject({ method: 'POST', url, headers: bearer(clerk) });
const track = (code: string, remoteAddress?: string) => hall.app.inject({ method: 'GET', url: `/api/track/${code}`, remoteAddress });
const citizen = (method: 'POST' | 'DELETE', url: string, payload?: object, remoteAddress?: string) =>
  hall.app.inject({ method, url: `/api/track/${url}`, remoteAddress, ...(payload ? { payload } : {}) });

async function finish(id: number) {
  expect((await staff('/api/counters/4/next')).json().id).toBe(id);
  expect((await staff(`/api/tickets/${id}/complete`)).statusCode).toBe(200);
}

const TRACK_KEYS = [
  'ahead',
  'calledAt',
  'counter',
  'estimatedWaitMinutes',
  'estimatedWaitRange',
  'notStarted',
  'number',
  'phoneAlert',
  'rated',
  'ratingAllowed',
  'recalls',
  'remote',
  'service',
  'serviceId',
  'status',
  'whatToBring',
];

describe('the tracking view', () => {
  it('shows the visit at every step, and nothing personal or about staff', async () => {
    hall.setSettings({ notify: { enabled: true, webhookUrl: 'http://127.0.0.1:9/hook', position: 3 } });
    const t = await issue();
    expect((await citizen('POST', `${t.trackingCode}/phone`, { phone: '0944 123 456' })).statusCode).toBe(200);
    const seen: object[] = [(await track(t.trackingCode)).json()];
    await staff('/api/counters/4/next');
    await staff(`/api/tickets/${t.id}/recall`);
    seen.push((await track(t.trackingCode)).json());
    await staff(`/api/tickets/${t.id}/complete`);
    seen.push((await track(t.trackingCode)).json());

    expect(seen[0]).toMatchObject({ status: 'waiting', remote: false, recalls: 0, phoneAlert: { position: 3, subscribed: true } });
    expect(seen[0]).toMatchObject({ whatToBring: { ar: expect.arrayContaining(['الهوية الشخصية']), en: expect.any(Array) } });
    expect(seen[1]).toMatchObject({ status: 'called', counter: { number: 4 }, recalls: 1, calledAt: '2026-11-29T10:00:00.000+03:00' });
    expect(seen[2]).toMatchObject({ status: 'done', ratingAllowed: true, rated: false });
    for (const view of seen) for (const key of Object.keys(view)) expect(TRACK_KEYS).toContain(key);
    const text = JSON.stringify(seen);
    expect(text).not.toMatch(/userId|deviceId|counterId|trackingCode|"id"|displayName|username/);
    expect(text).not.toContain(t.trackingCode);
    expect(text).not.toContain('944'); // the phone number never comes back
    expect(text).not.toContain('الموظف'); // the clerk's display name
  });

  it('answers 404 to wrong codes, on every route', async () => {
    for (const res of [
      await track('no-such-code'),
      await citizen('POST', 'no-such-code/rating', { score: 3 }),
      await citizen('POST', 'no-such-code/cancel'),
      await citizen('POST', 'no-such-code/comment', { comment: 'hello' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('rate-limits many wrong codes per address, not staff', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await citizen('POST', `guess-${i}/cancel`, undefined, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another address is not punished for it, and staff are never limited.
    expect((await citizen('POST', 'guess-x/cancel', undefined, '10.9.9.10')).statusCode).toBe(404);
    const asStaff = await hall.app.inject({ method: 'POST', url: '/api/track/guess-y/cancel', headers: bearer(clerk), remoteAddress: '10.9.9.9' });
    expect(asStaff.statusCode).toBe(404);
  });

  it('expires finished tickets with the business day; waiting ones carried over stay', async () => {
    hall.setSettings({ carryOverWaiting: true });
    const done = await issue();
    const waiting = await issue();
    await finish(done.id);
    now = Date.parse('2026-11-30T07:00:00Z'); // Monday 10:00
    await issue(B); // the day rolls over
    expect((await track(done.trackingCode)).statusCode).toBe(404);
    expect((await track(waiting.trackingCode)).json()).toMatchObject({ status: 'waiting' });
  });
});

describe('the /track handshake', () => {
  it('refuses expired codes, and every code after many wrong ones from one address', async () => {
    const url = await hall.listen();
    const handshake = (trackingCode: string) =>
      new Promise<string>((resolve) => {
        const socket = io(`${url}/track`, { auth: { trackingCode }, transports: ['websocket'], forceNew: true, reconnection: false });
        const end = (answer: string) => {
          socket.close();
          resolve(answer);
        };
        socket.once('connect', () => end('connected'));
        socket.once('connect_error', (err) => end(err.message));
      });
    const done = await issue();
    const waiting = await issue();
    await finish(done.id);
    expect(await handshake(done.trackingCode)).toBe('connected');
    now = Date.parse('2026-11-30T07:00:00Z'); // the next day: the finished ticket's code has expired
    expect(await handshake(done.trackingCode)).toBe('unauthorized');
    for (let i = 1; i < 60; i++) expect(await handshake(`guess-${i}`)).toBe('unauthorized');
    expect(await handshake(waiting.trackingCode)).toBe('unauthorized'); // 60 wrong codes this minute
  });
});

describe('rating a visit', () => {
  it('is taken once, only after the visit, anonymously, with an optional comment', async () => {
    const t = await issue();
    const rate = (payload: object) => citizen('POST', `${t.trackingCode}/rating`, payload);
    expect((await rate({ score: 3 })).json().error.code).toBe('invalid_transition'); // still waiting
    await finish(t.id);
    expect((await rate({ score: 4 })).statusCode).toBe(400);
    expect((await rate({ score: 2, comment: 'x'.repeat(501) })).statusCode).toBe(400);

    const rated = await rate({ score: 2 });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'done', rated: true, ratingAllowed: false });
    const again = await rate({ score: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');

    const comment = (text: string) => citizen('POST', `${t.trackingCode}/comment`, { comment: text });
    expect((await comment('  الموظف كان لطيفاً\u0007  ')).statusCode).toBe(200);
    expect((await comment('and again')).statusCode).toBe(409);

    const rows = hall.app.conn.db.select().from(ratings).all();
    expect(rows).toEqual([
      { id: expect.any(Number), hallId: 1, ticketId: t.id, serviceId: F, counterId: 4, score: 2, comment: 'الموظف كان لطيفاً', at: now },
    ]);
    expect(ratingCounts(hall.app.conn, 1, now - 1000, now + 1000)).toEqual({ counts: { 1: 0, 2: 1, 3: 0 }, total: 1, comments: 1 });
    expect(ratingCounts(hall.app.conn, 1, now - 1000, now + 1000, B).total).toBe(0);
  });
});

describe('leaving the queue', () => {
  it('cancels a waiting ticket, as the citizen, and nothing else', async () => {
    const first = await issue();
    const mine = await issue();
    const left = await citizen('POST', `${mine.trackingCode}/cancel`);
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ status: 'cancelled', ahead: 0 });
    const event = hall.app.conn.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, mine.id)).all().at(-1)!;
    expect(event).toMatchObject({ type: 'cancel', fromStatus: 'waiting', toStatus: 'cancelled', details: { by: 'citizen' }, userId: null, deviceId: null });
    expect((await citizen('POST', `${mine.trackingCode}/cancel`)).statusCode).toBe(409);

    await staff('/api/counters/4/next');
    const called = await citizen('POST', `${first.trackingCode}/cancel`);
    expect(called.statusCode).toBe(409);
    expect(called.json().error.code).toBe('invalid_transition');
    const services = (await hall.app.inject({ method: 'GET', url: '/api/services' })).json();
    expect(services.find((s: { id: number }) => s.id === F).waiting).toBe(0);
  });
});

describe('the phone number for the notification hook', () => {
  const contacts = () => hall.app.conn.db.select().from(ticketContacts).all();

  it('is refused while the hook is off, and checked when it is on', async () => {
    const t = await issue();
    expect((await citizen('POST', `${t.trackingCode}/phone`, { phone: '0944123456' })).statusCode).toBe(404);
    expect((await track(t.trackingCode)).json().phoneAlert).toBeUndefined();
    hall.setSettings({ notify: { enabled: true, webhookUrl: 'ftp://gateway.invalid/', position: 3 } }); // not http(s): still off
    expect((await citizen('POST', `${t.trackingCode}/phone`, { phone: '0944123456' })).statusCode).toBe(404);
    hall.setSettings({ notify: { enabled: true, webhookUrl: 'http://127.0.0.1:9/hook', position: 3 } });
    for (const phone of ['12', 'call me', '+12345678901234567']) {
      expect((await citizen('POST', `${t.trackingCode}/phone`, { phone })).statusCode).toBe(400);
    }
    expect(contacts()).toEqual([]);
    expect((await citizen('POST', `${t.trackingCode}/phone`, { phone: '٠٩٤٤ ١٢٣-٤٥٦' })).json().phoneAlert).toEqual({ position: 3, subscribed: true });
    expect(contacts()).toMatchObject([{ ticketId: t.id, phone: '0944123456' }]);
    expect((await citizen('DELETE', `${t.trackingCode}/phone`)).json().phoneAlert).toEqual({ position: 3, subscribed: false });
    expect(contacts()).toMatchObject([{ ticketId: t.id, phone: null }]); // the number is gone; the count of numbers stays
  });

  it('is deleted when the ticket ends, and at the end of the business day', async () => {
    hall.setSettings({ notify: { enabled: true, webhookUrl: 'http://127.0.0.1:9/hook', position: 1 }, carryOverWaiting: true });
    const a = await issue();
    const b = await issue();
    for (const t of [a, b]) await citizen('POST', `${t.trackingCode}/phone`, { phone: '+963 944 000 111' });
    expect(contacts()).toHaveLength(2);
    await finish(a.id);
    expect(contacts().map((c) => c.ticketId)).toEqual([b.id]);
    now = Date.parse('2026-11-29T21:00:30Z'); // 00:00:30 in Damascus: the next business day
    await issue(B);
    expect(contacts()).toEqual([]);
    expect((await track(b.trackingCode)).json()).toMatchObject({ status: 'waiting', phoneAlert: { subscribed: false } });
  });
});

describe('the notification webhook', () => {
  let gateway: Server;
  let received: { body: any; attempt: number }[];
  let failFirst = false;

  beforeEach(async () => {
    received = [];
    let attempts = 0;
    gateway = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        attempts++;
        received.push({ body: JSON.parse(data), attempt: attempts });
        res.writeHead(failFirst && attempts === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

  const hookUrl = () => `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  };

  it('fires once, when a ticket with a number becomes N-th in line', async () => {
    hall.setSettings({ notify: { enabled: true, webhookUrl: hookUrl(), position: 2 }, publicUrl: 'https://queue.example.org/' });
    const tickets = [await issue(), await issue(), await issue(), await issue()];
    const mine = tickets[2]!; // third in line
    await citizen('POST', `${mine.trackingCode}/phone`, { phone: '+963944123456' });
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual([]);

    await finish(tickets[0]!.id); // now second
    await until(() => received.length > 0);
    expect(received.map((r) => r.body)).toEqual([
      {
        ticketNumber: 'F003',
        position: 2,
        phone: '+963944123456',
        serviceName: 'الرسوم والضرائب',
        hallName: 'مركز خدمة المواطن',
        trackingUrl: `https://queue.example.org/t/${mine.trackingCode}`,
        lang: 'ar',
      },
    ]);

    await finish(tickets[1]!.id); // now first: no second message
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(1);
  });

  it('tells a ticket once: no new number after its message, and three numbers at most', async () => {
    hall.setSettings({ notify: { enabled: true, webhookUrl: hookUrl(), position: 1 } });
    const told = await issue();
    const later = await issue();
    await citizen('POST', `${told.trackingCode}/phone`, { phone: '0944000001' });
    await until(() => received.length > 0);
    expect(received.map((r) => r.body.phone)).toEqual(['0944000001']);

    expect((await citizen('POST', `${told.trackingCode}/phone`, { phone: '0944000001' })).statusCode).toBe(200); // the same number again
    const another = await citizen('POST', `${told.trackingCode}/phone`, { phone: '0944000002' });
    expect(another.statusCode).toBe(409);
    expect(another.json().error.code).toBe('already_notified');
    await citizen('DELETE', `${told.trackingCode}/phone`);
    const afterForget = await citizen('POST', `${told.trackingCode}/phone`, { phone: '0944000003' });
    expect(afterForget.json().error.code).toBe('already_notified');

    // Not told yet (second in line): numbers may change, taken back or not, up to three in all.
    for (const phone of ['0944000011', '0944000012']) expect((await citizen('POST', `${later.trackingCode}/phone`, { phone })).statusCode).toBe(200);
    await citizen('DELETE', `${later.trackingCode}/phone`);
    expect((await citizen('POST', `${later.trackingCode}/phone`, { phone: '0944000013' })).statusCode).toBe(200);
    const fourth = await citizen('POST', `${later.trackingCode}/phone`, { phone: '0944000014' });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error).toEqual({ code: 'too_many_changes', message: 'a ticket takes at most 3 phone numbers' });

    await finish(told.id); // `later` is next: one message, to its last number
    await until(() => received.length > 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((r) => r.body.phone)).toEqual(['0944000001', '0944000013']);
  });

  it('tells at once a ticket already close enough, and retries a failed delivery once', async () => {
    failFirst = true;
    hall.setSettings({ notify: { enabled: true, webhookUrl: hookUrl(), position: 3 } });
    const t = await issue();
    const saved = await citizen('POST', `${t.trackingCode}/phone`, { phone: '0944123456' });
    expect(saved.statusCode).toBe(200); // answered without waiting for the gateway
    await until(() => received.length >= 2);
    expect(received.map((r) => [r.attempt, r.body.ticketNumber, r.body.position])).toEqual([
      [1, 'F001', 1],
      [2, 'F001', 1],
    ]);
    // No publicUrl: this server on the hall's network, as in the ticket's QR code.
    expect(received[1]!.body.trackingUrl).toMatch(new RegExp(`^http://[^/]+:\\d+/t/${t.trackingCode}$`));
    failFirst = false;
  });
});

describe('a webhook on this machine or its local link', () => {
  let gateway: Server;
  let received = 0;
  beforeEach(async () => {
    await hall.close();
    hall = await startHall({ now: () => now }); // WEBHOOK_ALLOW_LOCAL unset
    clerk = await hall.login('clerk');
    received = 0;
    gateway = createServer((_req, res) => {
      received++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => gateway.close(() => resolve())));
  const port = () => (gateway.address() as AddressInfo).port;
  it('is refused when saved, naming the field', async () => {
    const token = await hall.login();
    const admin = (payload: object) => hall.app.inject({ method: 'PATCH', url: '/api/admin/hall', headers: bearer(token), payload });
    for (const host of ['127.0.0.1', '127.1', '2130706433', 'localhost', 'api.localhost', '[::1]', '169.254.169.254', '[fe80::1]', '0.0.0.0', '[::ffff:127.0.0.1]', '[::]']) {
      const res = await admin({ settings: { notify: { enabled: true, webhookUrl: `http://${host}:${port()}/sms` } } });
      expect(res.statusCode, host).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'settings.notify.webhookUrl', code: 'local_address', message: expect.stringContaining('WEBHOOK_ALLOW_LOCAL=1') }]);
    }
    expect((await admin({ settings: { notify: { enabled: true, webhookUrl: 'https://sms.example.org/hook' } } })).statusCode).toBe(200);
  });

  it('is not posted to, even when stored before the rule', async () => {
    hall.setSettings({ notify: { enabled: true, webhookUrl: `http://127.0.0.1:${port()}/sms`, position: 3 } });
    const t = await issue();
    expect((await citizen('POST', `${t.trackingCode}/phone`, { phone: '0944123456' })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toBe(0);
  });
});

describe('remote tickets (/join)', () => {
  const services = (remoteAddress?: string) => hall.app.inject({ method: 'GET', url: '/api/join/services', remoteAddress });
  const join = (serviceId: number, remoteAddress: string, key?: string) =>
    hall.app.inject({
      method: 'POST',
      url: '/api/join',
      remoteAddress,
      headers: key ? { 'idempotency-key': key } : {},
      payload: { serviceId },
    });

  it('is off by default', async () => {
    expect((await services()).statusCode).toBe(404);
    const res = await join(F, '10.0.0.1');
    expect(res.statusCode).toBe(404);
    expect(hall.app.conn.db.select().from(tickets).all()).toEqual([]);
  });

  it('gives a normal ticket flagged remote, up to the daily cap per service', async () => {
    hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 2 } });
    const menu = (await services()).json();
    expect(menu.map((s: { code: string; open: boolean }) => [s.code, s.open])).toEqual([
      ['B', true], ['P', true], ['F', true], ['D', true], ['C', true], ['E', true],
    ]);
    const first = await join(F, '10.0.0.1', 'k1');
    expect(first.statusCode).toBe(201);
    expect(Object.keys(first.json()).sort()).toEqual(['number', 'trackingCode']);
    expect(first.json().number).toBe('F001');
    const view = (await track(first.json().trackingCode)).json();
    expect(view).toMatchObject({ number: 'F001', status: 'waiting', remote: true });
    // A kiosk ticket in between does not count against the cap.
    await issue();
    expect((await join(F, '10.0.0.2')).json().number).toBe('F003');

    const refused = await join(F, '10.0.0.3');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('service_closed');
    const closed = (await services()).json().find((s: { id: number }) => s.id === F);
    expect(closed).toMatchObject({ open: false, closedReason: { code: 'daily_limit' } });
    expect(closed.closedReason.en).toMatch(/phone tickets/);
    // The same request again (its answer was lost) still gets its ticket; other services are open.
    const replay = await join(F, '10.0.0.1', 'k1');
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    expect((await join(B, '10.0.0.3')).statusCode).toBe(201);
    expect(hall.app.conn.db.select().from(tickets).where(eq(tickets.remote, true)).all()).toHaveLength(3);
  });

  it('gives tickets only while the hall is open, even in a hall whose kiosks take them at any hour', async () => {
    hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 } });
    for (const at of [SUNDAY_16, FRIDAY_10]) {
      now = at;
      const res = await join(F, `10.0.1.${at % 200}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('service_closed');
      expect((await services()).json().every((s: { open: boolean; closedReason?: { code: string } }) => !s.open && s.closedReason?.code === 'outside_hours')).toBe(true);
    }
    expect((await issue()).number).toBe('F001'); // the kiosk still issues (the demo hall does not enforce hours)
  });

  it('is rate-limited per address', async () => {
    hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await join(B, '10.0.2.1')).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await join(B, '10.0.2.2')).statusCode).toBe(201);
  });
});
