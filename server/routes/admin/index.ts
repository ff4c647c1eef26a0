import type { FastifyInstance } from 'fastify';
import audit from './audit.js';
import closures from './closures.js';
import counters from './counters.js';
import devices from './devices.js';
import health from './health.js';
import hall from './hall.js';
import media from './media.js';
import printers from './printers.js';
import services from './services.js';
import users from './users.js';

/** The admin's setup of the hall. Everything here is for admins only. */
export default async function adminRoutes(app: FastifyInstance) {
  // onRequest rather than preHandler: a stranger gets 401 before any body is parsed or validated.
  app.addHook('onRequest', app.authorize({ role: 'admin' }));
  await app.register(hall);
  await app.register(services);
  await app.register(counters);
  await app.register(users);
  await app.register(devices);
  await app.register(printers);
  await app.register(health);
  await app.register(media);
  await app.register(audit);
  await app.register(closures);
}
