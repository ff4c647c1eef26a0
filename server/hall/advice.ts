import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../db/connection.js';
import { adviceLog, counters, tickets, users } from '../../db/schema.js';
import { advise } from '../engine/advisor/advise.js';
import { MAX_ADVICE, QUIET_AFTER_DISMISS_MS, type Advice, type AdvisorInput } from '../engine/advisor/types.js';
import { businessDay, isoInZone, localMinuteOfDay, localWeekday } from '../engine/clock.js';
import type { AdviceItem, AdviceLogEntry } from '../protocol/advice.js';
import { arrivalHistory, dayArrivals } from './arrivals.js';
import { setCounterServices } from './counters.js';
import type { Actor, Effect } from './effects.js';
import { HallError, notFound } from './errors.js';
import { counterServiceIds, getHall, inputFrom, readHall, type HallRow } from './state.js';
import { qualifiedOf } from './views.js';

// The staffing advisor in the hall (issue 18): the hall's state as the advisor takes it, the
// advice shown now (the log's `shown` rows: it survives a restart), and what the supervisor did
// with it. The advisor itself is pure (server/engine/advisor/advise.ts).

export type AdviceRow = typeof adviceLog.$inferSelect;
/** advise() itself, or the thread pool that runs it (server/plugins/advice.ts). */
export type Advisor = (input: AdvisorInput) => Advice[] | Promise<Advice[]>;

/** A window over which the effect of an open-counter advice is measured. */
const OPEN_COUNTER_WINDOW_MIN = 60;

/** The hall now, as the advisor takes it: counters with their qualifications, the line, the arrivals. */
export function advisorInput(conn: Connection, hall: HallRow, now: number): AdvisorInput {
  const reading = readHall(conn, hall, now, { bookings: false });
  const freeIn = new Map(inputFrom(reading, false).counters.map((c) => [c.id, c.freeInMs]));
  const today = businessDay(now, hall.timeZone);
  const minuteOfDay = localMinuteOfDay(now, hall.timeZone);
  return {
    now,
    minuteOfDay,
    counters: reading.counters.map((c) => {
      const serviceIds = reading.servicesOf.get(c.id) ?? [];
      const changedToday = c.servicesChangedAt !== null && businessDay(c.servicesChangedAt, hall.timeZone) === today;
      return {
        id: c.id,
        number: c.number,
        serviceIds,
        qualifiedServiceIds: qualifiedOf(c, serviceIds),
        state: c.state,
        servicesChangedAt: changedToday ? c.servicesChangedAt : null,
        freeInMs: c.state === 'closed' ? 0 : (freeIn.get(c.id) ?? 0),
        priorityStreak: c.priorityStreak,
      };
    }),
    waiting: reading.waiting,
    durations: reading.durations,
    rules: reading.rules,
    history: arrivalHistory(conn, hall.id, today, hall.timeZone),
    today: dayArrivals(conn, hall.id, today, hall.timeZone),
    closesAt: closesAt(hall, now, minuteOfDay),
    seed: Math.floor(now / 600_000),
  };
}

/** When the hall stops taking tickets today: the end of its last opening interval (now if past it). */
function closesAt(hall: HallRow, now: number, minuteOfDay: number): number | null {
  if (hall.settings.enforceHours === false) return null;
  const ends = (hall.openingHours[String(localWeekday(now, hall.timeZone))] ?? []).map(([, end]) => end);
  if (ends.length === 0) return now;
  return now + Math.max(0, Math.max(...ends) - minuteOfDay) * 60_000;
}

const keyOf = (a: { kind: string; counterId: number | null; serviceIds: number[] }) => `${a.kind}:${a.counterId}:${a.serviceIds.join(',')}`;
const serviceIdsOf = (a: Advice) => (a.kind === 'open-counter' ? a.serviceIds : [a.serviceId]);

export const shownAdvice = ({ db }: Connection, hallId: number): AdviceRow[] =>
  db.select().from(adviceLog).where(and(eq(adviceLog.hallId, hallId), eq(adviceLog.status, 'shown'))).orderBy(asc(adviceLog.id)).all();

/**
 * Asks the advisor again and writes what changed: advice still given keeps its id (and takes the
 * new figures), advice no longer given expires, new advice is shown. One the supervisor dismissed
 * is not shown again for QUIET_AFTER_DISMISS_MS. Answers whether the advice shown changed. The
 * hall may change while the advisor thinks: applying advice checks it still fits (servicesAfter).
 */
export async function refreshAdvice(conn: Connection, hallId: number, now: number, advisor: Advisor = advise): Promise<boolean> {
  const input = advisorInput(conn, getHall(conn, hallId), now);
  // Never beyond what a clerk is qualified for, whatever the advisor says.
  const qualified = new Map(input.counters.map((c) => [c.id, c.qualifiedServiceIds]));
  const given = (await advisor(input)).filter((a) => a.kind !== 'add-service' || qualified.get(a.counterId)?.includes(a.serviceId));
  return inTransaction(conn, () => {
    const { db } = conn;
    const dismissed = new Set(
      db
        .select()
        .from(adviceLog)
        .where(and(eq(adviceLog.hallId, hallId), eq(adviceLog.status, 'dismissed'), gte(adviceLog.decidedAt, now - QUIET_AFTER_DISMISS_MS)))
        .all()
        .map(keyOf),
    );
    const shown = new Map(shownAdvice(conn, hallId).map((row) => [keyOf(row), row]));
    const rows = given
      .map((advice) => ({
        kind: advice.kind,
        counterId: advice.counterId,
        serviceIds: serviceIdsOf(advice),
        forMinutes: advice.kind === 'open-counter' ? null : advice.forMinutes,
        effect: advice.effect,
      }))
      .filter((row) => !dismissed.has(keyOf(row)))
      .slice(0, MAX_ADVICE);
    let changed = false;
    for (const row of rows) {
      const kept = shown.get(keyOf(row));
      shown.delete(keyOf(row));
      if (!kept) db.insert(adviceLog).values({ ...row, hallId, shownAt: now }).run();
      else if (kept.forMinutes !== row.forMinutes || JSON.stringify(kept.effect) !== JSON.stringify(row.effect)) {
        db.update(adviceLog).set({ forMinutes: row.forMinutes, effect: row.effect }).where(eq(adviceLog.id, kept.id)).run();
      } else continue;
      changed = true;
    }
    for (const stale of shown.values()) {
      db.update(adviceLog).set({ status: 'expired', decidedAt: now }).where(eq(adviceLog.id, stale.id)).run();
      changed = true;
    }
    return changed;
  });
}

function shownRow(conn: Connection, hallId: number, adviceId: number): AdviceRow {
  const row = conn.db
    .select()
    .from(adviceLog)
    .where(and(eq(adviceLog.hallId, hallId), eq(adviceLog.id, adviceId)))
    .get();
  if (!row) throw notFound('advice', adviceId);
  if (row.status === 'expired') throw new HallError('advice_stale', `advice ${adviceId} has expired: newer advice replaced it`);
  if (row.status !== 'shown') throw new HallError('advice_decided', `advice ${adviceId} was ${row.status} already`);
  return row;
}

function decide(conn: Connection, row: AdviceRow, status: 'applied' | 'dismissed', now: number, actor: Actor): AdviceRow {
  return conn.db
    .update(adviceLog)
    .set({ status, decidedAt: now, decidedBy: actor.userId ?? null })
    .where(eq(adviceLog.id, row.id))
    .returning()
    .get()!;
}

/**
 * The supervisor takes the advice: a service added or dropped changes the counter's services as
 * the supervisor's own change does; an open-counter advice is only marked (a person opens it).
 */
export function applyAdvice(conn: Connection, now: number, hallId: number, adviceId: number, actor: Actor): { row: AdviceRow; effects: Effect[] } {
  const outcome = inTransaction(conn, () => {
    const row = shownRow(conn, hallId, adviceId);
    let effects: Effect[] = [];
    if (row.kind !== 'open-counter') {
      const next = servicesAfter(conn, hallId, row);
      // Expired for good (committed), then refused.
      if (!next) {
        conn.db.update(adviceLog).set({ status: 'expired', decidedAt: now }).where(eq(adviceLog.id, row.id)).run();
        return null;
      }
      effects = setCounterServices(conn, now, hallId, row.counterId!, next).effects;
    }
    return { row: decide(conn, row, 'applied', now, actor), effects };
  });
  if (!outcome) throw new HallError('advice_stale', `advice ${adviceId} no longer fits its counter, whose services or state changed`);
  return outcome;
}

/** The counter's services once the advice is applied; null if it no longer fits the counter. */
function servicesAfter(conn: Connection, hallId: number, row: AdviceRow): number[] | null {
  const counter = conn.db
    .select()
    .from(counters)
    .where(and(eq(counters.hallId, hallId), eq(counters.id, row.counterId!)))
    .get();
  if (!counter?.active) return null;
  const current = counterServiceIds(conn, [counter.id]).get(counter.id)!;
  const serviceId = row.serviceIds[0]!;
  if (row.kind === 'add-service') {
    return current.includes(serviceId) || !qualifiedOf(counter, current).includes(serviceId) ? null : [...current, serviceId];
  }
  const rest = current.filter((id) => id !== serviceId);
  return rest.length === current.length || rest.length === 0 ? null : rest;
}

export function dismissAdvice(conn: Connection, now: number, hallId: number, adviceId: number, actor: Actor): AdviceRow {
  return inTransaction(conn, () => decide(conn, shownRow(conn, hallId, adviceId), 'dismissed', now, actor));
}

const windowMs = (row: AdviceRow) => (row.forMinutes ?? OPEN_COUNTER_WINDOW_MIN) * 60_000;

/**
 * What followed each advice applied or dismissed whose window is over: the helped service's mean
 * wait of the tickets called in the window (dismissed advice is measured too, to compare).
 */
export function measureFollowed(conn: Connection, hallId: number, now: number): void {
  const { db } = conn;
  const open = db
    .select()
    .from(adviceLog)
    .where(
      and(
        eq(adviceLog.hallId, hallId),
        inArray(adviceLog.status, ['applied', 'dismissed']),
        isNull(adviceLog.followedCalls),
        isNotNull(adviceLog.decidedAt),
      ),
    )
    .all()
    .filter((row) => row.decidedAt! + windowMs(row) <= now);
  for (const row of open) {
    const from = row.decidedAt!;
    const called = db
      .select({ issuedAt: tickets.issuedAt, slotAt: tickets.slotAt, calledAt: tickets.calledAt })
      .from(tickets)
      .where(
        and(
          eq(tickets.hallId, hallId),
          eq(tickets.serviceId, row.effect.serviceId),
          gte(tickets.calledAt, from),
          lt(tickets.calledAt, from + windowMs(row)),
        ),
      )
      .all();
    const waits = called.map((t) => Math.max(0, t.calledAt! - (t.slotAt ?? t.issuedAt)));
    const waitS = waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length / 1000) : 0;
    db.update(adviceLog).set({ followedWaitS: waitS, followedCalls: waits.length }).where(eq(adviceLog.id, row.id)).run();
  }
}

// ---- views ----

function counterNumbers(conn: Connection, rows: AdviceRow[]): Map<number, number> {
  const ids = [...new Set(rows.flatMap((r) => (r.counterId === null ? [] : [r.counterId])))];
  if (ids.length === 0) return new Map();
  return new Map(conn.db.select({ id: counters.id, number: counters.number }).from(counters).where(inArray(counters.id, ids)).all().map((c) => [c.id, c.number]));
}

function itemOf(row: AdviceRow, numbers: Map<number, number>, timeZone: string): AdviceItem {
  return {
    id: row.id,
    kind: row.kind,
    counterId: row.counterId,
    counterNumber: row.counterId === null ? null : (numbers.get(row.counterId) ?? null),
    serviceIds: row.serviceIds,
    forMinutes: row.forMinutes,
    effect: row.effect,
    shownAt: isoInZone(row.shownAt, timeZone),
  };
}

export function adviceItems(conn: Connection, hallId: number): AdviceItem[] {
  const rows = shownAdvice(conn, hallId);
  const { timeZone } = getHall(conn, hallId);
  const numbers = counterNumbers(conn, rows);
  return rows.map((row) => itemOf(row, numbers, timeZone));
}

/** The log, newest first. */
export function adviceLogEntries(conn: Connection, hallId: number, limit: number): AdviceLogEntry[] {
  return entriesOf(conn, hallId, conn.db.select().from(adviceLog).where(eq(adviceLog.hallId, hallId)).orderBy(desc(adviceLog.id)).limit(limit).all());
}

export const adviceLogEntry = (conn: Connection, hallId: number, row: AdviceRow): AdviceLogEntry => entriesOf(conn, hallId, [row])[0]!;

function entriesOf(conn: Connection, hallId: number, list: AdviceRow[]): AdviceLogEntry[] {
  const { db } = conn;
  const { timeZone } = getHall(conn, hallId);
  const numbers = counterNumbers(conn, list);
  const deciders = new Map(
    db
      .select({ id: users.id, name: users.displayName, username: users.username })
      .from(users)
      .where(inArray(users.id, [...new Set(list.flatMap((r) => (r.decidedBy === null ? [] : [r.decidedBy])))]))
      .all()
      .map((u) => [u.id, { id: u.id, name: u.name ?? u.username }]),
  );
  return list.map((row) => ({
    ...itemOf(row, numbers, timeZone),
    status: row.status,
    decidedAt: row.decidedAt === null ? null : isoInZone(row.decidedAt, timeZone),
    decidedBy: row.decidedBy === null ? null : (deciders.get(row.decidedBy) ?? null),
    followed: row.followedCalls === null ? null : { waitS: row.followedWaitS!, calls: row.followedCalls },
  }));
}
