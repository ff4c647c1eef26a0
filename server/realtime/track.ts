import { and, eq, inArray } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import { tickets } from '../../db/schema.js';
import type { TicketRow } from '../hall/state.js';
import { findTracked } from '../hall/tracking.js';
import { trackedView } from '../hall/views.js';
import { TrackedTicket } from '../protocol/schemas.js';
import { attempt, authString, emitChecked, forecaster, guard, rooms, ticketRows, type Ctx, type Emitter, type ForecastFor } from './common.js';

// /track: the citizen's phone, by the ticket's tracking code. It hears `ticket` (the tracked view:
// number, status, place, estimate, counter number; nothing personal) at once and on every change.

interface TrackData {
  hallId: number;
  ticketId: number;
}

/** Wrong codes per address and minute before the handshake refuses every code (as GET /api/track does). */
const WRONG_CODES_PER_MINUTE = 60;

/** The phone's address: the socket's, or behind a trusted proxy the one it forwards. */
export type AddressOf = (socket: Socket) => string;

function admit(ctx: Ctx, socket: Socket, wrong: WrongCodes, addressOf: AddressOf): boolean {
  const address = addressOf(socket);
  if (wrong.exceeded(address)) return false;
  const code = authString(socket, 'trackingCode', 64);
  const row = code ? findTracked(ctx.conn, code, ctx.now()) : null;
  if (!row) {
    wrong.add(address);
    return false;
  }
  const data: TrackData = { hallId: row.hallId, ticketId: row.id };
  socket.data = data;
  return true;
}

/** Wrong tracking codes by address in the current minute. */
class WrongCodes {
  private counts = new Map<string, number>();
  private since = Date.now();
  exceeded(address: string): boolean {
    if (Date.now() - this.since >= 60_000) {
      this.counts.clear();
      this.since = Date.now();
    }
    return (this.counts.get(address) ?? 0) >= WRONG_CODES_PER_MINUTE;
  }
  add(address: string): void {
    this.counts.set(address, (this.counts.get(address) ?? 0) + 1);
  }
}

export function attachTrack(nsp: Namespace, ctx: Ctx, addressOf: AddressOf): Namespace {
  const wrong = new WrongCodes();
  nsp.use(guard(ctx, '/track', (socket) => admit(ctx, socket, wrong, addressOf)));
  nsp.on('connection', (socket) => {
    const d = socket.data as TrackData;
    void socket.join(rooms.track(d.ticketId));
    attempt(ctx, 'track snapshot', () => {
      const [row] = ticketRows(ctx, d.hallId, [d.ticketId]);
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
  if (wanted.length) rows.push(...ticketRows(ctx, hallId, wanted));
  if (waitingChanged) {
    const others = [...listened].filter((id) => !wanted.includes(id));
    if (others.length) {
      const stillWaiting = and(eq(tickets.hallId, hallId), eq(tickets.status, 'waiting'), inArray(tickets.id, others));
      rows.push(...db.select().from(tickets).where(stillWaiting).all());
    }
  }
  for (const t of rows) emitTracked(ctx, nsp.to(rooms.track(t.id)), t, forecastFor);
}
