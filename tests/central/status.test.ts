import { describe, expect, it } from 'vitest';
import { hallStatus } from '../../server/central/status.js';
import { HallStatus } from '../../server/protocol/city.js';
import { halls } from '../../db/schema.js';
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
      shown.map((s) => ({ id: s.id, code: s.code, name: s.name, targetWaitS: s.targetWaitMinutes * 60, active: true, waiting: s.waiting, estimatedWaitMinutes: s.estimatedWaitMinutes, estimatedWaitRange: s.estimatedWaitRange })),
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

  it('says when a closed hall next opens, in its own time, and nothing while it is open', () => {
    // Sunday 2026-11-29, 10:00 in Damascus; hours Sunday–Thursday 08:00–14:00, enforced.
    const weekdays = Object.fromEntries(['0', '1', '2', '3', '4'].map((d) => [d, [[480, 840]] as [number, number][]]));
    c.hall.app.conn.db.update(halls).set({ openingHours: weekdays }).run();
    c.hall.setSettings({ enforceHours: true });
    expect(status()).toMatchObject({ openNow: true });
    expect(status().nextOpening).toBeUndefined();
    c.tick(5 * 3600_000); // 15:00
    expect(status()).toMatchObject({ openNow: false, nextOpening: '2026-11-30T08:00:00.000+03:00' });
    c.tick(4 * 24 * 3600_000); // Thursday 15:00: the weekend comes first
    expect(status().nextOpening).toBe('2026-12-06T08:00:00.000+03:00');
  });
});
