import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inGroupCommit } from '../../db/connection.js';
import { issueTicket } from '../hall/issue-ticket.js';
import { ticketView } from '../hall/views.js';
import { ErrorBody, Id, IdempotencyHeaders, IdParams, Lang, PrintResult, Ticket } from '../protocol/schemas.js';
import { who } from './request.js';

export const IssueBody = z.object({
  serviceId: Id,
  priority: z.boolean().default(false),
  lang: Lang.default('ar'),
});

/** Kiosk devices (and staff at a desk) issue tickets; a kiosk cancels the printing of its own. */
export default async function kioskRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/tickets',
    {
      onRequest: app.authorize({ role: 'clerk', devices: ['kiosk'] }),
      schema: {
        body: IssueBody,
        headers: IdempotencyHeaders,
        response: { 200: Ticket, 201: Ticket, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { hallId, actor } = who(request);
      const now = app.now();
      const req = { hallId, ...request.body, idempotencyKey: request.headers['idempotency-key'] };
      // Kiosks tap together at the morning rush: their tickets share one commit (and one fsync),
      // each answered once it is durable. The view is read in the ticket's own turn.
      const { value, effects, ticket } = await inGroupCommit(app.conn, (memo) => {
        const issued = issueTicket(app.conn, now, req, actor, memo);
        return { ...issued, ticket: ticketView(app.conn, issued.value.ticket, now, issued.value.forecast) };
      });
      app.realtime.publishMerged(hallId, effects);
      if (value.printJob) app.printing.printTicket(hallId, ticket, value.printJob);
      return reply.status(value.created ? 201 : 200).send(ticket);
    },
  );

  app.post(
    '/tickets/:id/print/cancel',
    {
      onRequest: app.authorize({ devices: ['kiosk'] }),
      schema: { params: IdParams, response: { 200: PrintResult, 404: ErrorBody } },
    },
    async (request) => {
      const { hallId, actor } = who(request);
      // The kiosk shows "photograph your ticket": a ticket that prints later would land in the
      // hands of whoever stands there next. Asked again, it answers the same.
      const job = await app.printing.cancelTicket(hallId, actor.deviceId!, request.params.id);
      return { ticketId: request.params.id, jobId: job.id, status: job.status };
    },
  );
}
