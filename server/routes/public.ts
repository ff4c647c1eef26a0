import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceList } from '../hall/views.js';
import { PUBLIC_DIR } from '../paths.js';
import { Service } from '../protocol/schemas.js';

/** Anyone: health, the service menu, and the landing page at `/`. */
export default async function publicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/health',
    { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/services',
    { schema: { response: { 200: z.array(Service) } } },
    async () => serviceList(app.conn, app.hallId, app.now()),
  );

  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: ['index.html'], wildcard: false, decorateReply: false });
}
