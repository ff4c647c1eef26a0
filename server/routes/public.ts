import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoInZone } from '../engine/clock.js';
import { DEFAULT_KIOSK_RETURN_SECONDS, hallOpenNow } from '../hall/availability.js';
import { closureToday } from '../hall/closures.js';
import { getHall } from '../hall/state.js';
import { serviceList } from '../hall/views.js';
import { PUBLIC_DIR } from '../paths.js';
import { hijriCalendarOf } from '../protocol/admin.js';
import { HallInfo, Service } from '../protocol/schemas.js';
import { namesOf } from '../hall/names.js';

/** Anyone: health, the hall's name and settings, the service menu, and the landing page at `/`. */
export default async function publicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/health',
    { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get('/api/hall', { schema: { response: { 200: HallInfo } } }, async () => {
    const hall = getHall(app.conn, app.hallId);
    const now = app.now();
    const closure = closureToday(app.conn, hall, now) ?? undefined;
    return {
      name: namesOf(hall),
      timeZone: hall.timeZone,
      digits: hall.settings.digits,
      languages: hall.settings.languages,
      hijriCalendar: hijriCalendarOf(hall.settings),
      open: !closure && hallOpenNow(hall, now),
      closure,
      ticketFooter: hall.settings.ticketFooter,
      kioskReturnSeconds: hall.settings.kioskReturnSeconds ?? DEFAULT_KIOSK_RETURN_SECONDS,
      publicUrl: hall.settings.publicUrl?.replace(/\/+$/, '') ?? null,
      serverTime: isoInZone(now, hall.timeZone),
    };
  });

  app.get(
    '/api/services',
    { schema: { response: { 200: z.array(Service) } } },
    async () => serviceList(app.conn, app.hallId, app.now()),
  );

  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: ['index.html'], wildcard: false, decorateReply: false });
}
