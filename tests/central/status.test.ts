import { describe, expect, it } from 'vitest';
import { hallStatus } from '../../server/central/status.js';
import { HallStatus } from '../../server/protocol/city.js';
import { clockedHall } from '../helpers/hall.js';
import { act, issue } from './acts.js';

// The hall's figures for the city's board, from its current state.

const c = clockedHall();
const status = () => HallStatus.parse(hallStatus(c.hall.app.conn, c.hall.app.hallId, c.now));

describe("the hall's status", () => {
  it('counts who waits, the longest wait against its target, the counters open and the day so far', async () => {
    const { hall, clerk } = c;
    expect(status()).toMatchObject({ waiting: 0, longestWaitS: null, longestWaitTargetS: null, countersOpen: 0, issuedToday: 0, servedToday: 0 });

    const first = await issue(hall, 'F');
    await issue(hall, 'F');
    await issue(hall, 'F');
    c.tick(5 * 60_000);
    await issue(hall, 'B');
    await act(hall, '/api/counters/4/next', clerk);
    await act(hall, `/api/tickets/${first.id}/complete`, clerk);
    c.tick(60_000);

    expect(status()).toMatchObject({
      at: c.now,
      timeZone: 'Asia/Damascus',
      day: '2026-11-29',
      openNow: true,
      waiting: 3,
      longestWaitS: 6 * 60,
      longestWaitTargetS: 600, // F's target: 10 minutes
      countersOpen: 1,
      issuedToday: 4,
      servedToday: 1,
    });
    // The services as GET /api/services shows them.
    const shown = (await hall.app.inject({ method: 'GET', url: '/api/services' })).json() as any[];
    expect(status().services).toEqual(
      shown.map((s) => ({ id: s.id, code: s.code, name: s.name, targetWaitS: s.targetWaitMinutes * 60, active: true, waiting: s.waiting, estimatedWaitMinutes: s.estimatedWaitMinutes })),
    );
    expect(status().services.find((s) => s.code === 'F')).toMatchObject({ waiting: 2, estimatedWaitMinutes: expect.any(Number) });

    c.tick(24 * 3600_000);
    expect(status()).toMatchObject({ day: '2026-11-30', issuedToday: 0, servedToday: 0 });
  });

  it("gives the page where citizens take a ticket on their phone, when the hall offers it", async () => {
    c.hall.setSettings({ publicUrl: 'https://queue.example.org' });
    expect(status().joinUrl).toBeUndefined();
    c.hall.setSettings({ remoteJoin: { enabled: true, dailyCapPerService: 50 } });
    expect(status().joinUrl).toBe('https://queue.example.org/join');
  });
});
