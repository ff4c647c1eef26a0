import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import { counters, tickets } from '../../db/schema.js';
import { authenticateToken, hasRole, type Principal } from '../auth/principal.js';
import { adviceItems } from '../hall/advice.js';
import { AdviceList } from '../protocol/advice.js';
import type { TicketRow } from '../hall/state.js';
import { counterViews, ticketView, waitingCounts } from '../hall/views.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { Call, Counter, DisplayPresence, StaffSnapshot, Ticket, WaitingCounts } from '../protocol/schemas.js';
import { attempt, authString, emitChecked, forecaster, guard, rooms, type Ctx, type ForecastFor } from './common.js';

// /staff: the staff app. A snapshot on connect, then `ticket`, `counter`, `waiting` and `call`;
// also `printer` (server/realtime/printer.ts) and `display` when a display connects or goes away.
// Staff sessions only: a device token is refused here.

export function ticketViews(ctx: Ctx, rows: TicketRow[], forecastFor: ForecastFor): Ticket[] {
  return rows.map((t) => ticketView(ctx.conn, t, ctx.now(), forecastFor(t)));
}

export function cookieToken(socket: Socket): string | null {
  const { cookie, origin, host } = socket.handshake.headers;
  if (!cookie) return null;
  // A cookie rides along cross-site too: only trust it from the server's own pages.
  if (origin) {
    try {
      if (new URL(origin).host !== host) return null;
    } catch {
      return null;
    }
  }
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie);
  return match ? decodeURIComponent(match[1]) : null;
}

function admit(ctx: Ctx, socket: Socket): boolean {
  const token = authString(socket, 'token');
  let p: Principal | null = null;
  if (token) p = authenticateToken(ctx.conn, token, ctx.now());
  else {
    const fromCookie = cookieToken(socket);
    if (fromCookie) p = authenticateToken(ctx.conn, fromCookie, ctx.now(), 'cookie');
  }
  if (p?.kind !== 'user') return false;
  socket.data = p;
  return true;
}

function sendSnapshot(ctx: Ctx, socket: Socket): void {
  const { hallId } = socket.data as Principal;
  const { db } = ctx.conn;
  const active = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.hallId, hallId), inArray(tickets.status, ['waiting', 'called', 'serving'])))
    .orderBy(asc(tickets.issuedAt), asc(tickets.id))
    .all();
  const counterRows = db.select().from(counters).where(eq(counters.hallId, hallId)).orderBy(asc(counters.number)).all();
  emitChecked(ctx, socket, 'snapshot', StaffSnapshot, {
    waiting: waitingCounts(ctx.conn, hallId),
    counters: counterViews(ctx.conn, counterRows),
    tickets: ticketViews(ctx, active, forecaster(ctx, hallId)),
  });
}

export function attachStaff(nsp: Namespace, ctx: Ctx): Namespace {
  nsp.use(guard(ctx, '/staff', (socket) => admit(ctx, socket)));
  nsp.on('connection', (socket) => {
    const p = socket.data as Principal & { kind: 'user' };
    void socket.join(rooms.hall(p.hallId));
    attempt(ctx, 'staff snapshot', () => sendSnapshot(ctx, socket));
    if (hasRole(p.role, 'supervisor')) {
      void socket.join(rooms.supervisors(p.hallId));
      attempt(ctx, 'staff advice', () => emitChecked(ctx, socket, 'advice', AdviceList, adviceItems(ctx.conn, p.hallId)));
    }
  });
  return nsp;
}

export interface StaffNews {
  tickets: Ticket[];
  counters: Counter[];
  calls: Call[];
  waiting: WaitingCounts | null;
}

export function publishStaff(ctx: Ctx, nsp: Namespace, hallId: number, news: StaffNews): void {
  const room = nsp.to(rooms.hall(hallId));
  for (const t of news.tickets) emitChecked(ctx, room, 'ticket', Ticket, t);
  for (const c of news.counters) emitChecked(ctx, room, 'counter', Counter, c);
  for (const call of [...news.calls].reverse()) emitChecked(ctx, room, 'call', Call, call);
  if (news.waiting) emitChecked(ctx, room, 'waiting', WaitingCounts, news.waiting);
}

/** `advice`: the staffing advice shown now, to the hall's supervisors and admins. */
export function publishAdvice(ctx: Ctx, nsp: Namespace, hallId: number): void {
  emitChecked(ctx, nsp.to(rooms.supervisors(hallId)), 'advice', AdviceList, adviceItems(ctx.conn, hallId));
}

/** `display`: a display device came online or its last socket went away. */
export function publishDisplayPresence(ctx: Ctx, nsp: Namespace, hallId: number, presence: DisplayPresence): void {
  emitChecked(ctx, nsp.to(rooms.hall(hallId)), 'display', DisplayPresence, presence);
}
