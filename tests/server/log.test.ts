import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { loggableUrl } from '../../server/log.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The request log at the default level holds no device token and no tracking code: a tracking
// code can cancel its citizen's ticket, a device token issues tickets.

let hall: TestHall;
const lines: string[] = [];
let code: string;

beforeAll(async () => {
  hall = await startHall({ config: { LOG_LEVEL: 'info' }, logStream: { write: (line) => void lines.push(line) } });
  const issued = await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: 1 } });
  code = issued.json().trackingCode;
});
afterAll(() => hall.close());

describe('the request log', () => {
  it('holds the requests, but neither their device tokens nor their tracking codes', async () => {
    const { kiosk, display } = hall.tokens;
    const urls = [
      `/kiosk/?token=${kiosk}`,
      `/display/?lang=ar&token=${display}`,
      `/counter-display/?counter=1&token=${display}`,
      `/t/${code}?lang=en`,
      `/api/track/${code}`,
      `//api/track/${code}/phone`,
    ];
    for (const url of urls) await hall.app.inject({ method: 'GET', url });
    await hall.app.inject({ method: 'POST', url: `/api/track/${encodeURIComponent(code)}/rating`, payload: { score: 3 } });
    // socket.io answers its own handshakes (outside Fastify): a token in their URL is not logged either.
    const base = await hall.listen();
    const socket = io(`${base}/kiosk`, { transports: ['polling'], query: { token: kiosk }, auth: { token: kiosk } });
    await new Promise<void>((resolve, reject) => socket.on('connect', resolve).on('connect_error', reject));
    socket.close();

    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'incoming request').map((l) => l.req.url);
    expect(logged).toEqual(expect.arrayContaining(['/kiosk/?token=***', '/counter-display/?counter=1&token=***', '/t/***?lang=en', '/api/track/***/rating']));
    expect(logged.length).toBeGreaterThan(urls.length);
    const log = lines.join('');
    for (const secret of [kiosk, display, code]) expect(log).not.toContain(secret);
  });
});

describe('loggableUrl', () => {
  it.each([
    ['/kiosk/?token=dev_abc', '/kiosk/?token=***'],
    ['/display/?TOKEN=dev_abc&lang=en#x', '/display/?TOKEN=***&lang=en#x'],
    ['/api/track/AbC-9_z/phone', '/api/track/***/phone'],
    ['/T/AbC-9_z', '/T/***'],
    ['/api/tickets/12/recall', '/api/tickets/12/recall'],
    ['/api/tracking/x', '/api/tracking/x'],
    ['/join?tokens=1', '/join?tokens=1'],
  ])('%s → %s', (url, logged) => expect(loggableUrl(url)).toBe(logged));
});
