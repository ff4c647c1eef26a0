import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Catalogue, CatalogueService } from '../../protocol/city.js';
import { newestCatalogue, publishCatalogue } from '../halls.js';
import { changeBy } from './halls.js';

const CatalogueAnswer = z.object({ version: z.number().int().nonnegative(), publishedAt: z.string().nullable(), services: z.array(CatalogueService) });

/** The city's service catalogue: each PUT is a new version, which the halls pull. */
export default async function servicesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/services', { preHandler: app.allow({ role: 'clerk' }), schema: { response: { 200: CatalogueAnswer } } }, async () => {
    return (await newestCatalogue(app.city.db)) ?? { version: 0, publishedAt: null, services: [] };
  });

  app.put('/services', { preHandler: app.allow({ role: 'admin' }), schema: { body: Catalogue, response: { 200: CatalogueAnswer } } }, async (request) =>
    publishCatalogue(app.city.db, request.body, changeBy(request)),
  );
}
