import type { Call } from '../../../server/protocol/schemas.js';

// The calls a display knows, and which of them it must announce. Pure, so that the rules are
// tested without a browser:
// - every live call newer than the last one taken is announced, once;
// - after a reconnect (or a reload), the snapshot's calls that are newer than the last one
//   announced and younger than a minute by the SERVER's clock are announced, oldest first;
//   older ones are only listed;
// - a device that never announced anything lists the snapshot without announcing it.

export const MISSED_CALL_MAX_AGE_MS = 60_000;
const KEEP = 50;

export interface CallBook {
  /** Newest first, one entry per call or recall. */
  calls: Call[];
  /** The newest call id taken for announcement (or listing); null before the first snapshot. */
  lastId: number | null;
}

export interface Taken {
  book: CallBook;
  /** Oldest first. */
  announce: Call[];
}

export const emptyBook = (lastId: number | null = null): CallBook => ({ calls: [], lastId });

const newestFirst = (a: Call, b: Call) => b.id - a.id;

export function takeSnapshot(book: CallBook, calls: Call[], serverTime: string): Taken {
  const sorted = [...calls].sort(newestFirst);
  const newest = sorted[0]?.id ?? null;
  let last = book.lastId;
  // A newest call older than the one we announced: the server's database is another one.
  if (last !== null && newest !== null && newest < last) last = 0;
  const now = Date.parse(serverTime);
  const announce =
    last === null ? [] : sorted.filter((c) => c.id > last && now - Date.parse(c.at) <= MISSED_CALL_MAX_AGE_MS).reverse();
  return { book: { calls: sorted.slice(0, KEEP), lastId: Math.max(last ?? 0, newest ?? 0) }, announce };
}

export function takeCall(book: CallBook, call: Call): Taken {
  if (book.calls.some((c) => c.id === call.id)) return { book, announce: [] };
  const calls = [call, ...book.calls].sort(newestFirst).slice(0, KEEP);
  const isNew = call.id > (book.lastId ?? 0);
  return { book: { calls, lastId: Math.max(book.lastId ?? 0, call.id) }, announce: isNew ? [call] : [] };
}

/** The calls to list as previous ones: newest first, one per ticket, none of the tickets `shown` (featured, not yet spoken), at most `n`. */
export function recentList(calls: Call[], shown: Call[], n: number): Call[] {
  const seen = new Set<number>(shown.map((c) => c.ticket.id));
  const out: Call[] = [];
  for (const call of calls) {
    if (out.length >= n) break;
    if (seen.has(call.ticket.id)) continue;
    seen.add(call.ticket.id);
    out.push(call);
  }
  return out;
}
