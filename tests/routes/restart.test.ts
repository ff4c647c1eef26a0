import { describe, expect, it } from 'vitest';
import { bearer, startHall } from '../helpers/hall.js';

describe('a restart on the same DATA_DIR', () => {
  it('keeps every ticket, its state and the numbering', async () => {
    const first = await startHall();
    const { app, dataDir, tokens } = first;
    const clerk = await first.login('clerk');
    const issue = async (serviceId: number) =>
      (await app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(tokens.kiosk), payload: { serviceId } })).json();
    const a = await issue(1);
    const b = await issue(1);
    await issue(2);
    const called = await app.inject({ method: 'POST', url: '/api/counters/1/next', headers: bearer(clerk) });
    expect(called.json().id).toBe(a.id);
    const pragmas = {
      journal: app.conn.sqlite.pragma('journal_mode', { simple: true }),
      synchronous: app.conn.sqlite.pragma('synchronous', { simple: true }),
      foreignKeys: app.conn.sqlite.pragma('foreign_keys', { simple: true }),
    };
    expect(pragmas).toEqual({ journal: 'wal', synchronous: 2, foreignKeys: 1 });
    await first.close({ keepData: true });

    const second = await startHall({ dataDir });
    try {
      expect(second.app.seedReport).toBeNull();
      const clerk2 = await second.login('clerk');
      const get = async (id: number) =>
        (await second.app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: bearer(clerk2) })).json();
      expect(await get(a.id)).toMatchObject({ status: 'called', counterId: 1, number: 'B001' });
      expect(await get(b.id)).toMatchObject({ status: 'waiting', number: 'B002' });
      // The device token from the first run still works and numbering continues.
      const c = await second.app.inject({
        method: 'POST',
        url: '/api/tickets',
        headers: bearer(tokens.kiosk),
        payload: { serviceId: 1 },
      });
      expect(c.json().number).toBe('B003');
      const services = (await second.app.inject({ method: 'GET', url: '/api/services' })).json();
      expect(services).toHaveLength(6);
    } finally {
      await second.close();
    }
  });
});
