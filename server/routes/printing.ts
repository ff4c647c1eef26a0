import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hallIdOf } from '../plugins/auth.js';
import { ErrorBody, IdParams } from '../protocol/schemas.js';
import { changeBy, recordAdminChange } from './admin/record.js';

const ReceiptQuery = z.object({
  width: z.coerce.number().pipe(z.literal([384, 576], { error: 'must be 384 or 576' })).optional(),
});

/** Printed tickets: a preview for staff, a test page for admins. */
export default async function printingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/tickets/:id/receipt.png',
    {
      onRequest: app.authorize({ role: 'clerk' }),
      // No response schema: the answer is image/png (errors are the usual JSON).
      schema: { params: IdParams, querystring: ReceiptQuery },
    },
    async (request, reply) => {
      // The QR code points back at the host the preview was asked from.
      const base = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
      const png = await app.printing.receiptPng(hallIdOf(request), request.params.id, base, request.query.width);
      // It carries the ticket's tracking code: private, and never stale in a cache.
      return reply.type('image/png').header('cache-control', 'private, no-store').send(png);
    },
  );

  app.post(
    '/admin/printers/:id/test',
    {
      onRequest: app.authorize({ role: 'admin' }),
      schema: { params: IdParams, response: { 202: z.object({ jobId: z.number() }), 404: ErrorBody } },
    },
    async (request, reply) => {
      const job = app.printing.testPrint(hallIdOf(request), request.params.id);
      recordAdminChange(app.conn, { ...changeBy(request), action: 'test_print', entity: 'printer', entityId: job.printerId, details: { jobId: job.id } });
      return reply.status(202).send({ jobId: job.id });
    },
  );
}
