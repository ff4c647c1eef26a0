import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCounter, listCounters, patchCounter } from '../../hall/admin/counters.js';
import { hallIdOf } from '../../plugins/auth.js';
import { Counter, Id, IdParams } from '../../protocol/schemas.js';
import { changeBy } from './record.js';
import { text } from './views.js';

const CounterNumber = z.number().int().min(1).max(9999);
/** In the counter's order of preference: the first is served first. */
const ServiceIds = z
  .array(Id)
  .min(1)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a service twice');

/** What its clerk is able to serve: every service in serviceIds, and maybe more. */
const QualifiedServiceIds = z
  .array(Id)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'must not name a service twice');

const CreateCounter = z.object({
  number: CounterNumber,
  serviceIds: ServiceIds,
  qualifiedServiceIds: QualifiedServiceIds.optional(),
  name: text(100).nullish(),
  zone: text(50).nullish(),
});

const PatchCounter = z.object({
  number: CounterNumber.optional(),
  serviceIds: ServiceIds.optional(),
  qualifiedServiceIds: QualifiedServiceIds.optional(),
  name: text(100).nullish(),
  zone: text(50).nullish(),
  active: z.boolean().optional(),
});

export default async function counterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/counters', { schema: { body: CreateCounter, response: { 201: Counter } } }, async (request, reply) => {
    const by = changeBy(request);
    const { value, effects } = createCounter(app.conn, request.body, by);
    app.realtime.publish(by.hallId, effects);
    return reply.status(201).send(value);
  });

  app.get('/counters', { schema: { response: { 200: z.array(Counter) } } }, async (request) => listCounters(app.conn, hallIdOf(request)));

  app.patch('/counters/:id', { schema: { params: IdParams, body: PatchCounter, response: { 200: Counter } } }, async (request) => {
    const by = changeBy(request);
    const { value, effects } = patchCounter(app.conn, request.params.id, request.body, by);
    app.realtime.publish(by.hallId, effects);
    return value;
  });
}
