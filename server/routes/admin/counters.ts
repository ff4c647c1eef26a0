import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, type Connection } from '../../../db/connection.js';
import { counterServices, counters, services } from '../../../db/schema.js';
import { actorOf } from '../../auth/principal.js';
import { setCounterState } from '../../hall/counters.js';
import type { Effect } from '../../hall/effects.js';
import { notFound } from '../../hall/errors.js';
import { getCounter } from '../../hall/state.js';
import { hallIdOf } from '../../plugins/auth.js';
import { Counter, Id, IdParams } from '../../protocol/schemas.js';
import { counterView, counterViews } from '../../hall/views.js';
import { changeBy, duplicate, recordAdminChange } from './record.js';
import { changes, text } from './views.js';

const CounterNumber = z.number().int().min(1).max(9999);
/** In the counter's order of preference: the first is served first. */
const ServiceIds = z
  .array(Id)
  .min(1)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a service twice');

const CreateCounter = z.object({
  number: CounterNumber,
  serviceIds: ServiceIds,
  name: text(100).nullish(),
  zone: text(50).nullish(),
});

const PatchCounter = z.object({
  number: CounterNumber.optional(),
  serviceIds: ServiceIds.optional(),
  name: text(100).nullish(),
  zone: text(50).nullish(),
  active: z.boolean().optional(),
});

function checkServices({ db }: Connection, hallId: number, ids: number[]) {
  const known = new Set(
    db
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.hallId, hallId), inArray(services.id, ids)))
      .all()
      .map((s) => s.id),
  );
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw notFound('service', unknown);
}

function checkNumberFree({ db }: Connection, hallId: number, number: number) {
  const taken = db
    .select({ id: counters.id })
    .from(counters)
    .where(and(eq(counters.hallId, hallId), eq(counters.number, number)))
    .get();
  if (taken) throw duplicate('number', `counter number ${number} is already used`);
}

function setServices({ db }: Connection, counterId: number, ids: number[]) {
  db.delete(counterServices).where(eq(counterServices.counterId, counterId)).run();
  db.insert(counterServices)
    .values(ids.map((serviceId, rank) => ({ counterId, serviceId, rank })))
    .run();
}

function view(conn: Connection, hallId: number, counterId: number) {
  return counterView(conn, getCounter(conn, hallId, counterId));
}

export default async function counterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  app.post('/counters', { schema: { body: CreateCounter, response: { 201: Counter } } }, async (request, reply) => {
    const by = changeBy(request);
    const { hallId } = by;
    const { number, serviceIds, name, zone } = request.body;
    const counter = inTransaction(conn, () => {
      checkNumberFree(conn, hallId, number);
      checkServices(conn, hallId, serviceIds);
      const row = conn.db
        .insert(counters)
        .values({ hallId, number, name: name ?? null, zone: zone ?? null })
        .returning()
        .get();
      setServices(conn, row.id, serviceIds);
      recordAdminChange(conn, { ...by, action: 'create', entity: 'counter', entityId: row.id, details: { label: number, ...request.body } });
      return view(conn, hallId, row.id);
    });
    app.realtime.publish(hallId, [{ kind: 'counter', counterId: counter.id }, { kind: 'waiting' }]);
    return reply.status(201).send(counter);
  });

  app.get('/counters', { schema: { response: { 200: z.array(Counter) } } }, async (request) => {
    const hallId = hallIdOf(request);
    const rows = conn.db.select().from(counters).where(eq(counters.hallId, hallId)).orderBy(asc(counters.number)).all();
    return counterViews(conn, rows);
  });

  app.patch('/counters/:id', { schema: { params: IdParams, body: PatchCounter, response: { 200: Counter } } }, async (request) => {
    const by = changeBy(request);
    const { hallId } = by;
    const { number, serviceIds, name, zone, active } = request.body;
    const effects: Effect[] = [];
    const counter = inTransaction(conn, () => {
      const current = getCounter(conn, hallId, request.params.id);
      if (number !== undefined && number !== current.number) checkNumberFree(conn, hallId, number);
      if (serviceIds) {
        checkServices(conn, hallId, serviceIds);
        setServices(conn, current.id, serviceIds);
      }
      // A counter taken out of service is closed first, so no clerk keeps calling from it.
      if (active === false && current.active && current.state !== 'closed') {
        effects.push(...setCounterState(conn, current, 'closed', app.now(), actorOf(request.principal)));
      }
      const set = changes({ number, name, zone, active });
      if (set) conn.db.update(counters).set(set).where(eq(counters.id, current.id)).run();
      if (set || serviceIds) {
        recordAdminChange(conn, { ...by, action: 'update', entity: 'counter', entityId: current.id, details: { label: current.number, ...request.body } });
      }
      return view(conn, hallId, current.id);
    });
    app.realtime.publish(hallId, [...effects, { kind: 'counter', counterId: counter.id }, { kind: 'waiting' }]);
    return counter;
  });
}
