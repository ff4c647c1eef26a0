import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { counters, tickets } from '../../db/schema.js';
import { changeCounterState } from '../hall/counters.js';
import { myStats, staffSettings } from '../hall/board.js';
import { actOnTicket, callNext, callSpecific, transferTicket, type SimpleAction } from '../hall/ticket-actions.js';
import { getHall, getTicket } from '../hall/state.js';
import { counterView, counterViews, forecastHall, ticketView } from '../hall/views.js';
import {
  Bilingual,
  Counter,
  ErrorBody,
  Id,
  IdempotencyHeaders,
  IdParams,
  IdText,
  MyStats,
  StaffSettings,
  Ticket,
  TicketStatus,
} from '../protocol/schemas.js';
import { who } from './request.js';

const Note = z.string().trim().max(500);
const CompleteBody = z.object({ outcome: z.string().trim().max(50).optional(), note: Note.optional() }).nullish();
/** `confirmed`: the clerk confirmed a no-show soon after the call (the hall's `noShowMinSeconds`). */
const NoShowBody = z.object({ confirmed: z.boolean().optional() }).strict().nullish();
const TransferBody = z.union(
  [
    z.object({ serviceId: Id, note: Note.optional() }).strict(),
    z.object({ counterId: Id, note: Note.optional() }).strict(),
  ],
  { error: 'give either serviceId or counterId' },
);
const PauseBody = z.object({ reason: z.string().trim().min(1).max(100) });
const CallBody = z.object({ ticketId: Id });
const CalledTicket = Ticket.extend({ reason: Bilingual.optional() });
const TicketsQuery = z.object({
  status: z.union([TicketStatus, z.array(TicketStatus)]).optional(),
  serviceId: IdText.optional(),
});
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/**
 * Clerks at counters: call (next, or a chosen ticket where the hall allows it), recall, serve,
 * transfer, return to the queue; counters' state; the clerk's own day. Clerks may use any active
 * counter (no per-user restriction). Recall, start, complete and no-show are not replayable:
 * repeating one on a ticket that has moved on is 409, and the staff app does not double-send.
 * A no-show soon after the call must be confirmed; one may be requeued by the clerk who marked it
 * within 10 minutes, or by a supervisor that business day (ticket-actions.ts).
 */
export default async function clerkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authorize({ role: 'clerk' }));

  // A retry with the same Idempotency-Key (the answer was lost) answers the ticket already called.
  app.post(
    '/counters/:id/next',
    { schema: { params: IdParams, headers: IdempotencyHeaders, response: { 200: CalledTicket, 204: z.null(), ...errors } } },
    async (request, reply) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const key = request.headers['idempotency-key'];
      const { value, effects } = callNext(app.conn, now, hallId, request.params.id, actor, key);
      app.realtime.publish(hallId, effects);
      if (!value.ticket) return reply.status(204).send(null);
      return { ...ticketView(app.conn, value.ticket, now), reason: value.reason };
    },
  );

  app.post(
    '/counters/:id/call',
    { schema: { params: IdParams, body: CallBody, response: { 200: CalledTicket, ...errors } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const { value, effects } = callSpecific(app.conn, now, hallId, request.params.id, request.body.ticketId, actor);
      app.realtime.publish(hallId, effects);
      return { ...ticketView(app.conn, value.ticket!, now), reason: value.reason };
    },
  );

  const simple: [string, SimpleAction][] = [
    ['recall', 'recall'],
    ['start', 'start'],
    ['requeue', 'requeue'],
  ];
  for (const [path, action] of simple) {
    app.post(
      `/tickets/:id/${path}`,
      { schema: { params: IdParams, response: { 200: Ticket, ...errors } } },
      async (request) => {
        const { hallId, actor } = who(request);
        const now = app.now();
        const { value, effects } = actOnTicket(app.conn, now, hallId, request.params.id, action, actor);
        app.realtime.publish(hallId, effects);
        return ticketView(app.conn, value, now);
      },
    );
  }

  app.post(
    '/tickets/:id/no-show',
    { schema: { params: IdParams, body: NoShowBody, response: { 200: Ticket, ...errors } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const details = request.body?.confirmed ? { confirmed: true } : null;
      const { value, effects } = actOnTicket(app.conn, now, hallId, request.params.id, 'no_show', actor, details);
      app.realtime.publish(hallId, effects);
      return ticketView(app.conn, value, now);
    },
  );

  app.post(
    '/tickets/:id/complete',
    { schema: { params: IdParams, body: CompleteBody, response: { 200: Ticket, ...errors } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const details = request.body && (request.body.outcome || request.body.note) ? { ...request.body } : null;
      const { value, effects } = actOnTicket(app.conn, now, hallId, request.params.id, 'complete', actor, details);
      app.realtime.publish(hallId, effects);
      return ticketView(app.conn, value, now);
    },
  );

  app.post(
    '/tickets/:id/transfer',
    { schema: { params: IdParams, body: TransferBody, response: { 200: Ticket, ...errors } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const { note, ...target } = request.body;
      const { value, effects } = transferTicket(app.conn, now, hallId, request.params.id, target, actor, note ?? null);
      app.realtime.publish(hallId, effects);
      return ticketView(app.conn, value, now);
    },
  );

  app.get('/tickets/:id', { schema: { params: IdParams, response: { 200: Ticket, 404: ErrorBody } } }, async (request) => {
    const { hallId } = who(request);
    return ticketView(app.conn, getTicket(app.conn, hallId, request.params.id), app.now());
  });

  app.get('/tickets', { schema: { querystring: TicketsQuery, response: { 200: z.array(Ticket) } } }, async (request) => {
    const { hallId } = who(request);
    const now = app.now();
    const { status, serviceId } = request.query;
    const statuses = status === undefined ? ['waiting', 'called', 'serving'] : [status].flat();
    const rows = app.conn.db
      .select()
      .from(tickets)
      .where(
        and(
          eq(tickets.hallId, hallId),
          inArray(tickets.status, statuses as TicketStatus[]),
          serviceId ? eq(tickets.serviceId, serviceId) : undefined,
        ),
      )
      .orderBy(asc(tickets.issuedAt), asc(tickets.id))
      .limit(1000)
      .all();
    const forecast = forecastHall(app.conn, getHall(app.conn, hallId), now);
    return rows.map((t) => ticketView(app.conn, t, now, forecast));
  });

  app.get('/me/stats', { schema: { response: { 200: MyStats } } }, async (request) => {
    const { hallId, actor } = who(request);
    return myStats(app.conn, app.now(), hallId, actor.userId!);
  });

  app.get('/staff/settings', { schema: { response: { 200: StaffSettings } } }, async (request) => {
    return staffSettings(getHall(app.conn, who(request).hallId));
  });

  app.get('/counters', { schema: { response: { 200: z.array(Counter) } } }, async (request) => {
    const { hallId } = who(request);
    const rows = app.conn.db.select().from(counters).where(eq(counters.hallId, hallId)).orderBy(asc(counters.number)).all();
    return counterViews(app.conn, rows);
  });

  const states = [
    ['open', 'open'],
    ['close', 'closed'],
  ] as const;
  for (const [path, state] of states) {
    app.post(`/counters/:id/${path}`, { schema: { params: IdParams, response: { 200: Counter, ...errors } } }, async (request) => {
      const { hallId, actor } = who(request);
      const { value, effects } = changeCounterState(app.conn, app.now(), hallId, request.params.id, state, actor);
      app.realtime.publish(hallId, effects);
      return counterView(app.conn, value);
    });
  }

  app.post(
    '/counters/:id/pause',
    { schema: { params: IdParams, body: PauseBody, response: { 200: Counter, ...errors } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const { value, effects } = changeCounterState(app.conn, app.now(), hallId, request.params.id, 'paused', actor, request.body.reason);
      app.realtime.publish(hallId, effects);
      return counterView(app.conn, value);
    },
  );
}

type TicketStatus = z.infer<typeof TicketStatus>;
