import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// GET /api/tickets/:id/receipt.png: staff preview the ticket as it prints.

let hall: TestHall;
let ticketId: number;

beforeAll(async () => {
  hall = await startHall();
  const res = await hall.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { ...bearer(hall.tokens.kiosk), 'idempotency-key': 'receipt-1' },
    payload: { serviceId: 1, lang: 'ar' },
  });
  ticketId = res.json().id;
});
afterAll(() => hall.close());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('GET /api/tickets/:id/receipt.png', () => {
  it('answers the rendered ticket as a PNG at the width of the kiosk printer', async () => {
    const res = await hall.app.inject({ method: 'GET', url: `/api/tickets/${ticketId}/receipt.png`, headers: bearer(await hall.login('clerk')) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.rawPayload.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const image = await loadImage(res.rawPayload);
    expect(image.width).toBe(576);
    expect(image.height).toBeGreaterThan(576);
  });

  it('renders for 58 mm paper when asked', async () => {
    const res = await hall.app.inject({
      method: 'GET',
      url: `/api/tickets/${ticketId}/receipt.png?width=384`,
      headers: bearer(await hall.login('supervisor')),
    });
    expect(res.statusCode).toBe(200);
    expect((await loadImage(res.rawPayload)).width).toBe(384);
    const bad = await hall.app.inject({
      method: 'GET',
      url: `/api/tickets/${ticketId}/receipt.png?width=500`,
      headers: bearer(await hall.login('clerk')),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
  });

  it('is for staff only: 401 without a token, 403 for a device', async () => {
    const url = `/api/tickets/${ticketId}/receipt.png`;
    expect((await hall.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const kiosk = await hall.app.inject({ method: 'GET', url, headers: bearer(hall.tokens.kiosk) });
    expect(kiosk.statusCode).toBe(403);
    expect(kiosk.json().error.code).toBe('forbidden');
  });

  it('answers 404 for an unknown ticket', async () => {
    const res = await hall.app.inject({ method: 'GET', url: '/api/tickets/999999/receipt.png', headers: bearer(await hall.login('clerk')) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
