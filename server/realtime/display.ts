import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import { counters, ticketEvents } from '../../db/schema.js';
import { authenticateToken } from '../auth/principal.js';
import { businessDay, isoInZone } from '../engine/clock.js';
import { getHall } from '../hall/state.js';
import { recentCalls, waitingCounts } from '../hall/views.js';
import { VERSION } from '../version.js';
import { Call, DisplayCounter, DisplayHeartbeat, DisplaySnapshot, WaitingCounts } from '../protocol/schemas.js';
import { attempt, authString, emitChecked, guard, rooms, type Ctx } from './common.js';
import { displayCounters, displayServices, hallInfo, listMedia } from './display-info.js';

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
  const token = authString(socket, 'token');
  const p = token ? authenticateToken(ctx.conn, token, ctx.now()) : null;
  if (p?.kind !== 'device' || p.deviceKind !== 'display') return false;
  let counterId: number | null = null;
  const asked: unknown = (socket.handshake.auth as Record<string, unknown>).counterId;
  if (asked !== undefined && asked !== null) {
    const id = Number(asked);
    if (!Number.isSafeInteger(id) || id <= 0) return false;
    const counter = ctx.conn.db
      .select({ id: counters.id })
      .from(counters)
      .where(and(eq(counters.id, id), eq(counters.hallId, p.hallId)))
      .get();
    if (!counter) return false;
    counterId = counter.id;
  }
  const data: DisplayData = { hallId: p.hallId, deviceId: p.deviceId, zone: p.zone, counterId };
  socket.data = data;
  return true;
}

/** The latest calls of the current business day that this display shows, newest first. */
function snapshotCalls(ctx: Ctx, d: DisplayData): Call[] {
  const hall = getHall(ctx.conn, d.hallId);
  const now = ctx.now();
  const today = businessDay(now, hall.timeZone);
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
  const ids = candidates.filter((c) => businessDay(c.at, hall.timeZone) === today).map((c) => c.id);
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
    services: displayServices(ctx.conn, d.hallId),
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
    attempt(ctx, 'display snapshot', () => sendSnapshot(ctx, socket));
    socket.on('resync', () => attempt(ctx, 'display snapshot', () => sendSnapshot(ctx, socket)));
    socket.on('heartbeat', (ack: unknown) => attempt(ctx, 'display heartbeat', () => heartbeat(ctx, socket, ack)));
  });
  return nsp;
}

/** One `call` per call or recall, to the displays that show its counter. */
export function publishDisplayCalls(ctx: Ctx, nsp: Namespace, hallId: number, calls: Call[]): void {
  if (calls.length === 0) return;
  const zones = new Map(
    ctx.conn.db
      .select({ id: counters.id, zone: counters.zone })
      .from(counters)
      .where(inArray(counters.id, [...new Set(calls.map((c) => c.counter.id))]))
      .all()
      .map((c) => [c.id, c.zone]),
  );
  // Oldest first, so that displays announce them in the order they happened.
  for (const call of [...calls].reverse()) {
    const zone = zones.get(call.counter.id) ?? null;
    let target = nsp.to(rooms.allZones(hallId)).to(rooms.counter(hallId, call.counter.id));
    if (zone !== null) target = target.to(rooms.zone(hallId, zone));
    emitChecked(ctx, target, 'call', Call, call);
  }
}

export function publishDisplayWaiting(ctx: Ctx, nsp: Namespace, hallId: number, counts: WaitingCounts): void {
  emitChecked(ctx, nsp.to(rooms.hall(hallId)), 'waiting', WaitingCounts, counts);
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
