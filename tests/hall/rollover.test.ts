import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/connection.js';
import { rollOver } from '../../server/hall/rollover.js';
import { getHall } from '../../server/hall/state.js';
import { bearer, startHall, type TestHall } from '../helpers/hall.js';

// The business day moves on at local midnight by itself (the server runs this every 30 s),
// cancelling yesterday's waiting tickets unless the hall carries them over.

let hall: TestHall;
let now = 0;
afterEach(() => hall.close());

async function dayWithTwoTickets(carryOver: boolean) {
  now = Date.parse('2026-11-29T20:30:00Z'); // 23:30 in Damascus
  hall = await startHall({ now: () => now });
  hall.setSettings({ carryOverWaiting: carryOver });
  const clerk = await hall.login('clerk');
  const issue = async () =>
    (await hall.app.inject({ method: 'POST', url: '/api/tickets', headers: bearer(hall.tokens.kiosk), payload: { serviceId: 1 } })).json();
  const called = await issue(); // the first in line is called before midnight
  const waiting = await issue();
  await hall.app.inject({ method: 'POST', url: '/api/counters/1/next', headers: bearer(clerk) });
  return { waiting, called };
}

const runRollover = () =>
  inTransaction(hall.app.conn, () => rollOver(hall.app.conn, getHall(hall.app.conn, hall.app.hallId), now));
const statusOf = (id: number) =>
  (hall.app.conn.sqlite.prepare('SELECT status FROM tickets WHERE id = ?').get(id) as { status: string }).status;

describe('rollover at local midnight', () => {
  it('does nothing before midnight, then cancels the waiting and leaves the called', async () => {
    const { waiting, called } = await dayWithTwoTickets(false);
    now = Date.parse('2026-11-29T20:59:59Z');
    expect(runRollover()).toEqual([]);
    now = Date.parse('2026-11-29T21:00:01Z'); // 00:00:01 local
    const effects = runRollover();
    expect(effects).toContainEqual({ kind: 'ticket', ticketId: waiting.id });
    expect(effects).toContainEqual({ kind: 'waiting' });
    expect(statusOf(waiting.id)).toBe('cancelled');
    expect(statusOf(called.id)).toBe('called');
    expect(getHall(hall.app.conn, hall.app.hallId).currentDay).toBe('2026-11-30');
    const event = hall.app.conn.sqlite
      .prepare("SELECT type, details FROM ticket_events WHERE ticket_id = ? AND type = 'cancel'")
      .get(waiting.id) as { details: string };
    expect(JSON.parse(event.details)).toEqual({ reason: 'day_closed', day: '2026-11-29' });
    // Once per day.
    expect(runRollover()).toEqual([]);
  });

  it('carries waiting tickets over when the hall says so', async () => {
    const { waiting } = await dayWithTwoTickets(true);
    now = Date.parse('2026-11-29T21:05:00Z');
    runRollover();
    expect(statusOf(waiting.id)).toBe('waiting');
    expect(getHall(hall.app.conn, hall.app.hallId).currentDay).toBe('2026-11-30');
  });
});
