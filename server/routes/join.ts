import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueRemoteTicket, remoteServices } from '../hall/remote-join.js';
import { ErrorBody, IdempotencyHeaders, JoinBody, Joined, Service } from '../protocol/schemas.js';

/**
 * A ticket on the phone (/join, after the QR code at the entrance), when the hall allows it:
 * anonymous, so limited per address, and only while the hall is open.
 */
export default async function joinRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/services',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { response: { 200: z.array(Service), 404: ErrorBody } },
    },
    async () => remoteServices(app.conn, app.hallId, app.now()),
  );

  app.post(
    '/',
    {
      config: { rateLimit: { max: 3, timeWindow: '10 minutes' } },
      schema: { body: JoinBody, headers: IdempotencyHeaders, response: { 200: Joined, 201: Joined, 404: ErrorBody, 409: ErrorBody } },
    },
    async (request, reply) => {
      const { value, effects } = issueRemoteTicket(app.conn, app.now(), {
        hallId: app.hallId,
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
        idempotencyScope: `ip:${request.ip}`,
      });
      app.realtime.publish(app.hallId, effects);
      const { trackingCode, number } = value.ticket;
      return reply.status(value.created ? 201 : 200).send({ trackingCode, number });
    },
  );
}
