import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actOnTicket } from '../hall/ticket-actions.js';
import { ticketView } from '../hall/views.js';
import { ErrorBody, IdParams, Ticket } from '../protocol/schemas.js';
import { who } from './request.js';

const CancelBody = z.object({ note: z.string().trim().max(500).optional() }).nullish();

/** Supervisors: act on the hall beyond one counter. */
export default async function supervisorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', app.authorize({ role: 'supervisor' }));

  app.post(
    '/tickets/:id/cancel',
    { schema: { params: IdParams, body: CancelBody, response: { 200: Ticket, 404: ErrorBody, 409: ErrorBody } } },
    async (request) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const details = request.body?.note ? { note: request.body.note } : null;
      const { value, effects } = actOnTicket(app.conn, now, hallId, request.params.id, 'cancel', actor, details);
      app.realtime.publish(hallId, effects);
      return ticketView(app.conn, value, now);
    },
  );
}
