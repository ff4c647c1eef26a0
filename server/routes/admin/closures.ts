import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addClosure, listClosures, removeClosure } from '../../hall/closures.js';
import { hallIdOf } from '../../plugins/auth.js';
import { Bilingual, Closure } from '../../protocol/schemas.js';
import { changeBy } from './record.js';

/** The hall's local day, `YYYY-MM-DD`. */
const LocalDay = z.iso.date();
const NewClosure = z.object({ date: LocalDay, reason: Bilingual.optional() });

/** Days the whole hall is closed: adding one cancels its bookings and tells those who left a number. */
export default async function closureRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/closures', { schema: { response: { 200: z.array(Closure) } } }, async (request) => listClosures(app.conn, hallIdOf(request), app.now()));

  app.post('/closures', { schema: { body: NewClosure, response: { 201: Closure } } }, async (request, reply) => {
    const by = changeBy(request);
    const { closure, notices } = addClosure(app.conn, by, { date: request.body.date, reason: request.body.reason ?? null }, app.notify.base(by.hallId));
    app.notify.send(by.hallId, notices);
    return reply.status(201).send(closure);
  });

  app.delete('/closures/:date', { schema: { params: z.object({ date: LocalDay }) } }, async (request, reply) => {
    removeClosure(app.conn, changeBy(request), request.params.date);
    return reply.status(204).send();
  });
}
