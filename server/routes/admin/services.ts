import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { services, tickets, type OpeningHours } from '../../../db/schema.js';
import { availabilityNow } from '../../hall/availability.js';
import { refuseCityFields } from '../../hall/catalogue.js';
import { inTransaction } from '../../../db/connection.js';
import { getHall, getService, type ServiceRow } from '../../hall/state.js';
import { serviceList, serviceView } from '../../hall/views.js';
import { hallIdOf } from '../../plugins/auth.js';
import { Bilingual, IdParams, Service, WeeklyHours, WhatToBring } from '../../protocol/schemas.js';
import { changeBy, duplicate, recordAdminChange } from './record.js';
import { changes } from './views.js';

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

const PatchService = ServiceDetails.extend({
  name: Bilingual.optional(),
  targetWaitMinutes: Minutes.optional(),
  averageServiceMinutes: Minutes.optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});

/** The detail fields as columns: undefined leaves a column alone, null clears it. */
function detailColumns(body: z.infer<typeof ServiceDetails>) {
  return {
    dailyLimit: body.dailyLimit,
    hours: body.hours as OpeningHours | null | undefined,
    categoryAr: body.category === undefined ? undefined : (body.category?.ar ?? null),
    categoryEn: body.category === undefined ? undefined : (body.category?.en ?? null),
    whatToBringAr: body.whatToBring?.ar,
    whatToBringEn: body.whatToBring?.en,
  };
}

export default async function serviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.conn;

  const waitingOf = (serviceId: number) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(tickets)
      .where(and(eq(tickets.serviceId, serviceId), eq(tickets.status, 'waiting')))
      .get()!.n;

  /** A service as the admin sees it right after a change: waiting count and whether it is open now. */
  const viewNow = (request: FastifyRequest, row: ServiceRow) =>
    serviceView(row, availabilityNow(app.conn, getHall(app.conn, hallIdOf(request)), app.now())(row), waitingOf(row.id));

  app.post('/services', { schema: { body: CreateService, response: { 201: Service } } }, async (request, reply) => {
    refuseCityFields(app.central !== null, null, request.body);
    const by = changeBy(request);
    const { hallId } = by;
    const { code, name, targetWaitMinutes = 15, averageServiceMinutes = 5 } = request.body;
    const row = inTransaction(app.conn, () => {
      const taken = db
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.hallId, hallId), eq(services.code, code)))
        .get();
      if (taken) throw duplicate('code', `service code ${code} is already used`);
      const last = db.select({ n: max(services.sortOrder) }).from(services).where(eq(services.hallId, hallId)).get();
      const created = db
        .insert(services)
        .values({
          ...changes(detailColumns(request.body)),
          hallId,
          code,
          nameAr: name.ar,
          nameEn: name.en,
          targetWaitS: targetWaitMinutes * 60,
          avgServiceS: averageServiceMinutes * 60,
          sortOrder: (last?.n ?? -1) + 1,
        })
        .returning()
        .get();
      recordAdminChange(app.conn, { ...by, action: 'create', entity: 'service', entityId: created.id, details: { label: code, ...request.body } });
      return created;
    });
    app.realtime.publish(hallId, [{ kind: 'waiting' }]);
    return reply.status(201).send(viewNow(request, row));
  });

  /** All services, inactive ones too; active ones with their live waiting count and estimate. */
  app.get('/services', { schema: { response: { 200: z.array(Service) } } }, async (request) => {
    const hallId = hallIdOf(request);
    const live = new Map(serviceList(app.conn, hallId, app.now()).map((s) => [s.id, s]));
    return db
      .select()
      .from(services)
      .where(eq(services.hallId, hallId))
      .orderBy(asc(services.sortOrder), asc(services.id))
      .all()
      .map((s) => live.get(s.id) ?? viewNow(request, s));
  });

  app.patch('/services/:id', { schema: { params: IdParams, body: PatchService, response: { 200: Service } } }, async (request) => {
    const by = changeBy(request);
    const { hallId } = by;
    const service = getService(app.conn, hallId, request.params.id);
    refuseCityFields(app.central !== null, service, request.body);
    const { name, targetWaitMinutes, averageServiceMinutes, active, sortOrder } = request.body;
    const set = changes({
      nameAr: name?.ar,
      nameEn: name?.en,
      targetWaitS: targetWaitMinutes === undefined ? undefined : targetWaitMinutes * 60,
      avgServiceS: averageServiceMinutes === undefined ? undefined : averageServiceMinutes * 60,
      active,
      sortOrder,
      ...detailColumns(request.body),
    });
    if (!set) return viewNow(request, service);
    const row = inTransaction(app.conn, () => {
      recordAdminChange(app.conn, { ...by, action: 'update', entity: 'service', entityId: service.id, details: { label: service.code, ...request.body } });
      return db.update(services).set(set).where(eq(services.id, service.id)).returning().get();
    });
    app.realtime.publish(hallId, [{ kind: 'waiting' }]);
    return viewNow(request, row);
  });
}
