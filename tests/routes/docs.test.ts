import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from '../helpers/hall.js';

let hall: TestHall;
beforeAll(async () => (hall = await startHall()));
afterAll(() => hall.close());

describe('OpenAPI at /docs', () => {
  it('describes every route of the contract', async () => {
    const res = await hall.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toMatch(/^3\./);
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    for (const route of [
      'GET /api/health',
      'GET /api/services',
      'POST /api/auth/login',
      'POST /api/admin/services',
      'POST /api/admin/counters',
      'POST /api/admin/users',
      'POST /api/admin/devices',
      'POST /api/admin/printers',
      'POST /api/tickets',
      'GET /api/tickets/{id}',
      'POST /api/counters/{id}/next',
      'POST /api/tickets/{id}/recall',
      'POST /api/tickets/{id}/start',
      'POST /api/tickets/{id}/complete',
      'POST /api/tickets/{id}/no-show',
      'POST /api/tickets/{id}/transfer',
      'GET /api/track/{trackingCode}',
    ]) {
      expect(routes).toContain(route);
    }
    const html = await hall.app.inject({ method: 'GET', url: '/docs' });
    expect(html.statusCode).toBeLessThan(400);
  });
});
