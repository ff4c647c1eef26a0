import type { FastifyBaseLogger } from 'fastify';
import type { ExtendedError, Socket } from 'socket.io';
import type { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import { tickets } from '../../db/schema.js';
import { authenticateToken, type DeviceKind, type Principal } from '../auth/principal.js';
import { statements } from '../hall/prepared.js';
import { getHall, type TicketRow } from '../hall/state.js';
import { forecastHall, knownWait, readServing, type Forecast } from '../hall/views.js';
import type { ServingNow } from '../engine/estimate.js';

// What every namespace shares: the hall's database and clock, room names, the one way to emit
// (checked against the contract's schema first) and the handshake guard.

export interface Ctx {
  conn: Connection;
  now: () => number;
  log: FastifyBaseLogger;
}

export const rooms = {
  /** Every socket of a hall in a namespace (waiting counts, staff events). */
  hall: (hallId: number) => `hall:${hallId}`,
  /** Displays without a zone: they show the calls of every counter. */
  allZones: (hallId: number) => `hall:${hallId}:all-zones`,
  zone: (hallId: number, zone: string) => `hall:${hallId}:zone:${zone}`,
  /** A counter's own display (`auth: {token, counterId}`). */
  counter: (hallId: number, counterId: number) => `hall:${hallId}:counter:${counterId}`,
  track: (ticketId: number) => `track:${ticketId}`,
  /** The hall's supervisors and admins on /staff: they hear the staffing advice. */
  supervisors: (hallId: number) => `hall:${hallId}:supervisors`,
  printer: (deviceId: number) => `printer-device:${deviceId}`,
};

/** Anything that emits: a socket, a namespace, `nsp.to(room)`. */
export interface Emitter {
  emit(event: string, ...args: unknown[]): unknown;
}

const STRICT = process.env.NODE_ENV !== 'production';

/**
 * Parses `payload` with the contract's schema and emits what the schema lets through (unknown
 * fields are stripped, so nothing leaks by accident). A payload that fails is a bug: it is logged,
 * not sent, and outside production it also throws so that it cannot pass unnoticed.
 */
export function emitChecked<S extends z.ZodType>(
  ctx: Ctx,
  target: Emitter,
  event: string,
  schema: S,
  payload: z.input<S>,
): void {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    ctx.log.error({ event, issues: parsed.error.issues }, 'realtime payload does not match its schema');
    if (STRICT) throw new Error(`realtime: invalid "${event}" payload: ${parsed.error.message}`);
    return;
  }
  target.emit(event, parsed.data);
}

export type Next = (err?: ExtendedError) => void;

/**
 * A namespace middleware: `admit` stores who connects in `socket.data` and answers true, or
 * answers false and the client gets `connect_error` with message `unauthorized`.
 */
export function guard(ctx: Ctx, namespace: string, admit: (socket: Socket) => boolean) {
  return (socket: Socket, next: Next) => {
    let ok: boolean;
    try {
      ok = admit(socket);
    } catch (err) {
      ctx.log.error({ err, namespace }, 'socket handshake failed');
      return next(new Error('internal_error'));
    }
    next(ok ? undefined : new Error('unauthorized'));
  };
}

/** The handshake's `auth[key]` when it is a reasonably short string. */
export function authString(socket: Socket, key: string, maxLength = 256): string | null {
  const auth: unknown = socket.handshake.auth;
  const value = auth && typeof auth === 'object' ? (auth as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength ? value : null;
}

/** The device of `kind` whose token the handshake carries (`auth.token`), or null. */
export function deviceOf(ctx: Ctx, socket: Socket, kind: DeviceKind): Extract<Principal, { kind: 'device' }> | null {
  const token = authString(socket, 'token');
  const p = token ? authenticateToken(ctx.conn, token, ctx.now()) : null;
  return p?.kind === 'device' && p.deviceKind === kind ? p : null;
}

/** Runs one step of a publish or a connect; a failure is logged and the rest goes on. */
export function attempt(ctx: Ctx, what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    ctx.log.error({ err }, `realtime: ${what} failed`);
  }
}

/**
 * The forecast a ticket's view needs: the estimate the use case made already (`known`), else one
 * of the whole hall, made once and only if a ticket waits.
 */
export type ForecastFor = (t: TicketRow) => Forecast;

export function forecaster(ctx: Ctx, hallId: number, known: ReadonlyMap<number, number | null> = new Map()): ForecastFor {
  let forecast: Forecast | undefined;
  let serving: ServingNow | undefined;
  const none: Forecast = { waits: new Map() };
  return (t) => {
    if (t.status !== 'waiting') return none;
    const waitMs = known.get(t.id);
    // The counters serving now, read once for all the known estimates (a group commit's tickets).
    if (waitMs !== undefined) {
      serving ??= forecast?.serving ?? readServing(ctx.conn, hallId);
      return { ...knownWait(t.id, waitMs), serving };
    }
    return (forecast ??= forecastHall(ctx.conn, getHall(ctx.conn, hallId), ctx.now()));
  };
}

/**
 * The rows of `ids` in the hall. The common case (one ticket issued or called, one counter) is a
 * prepared statement; several (a group commit) are one query.
 */
export function rowsOf<R>(ids: number[], one: (id: number) => R | undefined, many: () => R[]): R[] {
  if (ids.length !== 1) return many();
  const row = one(ids[0]!);
  return row ? [row] : [];
}

export function ticketRows(ctx: Ctx, hallId: number, ids: number[]): TicketRow[] {
  const { db } = ctx.conn;
  return rowsOf(
    ids,
    (id) => statements(ctx.conn).ticket.get({ id, hallId }),
    () => db.select().from(tickets).where(and(eq(tickets.hallId, hallId), inArray(tickets.id, ids))).all(),
  );
}
