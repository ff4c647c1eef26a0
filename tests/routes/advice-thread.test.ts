import { describe, expect, it, vi } from 'vitest';
import { clockedHall } from '../helpers/hall.js';
import { bearer } from '../helpers/hall.js';
import { busyMorning, D, HELPER } from '../helpers/advice-hall.js';

// The advisor runs on a thread of its own (server/plugins/advice.ts), never on the event loop
// that answers the kiosks: advise() as the main thread loads it is watched, and never called.
const onMainThread = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../server/engine/advisor/advise.js', async (original) => {
  const real = await original<typeof import('../../server/engine/advisor/advise.js')>();
  return { ...real, advise: (...args: Parameters<typeof real.advise>) => (onMainThread.calls++, real.advise(...args)) };
});

const h = clockedHall();

describe('the staffing advisor’s thread', () => {
  it('makes the advice off the event loop, and check() resolves once it is written', async () => {
    const staff = { admin: await h.hall.login(), clerk: h.clerk, supervisor: h.supervisor, kiosk: h.hall.tokens.kiosk };
    await busyMorning(h.hall.app, staff, h.tick);
    await h.hall.app.advice.check();
    const shown = (await h.hall.app.inject({ method: 'GET', url: '/api/advice', headers: bearer(h.supervisor) })).json();
    expect(shown).toContainEqual(expect.objectContaining({ kind: 'add-service', counterId: HELPER, serviceIds: [D] }));
    expect(onMainThread.calls).toBe(0);
  });
});
