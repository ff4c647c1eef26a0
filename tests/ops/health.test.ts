import { afterEach, describe, expect, it } from 'vitest';
import { LiveHall } from '../realtime/client.js';
import { bearer } from '../helpers/hall.js';

// GET /api/health stays cheap and public; GET /api/admin/health is the admin's look inside.

let live: LiveHall | undefined;
afterEach(async () => {
  await live?.close();
  live = undefined;
});

describe('GET /api/admin/health', () => {
  it('is for admins only, and the public health stays a plain ok', async () => {
    live = await LiveHall.start();
    const { app } = live.hall;
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/api/admin/health' })).statusCode).toBe(401);
    const clerk = await live.hall.login('clerk');
    expect((await app.inject({ method: 'GET', url: '/api/admin/health', headers: bearer(clerk) })).statusCode).toBe(403);
    const kiosk = live.hall.tokens.kiosk;
    expect((await app.inject({ method: 'GET', url: '/api/admin/health', headers: bearer(kiosk) })).statusCode).toBe(403);
  });

  it('answers the database, backups, printers, devices with last seen, event loop and version', async () => {
    live = await LiveHall.start();
    const { app, tokens } = live.hall;
    const admin = await live.hall.login();
    await live.issue(1);
    await live.connect('/display', { token: tokens.display });
    await live.connect('/display', { token: tokens.display });

    const res = await app.inject({ method: 'GET', url: '/api/admin/health', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.version).toMatch(/^\d+\.\d+\.\d+\+/);
    expect(h.uptimeS).toBeGreaterThanOrEqual(0);
    expect(h.eventLoopDelayMs).toMatchObject({ mean: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
    expect(h.database.sizeBytes).toBeGreaterThan(10_000);
    expect(h.database.walBytes).toBeGreaterThanOrEqual(0);
    expect(h.database.sizeBytes).toBeGreaterThanOrEqual(h.database.walBytes);
    expect(h.database.migrations.pending).toEqual([]);
    expect(h.database.integrity).toBeUndefined();
    expect(h.database.disk.freeBytes).toBeGreaterThan(0);
    expect(h.lastBackup).toBeNull();
    expect(h.backups).toMatchObject({ at: 'off', lastError: null });

    const display = h.devices.find((d: { kind: string }) => d.kind === 'display');
    expect(display).toMatchObject({ connected: true, connections: 2 });
    expect(display.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const kiosk = h.devices.find((d: { kind: string }) => d.kind === 'kiosk');
    expect(kiosk).toMatchObject({ connected: false, connections: 0 });
    expect(kiosk.lastSeenAt).not.toBeNull(); // it issued a ticket over HTTP
    expect(h.printers).toHaveLength(1);
    expect(h.printers[0]).toMatchObject({ kind: 'agent', active: true, agent: { connected: false } });
    expect(h.printers[0].queued).toBeGreaterThanOrEqual(0);

    // The integrity check only when asked; and a backup shows up.
    const deep = (await app.inject({ method: 'GET', url: '/api/admin/health?integrity=1', headers: bearer(admin) })).json();
    expect(deep.database.integrity).toBe('ok');
    const made = await app.backups.run();
    const after = (await app.inject({ method: 'GET', url: '/api/admin/health', headers: bearer(admin) })).json();
    expect(after.lastBackup).toMatchObject({ file: made.file, sizeBytes: made.sizeBytes });
    expect(after.lastBackup.at).toMatch(/\+03:00$/); // in the hall's zone
  });

  it('remembers when kiosks and print agents on sockets were last seen, for the doctor', async () => {
    live = await LiveHall.start();
    const { app, tokens } = live.hall;
    const kiosk = await live.connect('/kiosk', { token: tokens.kiosk });
    const agent = await live.connect('/printer', { token: tokens.printer });
    const row = (kind: string) => app.conn.sqlite.prepare('SELECT last_seen_at AS t FROM devices WHERE kind = ?').get(kind) as { t: number | null };
    const seen = () => row('kiosk').t != null && row('printer').t != null;
    const deadline = Date.now() + 5000;
    while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(row('kiosk').t).toBeGreaterThan(Date.now() - 60_000);
    expect(row('printer').t).toBeGreaterThan(Date.now() - 60_000);
    kiosk.socket.disconnect();
    agent.socket.disconnect();
  });
});
