import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BatchAck, ConfigDocument, EventBatch } from '../../protocol/city.js';
import { newestCatalogue } from '../halls.js';
import { ingestBatch } from '../ingest.js';

const ConfigQuery = z.object({ since: z.coerce.number().int().nonnegative().default(0) });

/** The hall's token is the hall: a batch can only ever be filed under the caller's own hall. */
const hallOf = (request: FastifyRequest) => (request.caller as { hallId: number }).hallId;

/** What halls call (their token): ship events, pull the catalogue. */
export default async function hallRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', app.allow('hall'));

  app.post('/events', { bodyLimit: 2 * 1024 * 1024, schema: { body: EventBatch, response: { 200: BatchAck } } }, async (request) => {
    const { ack, hall } = await ingestBatch(app.city.pool, hallOf(request), request.body, app.now());
    app.cityBoard.publish(hall);
    return ack;
  });

  app.get('/config', { schema: { querystring: ConfigQuery, response: { 200: ConfigDocument, 204: z.null() } } }, async (request, reply) => {
    const newest = await newestCatalogue(app.city.db);
    if (!newest || request.query.since >= newest.version) return reply.status(204).send(null);
    return newest;
  });
}
