import { afterEach, describe, expect, it } from 'vitest';
import { LiveHall } from '../realtime/client.js';
import { storageProblem } from '../../server/ops/storage.js';

// The disk fills up, or the database turns read-only: a ticket is refused with 503
// storage_unavailable naming the cause (the kiosk says so), the staff are alerted on /staff,
// nothing already stored is harmed, and once the space is back the hall goes on where it was.
// A real SQLITE_FULL: the test connection's max_page_count is lowered to the pages in use.

let live: LiveHall | undefined;
afterEach(async () => {
  await live?.close();
  live = undefined;
});

describe('disk full or database read-only', () => {
  it('answers 503 storage_unavailable, alerts the staff, and keeps everything already stored', async () => {
    live = await LiveHall.start();
    const { app, tokens } = live.hall;
    const sqlite = app.conn.sqlite;
    const admin = await live.hall.login();
    const staff = await live.connect('/staff', { token: admin });

    const tap = (serviceId: number, key: string) =>
      live!.post('/api/tickets', tokens.kiosk, { serviceId }, { 'idempotency-key': key });
    const stored: { id: number; number: string }[] = [];
    for (let i = 0; i < 5; i++) stored.push((await tap(1, `before-${i}`)).json());

    // The disk is full: not one more page.
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    let refused;
    for (let i = 0; i < 500 && !refused; i++) {
      const res = await tap(1, `full-${i}`);
      if (res.statusCode === 201) stored.push(res.json());
      else refused = { res, key: `full-${i}` };
    }
    expect(refused, 'the disk never filled up').toBeDefined();
    expect(refused!.res.statusCode).toBe(503);
    expect(refused!.res.json()).toEqual({ error: { code: 'storage_unavailable', message: 'cannot store the ticket: the disk is full' } });
    const alert = await staff.inbox.next('alert');
    expect(alert).toMatchObject({ kind: 'storage', cause: 'full' });
    expect(alert.message).toContain('the disk is full');
    // Other writes say so too; reads go on.
    const clerk = await live.hall.login('clerk');
    const next = await live.post('/api/counters/1/next', clerk);
    expect(next.statusCode).toBe(503);
    expect(next.json().error).toEqual({ code: 'storage_unavailable', message: 'cannot store the change: the disk is full' });
    expect((await app.inject({ method: 'GET', url: '/api/services' })).statusCode).toBe(200);

    // Nothing stored before is harmed; nothing half-written was kept.
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = sqlite.prepare('SELECT id, number FROM tickets ORDER BY id').all();
    expect(rows).toEqual(stored.map((t) => ({ id: t.id, number: t.number })));

    // Space again: the refused tap, retried, is the next number (the refusal used none).
    sqlite.pragma('max_page_count = 1073741823');
    const retried = await tap(1, refused!.key);
    expect(retried.statusCode).toBe(201);
    expect(retried.json().number).toBe(`B${String(stored.length + 1).padStart(3, '0')}`);

    // Read-only: the same, with its own cause.
    sqlite.pragma('query_only = ON');
    const readonly = await tap(2, 'readonly-1');
    expect(readonly.statusCode).toBe(503);
    expect(readonly.json().error).toEqual({ code: 'storage_unavailable', message: 'cannot store the ticket: the database is read-only' });
    expect(await staff.inbox.next('alert', (a) => a.cause === 'readonly')).toMatchObject({ kind: 'storage' });
    sqlite.pragma('query_only = OFF');
    expect((await tap(2, 'readonly-1')).statusCode).toBe(201);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('knows the SQLite codes of a storage failure, and nothing else', () => {
    expect(storageProblem({ code: 'SQLITE_FULL' })?.cause).toBe('full');
    expect(storageProblem({ code: 'SQLITE_IOERR_WRITE' })?.cause).toBe('io');
    expect(storageProblem({ code: 'SQLITE_READONLY_DBMOVED' })?.cause).toBe('readonly');
    expect(storageProblem({ code: 'SQLITE_CANTOPEN' })?.cause).toBe('cantopen');
    expect(storageProblem({ code: 'SQLITE_CORRUPT' })?.cause).toBe('corrupt');
    expect(storageProblem({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeNull();
    expect(storageProblem(new Error('boom'))).toBeNull();
    expect(storageProblem(null)).toBeNull();
  });
});
