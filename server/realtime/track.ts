import { and, eq, inArray } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import { tickets } from '../../db/schema.js';
import type { TicketRow } from '../hall/state.js';
import { trackedView } from '../hall/views.js';
import { TrackedTicket } from '../protocol/schemas.js';
import { attempt, authString, emitChecked, forecaster, guard, rooms, type Ctx, type Emitter, type ForecastFor } from './common.js';

// /track: the citizen's phone, by the ticket's tracking code. It hears `ticket` (the tracked view:
// number, status, place, estimate, counter number; nothing personal) at once and on every change.

interface TrackData {
  hallId: number;
  ticketId: number;
}

function admit(ctx: Ctx, socket: Socket): boolean {
  const code = authString(socket, 'trackingCode', 64);
  if (!code) return false;
  const row = ctx.conn.db
    .select({ id: tickets.id, hallId: tickets.hallId })
    .from(tickets)
    .where(eq(tickets.trackingCode, code))
    .get();
  if (!row) return false;
  const data: TrackData = { hallId: row.hallId, ticketId: row.id };
  socket.data = data;
  return true;
}

export function attachTrack(nsp: Namespace, ctx: Ctx): Namespace {
  nsp.use(guard(ctx, '/track', (socket) => admit(ctx, socket)));
  nsp.on('connection', (socket) => {
    const d = socket.data as TrackData;
    void socket.join(rooms.track(d.ticketId));
    attempt(ctx, 'track snapshot', () => {
      const row = ctx.conn.db.select().from(tickets).where(eq(tickets.id, d.ticketId)).get();
      if (row) emitTracked(ctx, socket, row, forecaster(ctx, d.hallId));
    });
  });
  return nsp;
}

function emitTracked(ctx: Ctx, target: Emitter, t: TicketRow, forecastFor: ForecastFor): void {
  emitChecked(ctx, target, 'ticket', TrackedTicket, trackedView(ctx.conn, t, ctx.now(), forecastFor(t)));
}

/** Tickets of the hall that somebody tracks right now. */
function trackedTicketIds(nsp: Namespace, hallId: number): Set<number> {
  const out = new Set<number>();
  for (const socket of nsp.sockets.values()) {
    const d = socket.data as TrackData;
    if (d.hallId === hallId) out.add(d.ticketId);
  }
  return out;
}

/**
 * Sends the tracked view of `changed` tickets that have listeners; with `waitingChanged` also of
 * every tracked ticket still waiting, since its place and estimate moved.
 */
export function publishTracked(
  ctx: Ctx,
  nsp: Namespace,
  hallId: number,
  changed: Iterable<number>,
  waitingChanged: boolean,
  forecastFor: ForecastFor,
): void {
  const listened = trackedTicketIds(nsp, hallId);
  if (listened.size === 0) return;
  const wanted = [...new Set(changed)].filter((id) => listened.has(id));
  const rows: TicketRow[] = [];
  const { db } = ctx.conn;
  if (wanted.length) {
    rows.push(...db.select().from(tickets).where(and(eq(tickets.hallId, hallId), inArray(tickets.id, wanted))).all());
  }
  if (waitingChanged) {
    const others = [...listened].filter((id) => !wanted.includes(id));
    if (others.length) {
      const stillWaiting = and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting'), inArray(tickets.id, others));
      rows.push(...db.select().from(tickets).where(stillWaiting).all());
    }
  }
  for (const t of rows) emitTracked(ctx, nsp.to(rooms.track(t.id)), t, forecastFor);
}
