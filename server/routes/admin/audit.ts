import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Connection } from '../../../db/connection.js';
import { adminEvents, counters, devices, services, ticketEvents, tickets, users } from '../../../db/schema.js';
import { isoInZone, zoneOffsetMinutes } from '../../engine/clock.js';
import { getHall } from '../../hall/state.js';
import { hallIdOf } from '../../plugins/auth.js';
import { AuditPage, AuditQuery, type AuditEntry } from '../../protocol/admin.js';
import { invalidField } from './record.js';

// The audit log: who did what and when, newest first, merged from the ticket events (issued,
// called, served…) and the admin changes. Pages follow a cursor `<at>-<a|t>-<id>`: at the same
// millisecond ticket events come before admin changes, then higher ids first.

type Source = 'a' | 't';
interface Cursor {
  at: number;
  source: Source;
  id: number;
}
type Keyed = AuditEntry & { key: Cursor };

/** Local midnight of `YYYY-MM-DD` in the zone, as epoch ms. */
function startOfDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const guess = utc - zoneOffsetMinutes(utc, timeZone) * 60_000;
  return utc - zoneOffsetMinutes(guess, timeZone) * 60_000;
}

/** `from`/`to` as epoch ms: a day (the whole of it) or an ISO time. */
function bound(field: 'from' | 'to', value: string | undefined, timeZone: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = startOfDay(value, timeZone);
    if (Number.isFinite(start)) return field === 'from' ? start : startOfDay(nextDay(value), timeZone);
  }
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || !Number.isFinite(ms)) {
    throw invalidField(field, 'invalid_format', 'must be a day (YYYY-MM-DD) or an ISO-8601 time');
  }
  return ms;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function parseCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  const [at, source, id] = cursor.split('-');
  return { at: Number(at), source: source as Source, id: Number(id) };
}

/** Rows of `source` that come after the cursor in the log's order. */
function after(cursor: Cursor | undefined, source: Source, at: SQLiteColumn, id: SQLiteColumn): SQL | undefined {
  if (!cursor) return undefined;
  if (source < cursor.source) return lte(at, cursor.at);
  if (source > cursor.source) return lt(at, cursor.at);
  return or(lt(at, cursor.at), and(eq(at, cursor.at), lt(id, cursor.id)));
}

const nameOf = (u: { id: number | null; displayName: string | null; username: string | null }) =>
  u.id == null ? null : { id: u.id, name: u.displayName || u.username || String(u.id) };

interface Window {
  hallId: number;
  from?: number;
  to?: number;
  userId?: number;
  cursor?: Cursor;
  limit: number;
  timeZone: string;
}

/** The rows of either log that fall in the window, after the cursor. */
function inWindow(e: typeof ticketEvents | typeof adminEvents, w: Window, source: Source): SQL | undefined {
  return and(
    eq(e.hallId, w.hallId),
    w.from !== undefined ? gte(e.at, w.from) : undefined,
    w.to !== undefined ? lt(e.at, w.to) : undefined,
    w.userId !== undefined ? eq(e.userId, w.userId) : undefined,
    after(w.cursor, source, e.at, e.id),
  );
}

function ticketEntries({ db }: Connection, w: Window): Keyed[] {
  const e = ticketEvents;
  return db
    .select({
      event: e,
      number: tickets.number,
      counterNumber: counters.number,
      code: services.code,
      user: { id: users.id, displayName: users.displayName, username: users.username },
      device: { id: devices.id, name: devices.name },
    })
    .from(e)
    .innerJoin(tickets, eq(tickets.id, e.ticketId))
    .leftJoin(counters, eq(counters.id, e.counterId))
    .leftJoin(services, eq(services.id, e.serviceId))
    .leftJoin(users, eq(users.id, e.userId))
    .leftJoin(devices, eq(devices.id, e.deviceId))
    .where(inWindow(e, w, 't'))
    .orderBy(desc(e.at), desc(e.id))
    .limit(w.limit)
    .all()
    .map((r) => ({
      key: { at: r.event.at, source: 't', id: r.event.id },
      id: `t-${r.event.id}`,
      source: 'ticket',
      at: isoInZone(r.event.at, w.timeZone),
      user: nameOf(r.user ?? { id: null, displayName: null, username: null }),
      device: r.device?.id != null ? { id: r.device.id, name: r.device.name } : null,
      action: r.event.type,
      entity: 'ticket',
      entityId: String(r.event.ticketId),
      ticket: { id: r.event.ticketId, number: r.number },
      counter: r.event.counterId != null && r.counterNumber != null ? { id: r.event.counterId, number: r.counterNumber } : null,
      service: r.code != null ? { id: r.event.serviceId, code: r.code } : null,
      details: { from: r.event.fromStatus, to: r.event.toStatus, ...r.event.details },
    }));
}

function adminEntries({ db }: Connection, w: Window): Keyed[] {
  const e = adminEvents;
  return db
    .select({ event: e, user: { id: users.id, displayName: users.displayName, username: users.username } })
    .from(e)
    .leftJoin(users, eq(users.id, e.userId))
    .where(inWindow(e, w, 'a'))
    .orderBy(desc(e.at), desc(e.id))
    .limit(w.limit)
    .all()
    .map((r) => ({
      key: { at: r.event.at, source: 'a', id: r.event.id },
      id: `a-${r.event.id}`,
      source: 'admin',
      at: isoInZone(r.event.at, w.timeZone),
      user: nameOf(r.user ?? { id: null, displayName: null, username: null }),
      device: null,
      action: r.event.action,
      entity: r.event.entity,
      entityId: r.event.entityId,
      ticket: null,
      counter: null,
      service: null,
      details: r.event.details ?? null,
    }));
}

const newestFirst = (a: Keyed, b: Keyed) =>
  b.key.at - a.key.at || (a.key.source === b.key.source ? b.key.id - a.key.id : a.key.source === 't' ? -1 : 1);

export default async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/audit', { schema: { querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) => {
    const q = request.query;
    const hallId = hallIdOf(request);
    const { timeZone } = getHall(app.conn, hallId);
    const w: Window = {
      hallId,
      timeZone,
      from: bound('from', q.from, timeZone),
      to: bound('to', q.to, timeZone),
      userId: q.userId,
      cursor: parseCursor(q.cursor),
      // One more than asked, to know whether there is a next page.
      limit: q.limit + 1,
    };
    const merged = [
      ...(q.source !== 'admin' ? ticketEntries(app.conn, w) : []),
      ...(q.source !== 'ticket' ? adminEntries(app.conn, w) : []),
    ].sort(newestFirst);
    const page = merged.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ key: _key, ...entry }) => entry),
      nextCursor: merged.length > q.limit && last ? `${last.key.at}-${last.key.source}-${last.key.id}` : null,
    };
  });
}
