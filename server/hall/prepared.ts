import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Connection } from '../../db/connection.js';
import {
  appointments,
  counterServices,
  counters,
  dailySequences,
  devices,
  hallClosures,
  halls,
  idempotencyKeys,
  printers,
  printJobs,
  services,
  sessions,
  ticketContacts,
  ticketEvents,
  tickets,
  users,
} from '../../db/schema.js';

// The hot reads, prepared once per connection: drizzle builds their SQL and SQLite compiles it
// once, instead of on every request (`npm run bench:load` showed both in the profile of every
// ticket issued). Same queries as written inline before, with placeholders for the values.

const p = (name: string) => sql.placeholder(name);
/** A placeholder where drizzle's types want SQL (an UPDATE's SET): for plain text and numbers only. */
const v = (name: string) => sql`${p(name)}`;

/** Calls and recalls with their ticket and counter: what displays announce. */
export function callsQuery({ db }: Connection) {
  return db
    .select({
      id: ticketEvents.id,
      type: ticketEvents.type,
      at: ticketEvents.at,
      ticketId: tickets.id,
      number: tickets.number,
      serviceId: ticketEvents.serviceId,
      counterId: counters.id,
      counterNumber: counters.number,
    })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .innerJoin(counters, eq(counters.id, ticketEvents.counterId));
}

function prepare(conn: Connection) {
  const { db } = conn;
  return {
    /** Rows written by this connection since it opened (rolled back or not): any write moves it. */
    totalChanges: conn.sqlite.prepare('SELECT total_changes()').pluck(),
    hall: db.select().from(halls).where(eq(halls.id, p('hallId'))).prepare(),
    service: db
      .select()
      .from(services)
      .where(and(eq(services.id, p('id')), eq(services.hallId, p('hallId'))))
      .prepare(),
    counter: db
      .select()
      .from(counters)
      .where(and(eq(counters.id, p('id')), eq(counters.hallId, p('hallId'))))
      .prepare(),
    ticket: db
      .select()
      .from(tickets)
      .where(and(eq(tickets.id, p('id')), eq(tickets.hallId, p('hallId'))))
      .prepare(),
    hallServices: db.select().from(services).where(eq(services.hallId, p('hallId'))).prepare(),
    activeCounters: db
      .select()
      .from(counters)
      .where(and(eq(counters.hallId, p('hallId')), eq(counters.active, true)))
      .prepare(),
    /** Every counter's services of the hall, in each counter's order of preference. */
    hallCounterServices: db
      .select({ counterId: counterServices.counterId, serviceId: counterServices.serviceId })
      .from(counterServices)
      .innerJoin(counters, eq(counters.id, counterServices.counterId))
      .where(eq(counters.hallId, p('hallId')))
      .orderBy(asc(counterServices.counterId), asc(counterServices.rank))
      .prepare(),
    busyTickets: db
      .select()
      .from(tickets)
      .where(and(eq(tickets.hallId, p('hallId')), inArray(tickets.status, ['called', 'serving'])))
      .prepare(),
    waitingTickets: db
      .select({
        id: tickets.id,
        serviceId: tickets.serviceId,
        priority: tickets.priority,
        issuedAt: tickets.issuedAt,
        targetCounterId: tickets.targetCounterId,
        slotAt: tickets.slotAt,
      })
      .from(tickets)
      .where(and(eq(tickets.hallId, p('hallId')), eq(tickets.status, 'waiting')))
      .orderBy(asc(tickets.issuedAt), asc(tickets.id))
      .prepare(),
    /** The day's bookings not checked in whose check-in is still open (state.ts bookingsToCome). */
    bookingsToCome: db
      .select({ id: appointments.id, serviceId: appointments.serviceId, startAt: appointments.startAt })
      .from(appointments)
      .where(
        and(eq(appointments.hallId, p('hallId')), eq(appointments.day, p('day')), eq(appointments.status, 'booked'), gte(appointments.startAt, p('from'))),
      )
      .prepare(),
    /** The hall's closure on a local day (closures.ts closureOn): read on every ticket issued. */
    closure: db
      .select()
      .from(hallClosures)
      .where(and(eq(hallClosures.hallId, p('hallId')), eq(hallClosures.day, p('day'))))
      .prepare(),
    /** The day's tickets called after (calledAt, id) with the estimate they were given, in call order (eta-record.ts). */
    estimatesCalled: db
      .select({ id: tickets.id, estimatedWaitS: tickets.estimatedWaitS, issuedAt: tickets.issuedAt, calledAt: tickets.calledAt })
      .from(tickets)
      .where(
        and(
          eq(tickets.hallId, p('hallId')),
          eq(tickets.day, p('day')),
          isNotNull(tickets.estimatedWaitS),
          or(gt(tickets.calledAt, p('calledAt')), and(eq(tickets.calledAt, p('calledAt')), gt(tickets.id, p('id')))),
        ),
      )
      .orderBy(asc(tickets.calledAt), asc(tickets.id))
      .prepare(),
    /** A service's latest completed visits, newest first. */
    recentVisits: db
      .select({ calledAt: tickets.calledAt, startedAt: tickets.startedAt, endedAt: tickets.endedAt })
      .from(tickets)
      .where(and(eq(tickets.serviceId, p('serviceId')), eq(tickets.status, 'done'), isNotNull(tickets.endedAt)))
      .orderBy(desc(tickets.endedAt), desc(tickets.id))
      .limit(p('limit'))
      .prepare(),
    waitingCounts: db
      .select({ serviceId: services.id, count: sql<number>`count(${tickets.id})` })
      .from(services)
      .leftJoin(
        tickets,
        and(eq(tickets.hallId, services.hallId), eq(tickets.status, 'waiting'), eq(tickets.serviceId, services.id)),
      )
      .where(and(eq(services.hallId, p('hallId')), eq(services.active, true)))
      .groupBy(services.id)
      .orderBy(asc(services.sortOrder), asc(services.id))
      .prepare(),
    issue: issueStatements(conn),
    /** The phone-alert hook runs after every publish (notify.ts): its two reads. */
    contacts: {
      pending: db
        .select({ id: ticketContacts.ticketId })
        .from(ticketContacts)
        .where(and(eq(ticketContacts.hallId, p('hallId')), isNull(ticketContacts.notifiedAt), isNotNull(ticketContacts.phone)))
        .limit(1)
        .prepare(),
      endedOne: db
        .select({ id: ticketContacts.ticketId })
        .from(ticketContacts)
        .innerJoin(tickets, eq(tickets.id, ticketContacts.ticketId))
        .where(and(eq(ticketContacts.ticketId, p('ticketId')), inArray(tickets.status, ['done', 'no_show', 'cancelled'])))
        .prepare(),
    },
    action: actionStatements(conn),
    /** Every request's token (auth plugin): a device's, or a staff session's with its user. */
    auth: {
      device: db
        .select()
        .from(devices)
        .where(and(eq(devices.tokenHash, p('tokenHash')), isNull(devices.revokedAt)))
        .prepare(),
      session: db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, p('tokenHash')), gt(sessions.expiresAt, p('now')), eq(users.active, true)))
        .prepare(),
    },
    /** The printer at a kiosk, looked up for every ticket the kiosk issues. */
    kioskPrinter: db
      .select()
      .from(printers)
      .where(and(eq(printers.kioskId, p('kioskId')), eq(printers.active, true)))
      .prepare(),
    /** One call or recall with its ticket and counter (what a publish announces). */
    callEvent: callsQuery(conn)
      .where(and(eq(ticketEvents.id, p('id')), eq(ticketEvents.hallId, p('hallId')), inArray(ticketEvents.type, ['call', 'recall'])))
      .prepare(),
    countAhead: {
      /** Its line: the same target counter, or the same service and no target counter. */
      toCounter: countAhead(conn, eq(tickets.targetCounterId, p('targetCounterId'))),
      inService: countAhead(conn, and(eq(tickets.serviceId, p('serviceId')), sql`${tickets.targetCounterId} IS NULL`)!),
    },
  };
}

/** The writes of a kiosk tap (see issue-ticket.ts). */
function issueStatements({ db }: Connection) {
  return {
    seen: db
      .select({ ticket: tickets })
      .from(idempotencyKeys)
      .innerJoin(tickets, eq(tickets.id, idempotencyKeys.ticketId))
      .where(and(eq(idempotencyKeys.scope, p('scope')), eq(idempotencyKeys.key, p('key'))))
      .prepare(),
    nextSequence: db
      .insert(dailySequences)
      .values({ hallId: p('hallId'), serviceId: p('serviceId'), day: p('day'), last: 1 })
      .onConflictDoUpdate({
        target: [dailySequences.hallId, dailySequences.serviceId, dailySequences.day],
        set: { last: sql`${dailySequences.last} + 1` },
      })
      .returning({ last: dailySequences.last })
      .prepare(),
    ticket: db
      .insert(tickets)
      .values({
        hallId: p('hallId'),
        serviceId: p('serviceId'),
        day: p('day'),
        sequence: p('sequence'),
        number: p('number'),
        status: 'waiting',
        priority: p('priority'),
        lang: p('lang'),
        issuedAt: p('issuedAt'),
        estimatedWaitS: p('estimatedWaitS'),
        trackingCode: p('trackingCode'),
        deviceId: p('deviceId'),
        userId: p('userId'),
        slotAt: p('slotAt'),
        appointmentId: p('appointmentId'),
      })
      .returning()
      .prepare(),
    event: db
      .insert(ticketEvents)
      .values({
        hallId: p('hallId'),
        ticketId: p('ticketId'),
        type: 'issue',
        toStatus: 'waiting',
        at: p('at'),
        serviceId: p('serviceId'),
        userId: p('userId'),
        deviceId: p('deviceId'),
        details: p('details'),
      })
      .prepare(),
    key: db
      .insert(idempotencyKeys)
      .values({ hallId: p('hallId'), scope: p('scope'), key: p('key'), ticketId: p('ticketId'), createdAt: p('createdAt') })
      .prepare(),
    /** The ticket's print job, written with it (its receipt is drawn after the answer, see server/printing/queue.ts). */
    printJob: db
      .insert(printJobs)
      .values({ hallId: p('hallId'), printerId: p('printerId'), ticketId: p('ticketId'), status: 'queued', data: EMPTY, createdAt: p('at'), updatedAt: p('at') })
      .returning()
      .prepare(),
  };
}

const EMPTY = Buffer.alloc(0);

/** The writes of a ticket's step (call, start, complete…; see ticket-actions.ts). */
function actionStatements({ db }: Connection) {
  return {
    /** The ticket's new state, only if it is still in the status the engine saw. */
    update: db
      .update(tickets)
      .set({
        status: v('status'),
        serviceId: v('serviceId'),
        calledAt: v('calledAt'),
        counterId: v('counterId'),
        targetCounterId: v('targetCounterId'),
        recalls: v('recalls'),
        startedAt: v('startedAt'),
        endedAt: v('endedAt'),
      })
      .where(and(eq(tickets.id, p('id')), eq(tickets.status, p('fromStatus'))))
      .returning()
      .prepare(),
    event: db
      .insert(ticketEvents)
      .values({
        hallId: p('hallId'),
        ticketId: p('ticketId'),
        type: p('type'),
        fromStatus: p('fromStatus'),
        toStatus: p('toStatus'),
        at: p('at'),
        serviceId: p('serviceId'),
        counterId: p('counterId'),
        userId: p('userId'),
        deviceId: p('deviceId'),
        // JSON text or NULL, encoded by the caller: drizzle would encode a NULL placeholder as 'null'.
        details: v('detailsJson'),
      })
      .returning({ id: ticketEvents.id })
      .prepare(),
  };
}

/** Waiting tickets of a line that come before (issuedAt, id); a priority ticket yields only to priority ones. */
function countAhead({ db }: Connection, sameLine: SQL) {
  const earlier = sql`(${tickets.issuedAt} < ${p('issuedAt')} OR (${tickets.issuedAt} = ${p('issuedAt')} AND ${tickets.id} < ${p('id')}))`;
  const count = (first: SQL) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(tickets)
      .where(and(eq(tickets.hallId, p('hallId')), eq(tickets.status, 'waiting'), sameLine, first))
      .prepare();
  return {
    priority: count(sql`(${tickets.priority} = 1 AND ${earlier})`),
    regular: count(sql`(${tickets.priority} = 1 OR ${earlier})`),
  };
}

export type Statements = ReturnType<typeof prepare>;

const byConnection = new WeakMap<Connection, Statements>();

/** The prepared statements of this connection, made on first use (after the migrations). */
export function statements(conn: Connection): Statements {
  let s = byConnection.get(conn);
  if (!s) {
    s = prepare(conn);
    byConnection.set(conn, s);
  }
  return s;
}
