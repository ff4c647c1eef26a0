import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import type { Connection } from '../../db/connection.js';
import { counters, devices, ticketEvents } from '../../db/schema.js';
import { businessDay, isoInZone } from '../engine/clock.js';
import { displayPresence } from '../hall/board.js';
import { statements } from '../hall/prepared.js';
import { getHall } from '../hall/state.js';
import { recentCalls, waitingCounts } from '../hall/views.js';
import { VERSION } from '../version.js';
import { Call, DisplayCounter, DisplayHeartbeat, DisplaySnapshot, WaitingCounts } from '../protocol/schemas.js';
import { attempt, deviceOf, emitChecked, guard, rooms, rowsOf, type Ctx } from './common.js';
import { displayCounters, displayServices, hallInfo, listMedia } from './display-info.js';
import { publishDisplayPresence } from './staff.js';

// /display: hall screens. A display with a zone hears only the calls at counters of its zone, a
// display opened for one counter (`auth: {token, counterId}`) only that counter's; all of them
// hear the waiting counts. Every connect, reconnects included, starts with a snapshot; a display
// may ask for a fresh one (`resync`) and checks the line with `heartbeat` (answered with the
// server's version, so that screens reload themselves after an upgrade). A counter display also
// hears `counter` whenever its counter or the ticket at it changes.

/** Enough for the longest list a hall may set (20) and the call shown large. */
const SNAPSHOT_CALLS = 21;

interface DisplayData {
  hallId: number;
  deviceId: number;
  zone: string | null;
  counterId: number | null;
}

function admit(ctx: Ctx, socket: Socket): boolean {
  const p = deviceOf(ctx, socket, 'display');
  if (!p) return false;
  let counterId: number | null = null;
  // A counter display names its counter by id, or by the number on it (what the admin sees).
  const auth = socket.handshake.auth as Record<string, unknown>;
  const [column, asked] = auth.counterNumber != null ? [counters.number, auth.counterNumber] : [counters.id, auth.counterId];
  if (asked !== undefined && asked !== null) {
    const value = Number(asked);
    if (!Number.isSafeInteger(value) || value <= 0) return false;
    const counter = ctx.conn.db
      .select({ id: counters.id })
      .from(counters)
      .where(and(eq(column, value), eq(counters.hallId, p.hallId)))
      .get();
    if (!counter) return false;
    counterId = counter.id;
  }
  const data: DisplayData = { hallId: p.hallId, deviceId: p.deviceId, zone: p.zone, counterId };
  socket.data = data;
  return true;
}

/**
 * The calls part of snapshots, per connection, hall and what a display shows (its zone or
 * counter): a thousand screens coming back after a restart all ask for the same calls. Calls
 * only happen through a publish, which drops them all (`forgetSnapshotCalls`); a new business day
 * is a new key.
 */
const snapshotCallsCache = new WeakMap<Connection, Map<string, Call[]>>();

export function forgetSnapshotCalls(conn: Connection): void {
  snapshotCallsCache.get(conn)?.clear();
}

/** The latest calls of the current business day that this display shows, newest first. */
function snapshotCalls(ctx: Ctx, d: DisplayData): Call[] {
  const hall = getHall(ctx.conn, d.hallId);
  const today = businessDay(ctx.now(), hall.timeZone);
  let cache = snapshotCallsCache.get(ctx.conn);
  if (!cache) snapshotCallsCache.set(ctx.conn, (cache = new Map()));
  const key = `${d.hallId}|${today}|${d.counterId ?? ''}|${d.counterId === null ? (d.zone ?? '') : ''}`;
  let calls = cache.get(key);
  if (!calls) cache.set(key, (calls = readSnapshotCalls(ctx, d, hall.timeZone, today)));
  return calls;
}

function readSnapshotCalls(ctx: Ctx, d: DisplayData, timeZone: string, today: string): Call[] {
  const candidates = ctx.conn.db
    .select({ id: ticketEvents.id, at: ticketEvents.at })
    .from(ticketEvents)
    .innerJoin(counters, eq(counters.id, ticketEvents.counterId))
    .where(
      and(
        eq(ticketEvents.hallId, d.hallId),
        inArray(ticketEvents.type, ['call', 'recall']),
        d.counterId !== null ? eq(ticketEvents.counterId, d.counterId) : undefined,
        d.counterId === null && d.zone !== null ? eq(counters.zone, d.zone) : undefined,
      ),
    )
    .orderBy(desc(ticketEvents.id))
    .limit(SNAPSHOT_CALLS * 5)
    .all();
  // Numbers restart every business day: yesterday's B012 is not today's.
  const ids = candidates.filter((c) => businessDay(c.at, timeZone) === today).map((c) => c.id);
  return ids.length ? recentCalls(ctx.conn, d.hallId, SNAPSHOT_CALLS, ids.slice(0, SNAPSHOT_CALLS)) : [];
}

function sendSnapshot(ctx: Ctx, socket: Socket): void {
  const d = socket.data as DisplayData;
  const hall = getHall(ctx.conn, d.hallId);
  const shown = displayCounters(ctx.conn, d.hallId, d.counterId !== null ? { ids: [d.counterId] } : { zone: d.zone });
  emitChecked(ctx, socket, 'snapshot', DisplaySnapshot, {
    calls: snapshotCalls(ctx, d),
    waiting: waitingCounts(ctx.conn, d.hallId),
    version: VERSION,
    serverTime: isoInZone(ctx.now(), hall.timeZone),
    hall: hallInfo(hall),
    zone: d.zone,
    services: displayServices(ctx.conn, d.hallId, businessDay(ctx.now(), hall.timeZone)),
    counters: shown,
    counter: d.counterId !== null ? shown[0] : undefined,
    media: listMedia(ctx.conn),
  });
}

function heartbeat(ctx: Ctx, socket: Socket, ack: unknown): void {
  if (typeof ack !== 'function') return;
  const hall = getHall(ctx.conn, (socket.data as DisplayData).hallId);
  ack(DisplayHeartbeat.parse({ version: VERSION, serverTime: isoInZone(ctx.now(), hall.timeZone) }));
}

export function attachDisplay(nsp: Namespace, ctx: Ctx): Namespace {
  nsp.use(guard(ctx, '/display', (socket) => admit(ctx, socket)));
  nsp.on('connection', (socket) => {
    const d = socket.data as DisplayData;
    const joined = [rooms.hall(d.hallId)];
    if (d.counterId !== null) joined.push(rooms.counter(d.hallId, d.counterId));
    else if (d.zone !== null) joined.push(rooms.zone(d.hallId, d.zone));
    else joined.push(rooms.allZones(d.hallId));
    void socket.join(joined);
    attempt(ctx, 'display presence', () => announcePresence(ctx, nsp, d, true));
    socket.on('disconnect', () => attempt(ctx, 'display presence', () => announcePresence(ctx, nsp, d, false)));
    attempt(ctx, 'display snapshot', () => sendSnapshot(ctx, socket));
    socket.on('resync', () => attempt(ctx, 'display snapshot', () => sendSnapshot(ctx, socket)));
    socket.on('heartbeat', (ack: unknown) => attempt(ctx, 'display heartbeat', () => heartbeat(ctx, socket, ack)));
  });
  return nsp;
}

/** The display devices with at least one live socket. */
export function connectedDisplayIds(nsp: Namespace): Set<number> {
  return new Set([...nsp.sockets.values()].map((s) => (s.data as DisplayData).deviceId));
}

/** Tells the staff a display came or went (only when its first socket connects or its last one leaves). */
function announcePresence(ctx: Ctx, nsp: Namespace, d: DisplayData, connected: boolean): void {
  const sockets = [...nsp.sockets.values()].filter((s) => (s.data as DisplayData).deviceId === d.deviceId).length;
  if (connected ? sockets > 1 : sockets > 0) return;
  const hall = getHall(ctx.conn, d.hallId);
  const device = ctx.conn.db.update(devices).set({ lastSeenAt: ctx.now() }).where(eq(devices.id, d.deviceId)).returning().get();
  if (device) publishDisplayPresence(ctx, nsp.server.of('/staff'), d.hallId, displayPresence(device, connected, hall.timeZone));
}

/** One `call` per call or recall, to the displays that show its counter. */
export function publishDisplayCalls(ctx: Ctx, nsp: Namespace, hallId: number, calls: Call[]): void {
  if (calls.length === 0) return;
  const ids = [...new Set(calls.map((c) => c.counter.id))];
  const rows = rowsOf<{ id: number; zone: string | null }>(
    ids,
    (id) => statements(ctx.conn).counter.get({ id, hallId }),
    () => ctx.conn.db.select({ id: counters.id, zone: counters.zone }).from(counters).where(inArray(counters.id, ids)).all(),
  );
  const zones = new Map(rows.map((c) => [c.id, c.zone]));
  // Oldest first, so that displays announce them in the order they happened.
  for (const call of [...calls].reverse()) {
    const zone = zones.get(call.counter.id) ?? null;
    let target = nsp.to(rooms.allZones(hallId)).to(rooms.counter(hallId, call.counter.id));
    if (zone !== null) target = target.to(rooms.zone(hallId, zone));
    emitChecked(ctx, target, 'call', Call, call);
  }
}

/** Displays hear the waiting counts at most this often; a change within it is sent at its end. */
export const WAITING_EVERY_MS = 500;

interface CountsOutbox {
  /** When counts last went out (monotonic ms). */
  sentAt: number;
  pending?: NodeJS.Timeout;
}

const outboxes = new WeakMap<Namespace, Map<number, CountsOutbox>>();

/**
 * Waiting counts to every display of the hall. Each broadcast is one write per display, so a
 * burst of tickets (every kiosk tapping at once) must not be a burst of broadcasts: counts go out
 * at once if none went out in the last WAITING_EVERY_MS, else once at the end of that window,
 * read then, so the screens always end on the counts as they are.
 */
export function publishDisplayWaiting(ctx: Ctx, nsp: Namespace, hallId: number, counts: WaitingCounts): void {
  let byHall = outboxes.get(nsp);
  if (!byHall) outboxes.set(nsp, (byHall = new Map()));
  let outbox = byHall.get(hallId);
  if (!outbox) byHall.set(hallId, (outbox = { sentAt: -Infinity }));
  if (outbox.pending) return;
  const box = outbox;
  const send = (c: WaitingCounts) => {
    box.sentAt = performance.now();
    emitChecked(ctx, nsp.to(rooms.hall(hallId)), 'waiting', WaitingCounts, c);
  };
  const waitMs = box.sentAt + WAITING_EVERY_MS - performance.now();
  if (waitMs <= 0) return send(counts);
  box.pending = setTimeout(() => {
    box.pending = undefined;
    if (ctx.conn.sqlite.open) attempt(ctx, 'publishing counts to displays', () => send(waitingCounts(ctx.conn, hallId)));
  }, waitMs);
  box.pending.unref();
}

/**
 * Tells each connected counter display of the hall its counter as it is now. Called after any
 * ticket or counter change: a transfer or a completion takes a ticket off a counter without
 * naming it, so every followed counter is read again (a hall has few).
 */
export function publishDisplayCounters(ctx: Ctx, nsp: Namespace, hallId: number): void {
  const prefix = rooms.counter(hallId, 0).slice(0, -1);
  const followed = [...nsp.adapter.rooms.keys()].filter((r) => r.startsWith(prefix)).map((r) => Number(r.slice(prefix.length)));
  if (followed.length === 0) return;
  for (const counter of displayCounters(ctx.conn, hallId, { ids: followed })) {
    emitChecked(ctx, nsp.to(rooms.counter(hallId, counter.id)), 'counter', DisplayCounter, counter);
  }
}
