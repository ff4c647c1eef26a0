import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueTicket } from '../hall/issue-ticket.js';
import { ticketView } from '../hall/views.js';
import { ErrorBody, Id, Lang, Ticket } from '../protocol/schemas.js';
import { who } from './request.js';

export const IssueBody = z.object({
  serviceId: Id,
  priority: z.boolean().default(false),
  lang: Lang.default('ar'),
});

const IssueHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
});

/** Kiosk devices (and staff at a desk) issue tickets. */
export default async function kioskRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/tickets',
    {
      onRequest: app.authorize({ role: 'clerk', devices: ['kiosk'] }),
      schema: {
        body: IssueBody,
        headers: IssueHeaders,
        response: { 200: Ticket, 201: Ticket, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const { value, effects } = issueTicket(
        app.conn,
        now,
        { hallId, ...request.body, idempotencyKey: request.headers['idempotency-key'] },
        actor,
      );
      app.realtime.publish(hallId, effects);
      const ticket = ticketView(app.conn, value.ticket, now, value.forecast);
      if (value.created) app.printing.printTicket(hallId, ticket, actor);
      return reply.status(value.created ? 201 : 200).send(ticket);
    },
  );
}
