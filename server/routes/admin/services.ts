import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createService, listServices, patchService } from '../../hall/admin/services.js';
import { refuseCityFields } from '../../hall/catalogue.js';
import { getService } from '../../hall/state.js';
import { hallIdOf } from '../../plugins/auth.js';
import { OpeningHoursInput } from '../../protocol/admin.js';
import { Bilingual, IdParams, Service, WeeklyHours, WhatToBring } from '../../protocol/schemas.js';
import { changeBy } from './record.js';

const Minutes = z.number().int().min(1).max(24 * 60);

/** What the kiosk shows about a service; null clears a field. */
const ServiceDetails = z.object({
  dailyLimit: z.number().int().min(1).max(9999).nullish(),
  hours: WeeklyHours.nullish(),
  category: Bilingual.nullish(),
  whatToBring: WhatToBring.optional(),
});

const CreateService = ServiceDetails.extend({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,3}$/, 'must be 1 to 3 uppercase Latin letters'),
  name: Bilingual,
  targetWaitMinutes: Minutes.optional(),
  averageServiceMinutes: Minutes.optional(),
});

/** Whether and how the service takes appointments; absent slotMinutes/perSlot/hours take the defaults. */
const AppointmentSettings = z.object({
  enabled: z.boolean(),
  slotMinutes: z.number().int().min(5).max(240).optional(),
  perSlot: z.number().int().min(1).max(50).optional(),
  hours: OpeningHoursInput.optional(),
});

const PatchService = ServiceDetails.extend({
  appointments: AppointmentSettings.optional(),
  name: Bilingual.optional(),
  targetWaitMinutes: Minutes.optional(),
  averageServiceMinutes: Minutes.optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});

export default async function serviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/services', { schema: { body: CreateService, response: { 201: Service } } }, async (request, reply) => {
    refuseCityFields(app.central !== null, null, request.body);
    const by = changeBy(request);
    const { value, effects } = createService(app.conn, request.body, by);
    app.realtime.publish(by.hallId, effects);
    return reply.status(201).send(value);
  });

  app.get('/services', { schema: { response: { 200: z.array(Service) } } }, async (request) =>
    listServices(app.conn, hallIdOf(request), app.now()),
  );

  app.patch('/services/:id', { schema: { params: IdParams, body: PatchService, response: { 200: Service } } }, async (request) => {
    const by = changeBy(request);
    refuseCityFields(app.central !== null, getService(app.conn, by.hallId, request.params.id), request.body);
    const { value, effects } = patchService(app.conn, request.params.id, request.body, by);
    app.realtime.publish(by.hallId, effects);
    return value;
  });
}
