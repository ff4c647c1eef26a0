import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import auth from './auth.js';
import hall from './hall.js';
import halls from './halls.js';
import reports from './reports.js';
import services from './services.js';
import users from './users.js';
import waits from './waits.js';

/** The city's routes by audience: anyone, city staff, and halls (their token). */
export default async function cityRoutes(app: FastifyInstance) {
  app.get('/api/health', { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  await app.register(auth, { prefix: '/api/auth' });
  await app.register(waits, { prefix: '/api/city' });
  await app.register(halls, { prefix: '/api/city' });
  await app.register(services, { prefix: '/api/city' });
  await app.register(reports, { prefix: '/api/city' });
  await app.register(users, { prefix: '/api/city' });
  await app.register(hall, { prefix: '/api/city/hall' });
}
