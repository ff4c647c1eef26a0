import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tickets } from '../../db/schema.js';
import { businessDay } from '../engine/clock.js';
import { isFinal } from '../engine/tickets.js';
import { HallError } from '../hall/errors.js';
import { getHall } from '../hall/state.js';
import { trackedView } from '../hall/views.js';
import { ErrorBody, TrackedTicket } from '../protocol/schemas.js';

const Params = z.object({ trackingCode: z.string().min(1).max(64) });

/** Anyone with a ticket's code: its state, nothing personal. Codes expire with the business day. */
export default async function trackRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/:trackingCode',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute', allowList: (req) => req.principal !== null } },
      schema: { params: Params, response: { 200: TrackedTicket, 404: ErrorBody } },
    },
    async (request) => {
      const now = app.now();
      const hall = getHall(app.conn, app.hallId);
      const ticket = app.conn.db
        .select()
        .from(tickets)
        .where(and(eq(tickets.trackingCode, request.params.trackingCode), eq(tickets.hallId, hall.id)))
        .get();
      if (!ticket || (isFinal(ticket.status) && ticket.day < businessDay(now, hall.timeZone))) {
        throw new HallError('not_found', 'no ticket with that tracking code today');
      }
      return trackedView(app.conn, ticket, now);
    },
  );
}
