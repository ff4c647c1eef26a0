import { describe, expect, it } from 'vitest';
import type { Call } from '../../server/protocol/schemas.js';
import { emptyBook, recentList, takeCall, takeSnapshot } from '../../display-ui/src/shared/calls.js';

// Which calls a display announces: live ones once, missed ones (under a minute old by the
// server's clock) after a reconnect, older ones only listed.

const T0 = Date.parse('2026-11-29T07:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const call = (id: number, ageS: number, ticketId = id, counter = 1): Call => ({
  id,
  ticket: { id: ticketId, number: `B${String(ticketId).padStart(3, '0')}`, serviceId: 1 },
  counter: { id: counter, number: counter },
  recall: false,
  at: iso(T0 - ageS * 1000),
});
const ids = (calls: Call[]) => calls.map((c) => c.id);

describe('a display taking calls', () => {
  it('lists a first snapshot without announcing it', () => {
    const { book, announce } = takeSnapshot(emptyBook(), [call(3, 5), call(2, 10)], iso(T0));
    expect(announce).toEqual([]);
    expect(ids(book.calls)).toEqual([3, 2]);
    expect(book.lastId).toBe(3);
  });

  it('announces each live call once, in order', () => {
    let { book } = takeSnapshot(emptyBook(), [call(3, 5)], iso(T0));
    const first = takeCall(book, call(4, 0));
    expect(ids(first.announce)).toEqual([4]);
    book = first.book;
    expect(takeCall(book, call(4, 0)).announce).toEqual([]); // the same call twice
    const second = takeCall(book, call(5, 0));
    expect(ids(second.announce)).toEqual([5]);
    expect(ids(second.book.calls)).toEqual([5, 4, 3]);
  });

  it('announces after a reconnect the calls it missed that are under a minute old, oldest first', () => {
    const book = { calls: [call(3, 90)], lastId: 3 };
    const snapshot = [call(7, 5), call(6, 30), call(5, 59), call(4, 61), call(3, 90)];
    const { book: next, announce } = takeSnapshot(book, snapshot, iso(T0));
    expect(ids(announce)).toEqual([5, 6, 7]);
    expect(ids(next.calls)).toEqual([7, 6, 5, 4, 3]);
    expect(next.lastId).toBe(7);
  });

  it("judges a call's age by the server's clock, not the TV's", () => {
    const book = { calls: [], lastId: 1 };
    // The same calls, the server's time an hour later: all are old.
    expect(takeSnapshot(book, [call(2, 5)], iso(T0 + 3600_000)).announce).toEqual([]);
    expect(ids(takeSnapshot(book, [call(2, 5)], iso(T0)).announce)).toEqual([2]);
  });

  it('starts over when the server has another database (its newest call is older than ours)', () => {
    const { book, announce } = takeSnapshot({ calls: [], lastId: 900 }, [call(2, 5), call(1, 120)], iso(T0));
    expect(ids(announce)).toEqual([2]);
    expect(book.lastId).toBe(2);
  });

  it('lists one line per ticket, newest first, without the ones shown above it', () => {
    const calls = [call(6, 0, 2), call(5, 5, 4), call(4, 10, 3), call(3, 15, 2), call(2, 20, 1)];
    expect(ids(recentList(calls, [], 6))).toEqual([6, 5, 4, 2]);
    expect(ids(recentList(calls, [calls[1]!], 6))).toEqual([6, 4, 2]);
    expect(ids(recentList(calls, [], 2))).toEqual([6, 5]);
    // Nor the calls still to be spoken, shown above it.
    expect(ids(recentList(calls, [calls[0]!, calls[2]!], 6))).toEqual([5, 2]);
  });
});
