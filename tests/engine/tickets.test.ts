import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  applyAction,
  isFinal,
  mayReturnNoShow,
  NO_SHOW_RETURN_MS,
  noShowNeedsConfirmation,
  recallAction,
  TRANSITIONS,
  type TicketAction,
  type TicketActionType,
} from '../../server/engine/tickets.js';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../../server/engine/types.js';

const T0 = Date.UTC(2026, 10, 27, 6, 0, 0);

function ticket(status: TicketStatus, over: Partial<Ticket> = {}): Ticket {
  const called = status !== 'waiting' && status !== 'cancelled';
  return {
    id: 1,
    serviceId: 1,
    status,
    priority: false,
    issuedAt: T0,
    calledAt: called ? T0 + 60_000 : null,
    counterId: called ? 3 : null,
    targetCounterId: null,
    recalls: 0,
    slotAt: null,
    ...over,
  };
}

const ACTIONS: Record<TicketActionType, TicketAction> = {
  call: { type: 'call', counterId: 7 },
  recall: { type: 'recall' },
  start: { type: 'start' },
  complete: { type: 'complete' },
  no_show: { type: 'no_show' },
  transfer: { type: 'transfer', serviceId: 2, counterId: null },
  requeue: { type: 'requeue' },
  move: { type: 'move', serviceId: 2 },
  cancel: { type: 'cancel' },
};

// The documented machine, written out by hand: status → action → new status.
const DOCUMENTED: Record<TicketStatus, Partial<Record<TicketActionType, TicketStatus>>> = {
  waiting: { call: 'called', move: 'waiting', cancel: 'cancelled' },
  called: { recall: 'called', start: 'serving', complete: 'done', no_show: 'no_show', transfer: 'waiting', requeue: 'waiting' },
  serving: { complete: 'done', transfer: 'waiting', requeue: 'waiting' },
  done: {},
  no_show: { requeue: 'waiting' },
  cancelled: {},
};

describe('ticket state machine: every status × every action', () => {
  for (const status of TICKET_STATUSES) {
    for (const type of Object.keys(ACTIONS) as TicketActionType[]) {
      const expected = DOCUMENTED[status][type];
      it(`${status} + ${type} → ${expected ?? 'invalid_transition'}`, () => {
        const before = ticket(status);
        const result = applyAction(before, ACTIONS[type], T0 + 120_000);
        if (expected) {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.status).toBe(expected);
        } else {
          expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
        }
        expect(before.status).toBe(status); // never mutated
      });
    }
  }

  it('TRANSITIONS says the same as the documented table', () => {
    for (const type of Object.keys(ACTIONS) as TicketActionType[]) {
      const from = TICKET_STATUSES.filter((s) => DOCUMENTED[s][type] !== undefined);
      expect([...TRANSITIONS[type].from].sort()).toEqual([...from].sort());
      for (const s of from) expect(DOCUMENTED[s][type]).toBe(TRANSITIONS[type].to);
    }
  });

  it('final statuses are exactly done, no_show and cancelled', () => {
    expect(TICKET_STATUSES.filter(isFinal)).toEqual(['done', 'no_show', 'cancelled']);
  });
});

describe('what each action changes', () => {
  it('call sets the counter and the time, and clears a transfer target', () => {
    const r = applyAction(ticket('waiting', { targetCounterId: 7 }), { type: 'call', counterId: 7 }, T0 + 5_000);
    expect(r).toMatchObject({ ok: true, value: { status: 'called', counterId: 7, calledAt: T0 + 5_000, targetCounterId: null } });
  });

  it('recall keeps the ticket called, counts the recall and keeps the first call time', () => {
    let t = ticket('called');
    for (let i = 1; i <= 3; i++) {
      const r = applyAction(t, { type: 'recall' }, T0 + i * 10_000);
      if (!r.ok) throw new Error(r.message);
      t = r.value;
      expect(t).toMatchObject({ status: 'called', recalls: i, calledAt: T0 + 60_000, counterId: 3 });
    }
  });

  it('transfer to a service keeps issuedAt and clears the counter', () => {
    const r = applyAction(ticket('serving', { recalls: 2 }), { type: 'transfer', serviceId: 4, counterId: null }, T0 + 600_000);
    expect(r).toMatchObject({
      ok: true,
      value: { status: 'waiting', serviceId: 4, issuedAt: T0, counterId: null, calledAt: null, targetCounterId: null, recalls: 0 },
    });
  });

  it('transfer to a counter sets targetCounterId', () => {
    const r = applyAction(ticket('called'), { type: 'transfer', serviceId: 1, counterId: 9 }, T0 + 600_000);
    expect(r).toMatchObject({ ok: true, value: { status: 'waiting', issuedAt: T0, counterId: null, targetCounterId: 9 } });
  });

  it('requeue puts a called, served or no-show ticket back in its line: same service, same place, no counter', () => {
    for (const status of ['called', 'serving', 'no_show'] as const) {
      const r = applyAction(ticket(status, { recalls: 1, serviceId: 5 }), { type: 'requeue' }, T0 + 600_000);
      expect(r).toMatchObject({
        ok: true,
        value: { status: 'waiting', serviceId: 5, issuedAt: T0, counterId: null, calledAt: null, targetCounterId: null, recalls: 0 },
      });
    }
  });

  it('move changes a waiting ticket\'s service, keeps issuedAt and drops a counter target', () => {
    const r = applyAction(ticket('waiting', { targetCounterId: 4 }), { type: 'move', serviceId: 6 }, T0 + 600_000);
    expect(r).toMatchObject({ ok: true, value: { status: 'waiting', serviceId: 6, issuedAt: T0, targetCounterId: null } });
  });
});

describe('automatic no-show after N recalls', () => {
  it('is off when the hall sets no limit', () => {
    expect(recallAction({ recalls: 50 }, null)).toEqual({ type: 'recall' });
    expect(recallAction({ recalls: 50 }, undefined)).toEqual({ type: 'recall' });
  });

  it('the recall that would exceed N marks the ticket no-show instead', () => {
    expect(recallAction({ recalls: 0 }, 2)).toEqual({ type: 'recall' });
    expect(recallAction({ recalls: 1 }, 2)).toEqual({ type: 'recall' });
    expect(recallAction({ recalls: 2 }, 2)).toEqual({ type: 'no_show' });
    expect(recallAction({ recalls: 0 }, 0)).toEqual({ type: 'no_show' });
  });
});

describe('random walks through the machine', () => {
  const action: fc.Arbitrary<TicketAction> = fc.oneof(
    fc.record({ type: fc.constant('call' as const), counterId: fc.integer({ min: 1, max: 5 }) }),
    fc.constant({ type: 'recall' as const }),
    fc.constant({ type: 'start' as const }),
    fc.constant({ type: 'complete' as const }),
    fc.constant({ type: 'no_show' as const }),
    fc.record({
      type: fc.constant('transfer' as const),
      serviceId: fc.integer({ min: 1, max: 4 }),
      counterId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    }),
    fc.constant({ type: 'requeue' as const }),
    fc.record({ type: fc.constant('move' as const), serviceId: fc.integer({ min: 1, max: 4 }) }),
    fc.constant({ type: 'cancel' as const }),
  );

  it('every applied action follows TRANSITIONS; everything else is rejected; final means final', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let t = ticket('waiting');
        let now = T0;
        for (const a of actions) {
          now += 1_000;
          const rule = TRANSITIONS[a.type];
          const r = applyAction(t, a, now);
          if (rule.from.includes(t.status)) {
            expect(r.ok).toBe(true);
            if (!r.ok) return;
            expect(r.value.status).toBe(rule.to);
            expect(r.value.issuedAt).toBe(T0);
            if (r.value.status === 'called') expect(r.value.counterId).not.toBeNull();
            if (r.value.status === 'waiting') expect(r.value.counterId).toBeNull();
            t = r.value;
          } else {
            expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
          }
        }
        if (isFinal(t.status)) {
          for (const a of Object.values(ACTIONS)) {
            if (t.status === 'no_show' && a.type === 'requeue') continue; // the one way back
            expect(applyAction(t, a, now + 1)).toMatchObject({ ok: false, code: 'invalid_transition' });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a no-show needs confirming while the citizen may still be on the way', () => {
  const called = { calledAt: T0, recalls: 0 };
  it('before the hall\'s minimum time since the call, unless recalled', () => {
    expect(noShowNeedsConfirmation(called, T0 + 59_999, 60)).toBe(true);
    expect(noShowNeedsConfirmation(called, T0 + 60_000, 60)).toBe(false);
    expect(noShowNeedsConfirmation({ ...called, recalls: 1 }, T0 + 1_000, 60)).toBe(false);
  });

  it('never when the hall sets no minimum time', () => {
    expect(noShowNeedsConfirmation(called, T0, 0)).toBe(false);
    expect(noShowNeedsConfirmation(called, T0 - 500, 0)).toBe(false); // a screen's clock a little behind
  });
});

describe('who may return a no-show to the line', () => {
  const mark = { userId: 7, at: T0, day: '2026-11-27' };
  const clerk = (userId: number) => ({ userId, supervisor: false, today: '2026-11-27' });

  it('the clerk who marked it, within 10 minutes', () => {
    expect(mayReturnNoShow(mark, clerk(7), T0 + NO_SHOW_RETURN_MS)).toEqual({ ok: true, value: true });
    expect(mayReturnNoShow(mark, clerk(7), T0 + NO_SHOW_RETURN_MS + 1)).toMatchObject({ ok: false, code: 'too_late' });
  });

  it('not another clerk', () => {
    expect(mayReturnNoShow(mark, clerk(8), T0 + 1_000)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(mayReturnNoShow({ ...mark, userId: null }, clerk(8), T0 + 1_000)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('a supervisor, the same business day only', () => {
    const supervisor = { userId: 9, supervisor: true, today: '2026-11-27' };
    expect(mayReturnNoShow(mark, supervisor, T0 + 8 * 3600_000)).toEqual({ ok: true, value: true });
    expect(mayReturnNoShow(mark, { ...supervisor, today: '2026-11-28' }, T0 + 20 * 3600_000)).toMatchObject({ ok: false, code: 'too_late' });
  });
});
