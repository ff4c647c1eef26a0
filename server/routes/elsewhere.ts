import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shorterElsewhere } from '../central/other-centres.js';
import { notFound } from '../hall/errors.js';
import { namesOf } from '../hall/names.js';
import { getHall, getService } from '../hall/state.js';
import { serviceList } from '../hall/views.js';
import { Bilingual, ErrorBody, IdParams } from '../protocol/schemas.js';

const Answer = z.object({ elsewhere: z.object({ name: Bilingual, estimatedWaitMinutes: z.number().int() }).nullable() });

/**
 * Anyone (the kiosk, the phone page): another centre of the city whose wait for the service is much
 * shorter now, when the hall's setting `suggestOtherCentres` is on and it belongs to a city.
 */
export default async function elsewhereRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/services/:id/elsewhere',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { params: IdParams, response: { 200: Answer, 404: ErrorBody } } },
    async (request) => {
      const hall = getHall(app.conn, app.hallId);
      const service = getService(app.conn, app.hallId, request.params.id);
      if (!service.active) throw notFound('service', service.id);
      if (!hall.settings.suggestOtherCentres || !app.central) return { elsewhere: null };
      const waits = await app.central.cityWaits.read();
      if (!waits) return { elsewhere: null };
      // The estimates only once there is a city to compare them with: the kiosk asks on every ticket.
      const own = serviceList(app.conn, app.hallId, app.now()).find((s) => s.id === service.id);
      const self = namesOf(hall);
      return { elsewhere: shorterElsewhere(waits, self, service.code, own?.estimatedWaitMinutes ?? null) };
    },
  );
}
