import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shorterElsewhere } from '../central/other-centres.js';
import { notFound } from '../hall/errors.js';
import { getHall } from '../hall/state.js';
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
      const service = serviceList(app.conn, app.hallId, app.now()).find((s) => s.id === request.params.id);
      if (!service) throw notFound('service', request.params.id);
      if (!hall.settings.suggestOtherCentres || !app.central) return { elsewhere: null };
      const waits = await app.central.cityWaits.read();
      const self = { ar: hall.nameAr, en: hall.nameEn };
      return { elsewhere: waits && shorterElsewhere(waits, self, service.code, service.estimatedWaitMinutes) };
    },
  );
}
