import type { Connection } from '../../db/connection.js';
import { dayTicketRange, readDayFacts, type CounterChange, type DayFacts, type DayScope } from './facts.js';
import { addService, addWait, emptyFigures, storeFigures, type Figures, type StoredFigures } from './figures.js';
import type { OffsetSpan } from './zone.js';

// One local day's figures, in every grouping at once, from its facts. Who a figure belongs to:
// - issued: the service it was issued for, the counter and clerk that issued it (none at a kiosk);
// - the first wait: the service it was issued for (and that service's target), the counter and
//   clerk that called it;
// - served, no-show, cancelled, service time, rating: the service, counter and clerk it ended at;
// - a transfer wait: the service, counter and clerk that called it after the transfer;
// - open time: the counter and the clerk who opened it; serving time: the counter and clerk that
//   served (up to Complete, or up to a transfer).
// By hour (and by day), everything goes to the local hour the ticket was issued in.

export const STORED_GROUPINGS = ['service', 'counter', 'clerk', 'hour'] as const;
export type StoredGrouping = (typeof STORED_GROUPINGS)[number];
export type Key = number | null;
export type DayFigures = Record<StoredGrouping, Map<Key, Figures>>;

export interface DayContext {
  hallId: number;
  /** serviceId → target wait in ms. */
  targetsMs: Map<number, number>;
  spans: OffsetSpan[];
}

function offsetAt(spans: OffsetSpan[], at: number): number {
  let offset = spans[0]!.offsetMs;
  for (const s of spans) if (at >= s.from) offset = s.offsetMs;
  return offset;
}

const localHour = (spans: OffsetSpan[], at: number) => Math.floor((at + offsetAt(spans, at)) / 3_600_000) % 24;

class DayBook {
  readonly groups: DayFigures = { service: new Map(), counter: new Map(), clerk: new Map(), hour: new Map() };

  /** The row of `key` in `grouping`, made on first use. */
  row(grouping: StoredGrouping, key: Key | undefined): Figures {
    const rows = this.groups[grouping];
    let f = rows.get(key ?? null);
    if (!f) rows.set(key ?? null, (f = emptyFigures()));
    return f;
  }

  /** The rows of one figure: [service, counter, clerk, hour]. */
  rows(service: Key, counter: Key, clerk: Key, hour: number): Figures[] {
    return [this.row('service', service), this.row('counter', counter), this.row('clerk', clerk), this.row('hour', hour)];
  }
}

export function figuresOfFacts(facts: DayFacts, ctx: DayContext, scope: DayScope & { now?: number }): DayFigures {
  const book = new DayBook();
  const hourOf = new Map<number, number>();
  const endOf = new Map<number, DayFacts['tickets'][number]>();
  for (const t of facts.tickets) {
    const hour = localHour(ctx.spans, t.issueAt);
    hourOf.set(t.id, hour);
    endOf.set(t.id, t);
    for (const f of book.rows(t.issueService, t.issueCounter, t.issueUser, hour)) f.issued++;
    if (t.callAt !== null) {
      const wait = t.callAt - t.issueAt;
      const within = wait <= (ctx.targetsMs.get(t.issueService) ?? Infinity);
      for (const f of book.rows(t.issueService, t.callCounter, t.callUser, hour)) addWait(f, wait, within);
    }
    if (t.endType === null) continue;
    const ended = book.rows(t.endService, t.endCounter, t.endUser, hour);
    if (t.endType === 'complete') {
      const serving = t.endAt! - t.serviceFrom!;
      for (const f of ended) {
        f.served++;
        addService(f, serving);
      }
      book.row('counter', t.endCounter).busyMs += serving;
      book.row('clerk', t.endUser).busyMs += serving;
    } else if (t.endType === 'no_show') for (const f of ended) f.noShow++;
    else for (const f of ended) f.cancelled++;
  }
  for (const leg of facts.transfers) {
    const hour = hourOf.get(leg.ticketId);
    if (hour === undefined) continue; // issued another day
    if (leg.callAt !== null) {
      for (const f of book.rows(leg.callService, leg.callCounter, leg.callUser, hour)) {
        f.transfers++;
        f.transferSumMs += leg.callAt - leg.at;
      }
    }
    if (leg.servedFrom !== null) {
      book.row('counter', leg.counterId).busyMs += leg.at - leg.servedFrom;
      book.row('clerk', leg.userId).busyMs += leg.at - leg.servedFrom;
    }
  }
  for (const r of facts.ratings) {
    const t = endOf.get(r.ticketId);
    if (!t) continue;
    for (const f of book.rows(t.endService, t.endCounter, t.endUser, hourOf.get(t.id)!)) {
      f.ratings++;
      f.ratingSum += r.score;
    }
  }
  addOpenTime(book, facts.counters, scope);
  return book.groups;
}

/** Time each counter was open within the day (a counter still open counts up to the day's end or now). */
function addOpenTime(book: DayBook, changes: CounterChange[], scope: DayScope & { now?: number }): void {
  const byCounter = new Map<number, CounterChange[]>();
  for (const c of changes) byCounter.set(c.counterId, [...(byCounter.get(c.counterId) ?? []), c]);
  const until = Math.min(scope.end, scope.now ?? Infinity);
  for (const [counterId, list] of byCounter) {
    list.sort((a, b) => a.at - b.at);
    list.forEach((c, i) => {
      if (c.state !== 'open') return;
      const from = Math.max(c.at, scope.start);
      const to = Math.min(list[i + 1]?.at ?? until, until);
      if (to <= from) return;
      book.row('counter', counterId).openMs += to - from;
      book.row('clerk', c.userId).openMs += to - from;
    });
  }
}

export function computeDay(conn: Connection, ctx: DayContext, scope: DayScope & { now: number }) {
  const range = dayTicketRange(conn, scope);
  const facts = readDayFacts(conn, scope, range);
  return { range, figures: figuresOfFacts(facts, ctx, scope) };
}

export type StoredRows = [Key, StoredFigures][];

export const storeRows = (rows: Map<Key, Figures>): StoredRows => [...rows].map(([k, f]) => [k, storeFigures(f)]);
export const loadRows = (rows: StoredRows) => new Map<Key, StoredFigures>(rows);
