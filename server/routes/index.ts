import type { FastifyInstance } from 'fastify';
import admin from './admin/index.js';
import advice from './advice.js';
import appointments from './appointments.js';
import auth from './auth.js';
import clerk from './clerk.js';
import elsewhere from './elsewhere.js';
import join from './join.js';
import kiosk from './kiosk.js';
import printing from './printing.js';
import publicRoutes from './public.js';
import reports from './reports.js';
import supervisor from './supervisor.js';
import track from './track.js';

/** Routes grouped by audience; each group states who may call it. */
export default async function routes(app: FastifyInstance) {
  await app.register(publicRoutes);
  await app.register(auth, { prefix: '/api/auth' });
  await app.register(kiosk, { prefix: '/api' });
  await app.register(elsewhere, { prefix: '/api' });
  await app.register(clerk, { prefix: '/api' });
  await app.register(printing, { prefix: '/api' });
  await app.register(supervisor, { prefix: '/api' });
  await app.register(advice, { prefix: '/api/advice' });
  await app.register(admin, { prefix: '/api/admin' });
  await app.register(reports, { prefix: '/api/reports' });
  await app.register(track, { prefix: '/api/track' });
  await app.register(join, { prefix: '/api/join' });
  await app.register(appointments, { prefix: '/api/appointments' });
}
