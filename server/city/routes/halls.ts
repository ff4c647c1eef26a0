import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Board, CityHall, CreatedHall, HallLocation, NewHall } from '../../protocol/city.js';
import { Bilingual, IdParams } from '../../protocol/schemas.js';
import { boardRow, cityHall, type HallRow } from '../board.js';
import { createHall, listHalls, locateHall, renameHall, replaceHallToken, type CityChange } from '../halls.js';

export const changeBy = (request: FastifyRequest): CityChange => ({
  userId: request.caller?.kind === 'user' ? request.caller.userId : null,
  at: request.server.now(),
});

const created = (hall: HallRow, token: string) => ({ ...cityHall(hall), token });

/** The city's halls (admin makes them; staff see them) and the live board. */
export default async function hallsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admin = app.allow({ role: 'admin' });
  const staff = app.allow({ role: 'clerk' });

  app.post('/halls', { preHandler: admin, schema: { body: NewHall, response: { 201: CreatedHall } } }, async (request, reply) => {
    const { hall, token } = await createHall(app.city.db, request.body, changeBy(request));
    app.cityBoard.publish(hall);
    return reply.status(201).send(created(hall, token));
  });

  app.get('/halls', { preHandler: staff, schema: { response: { 200: z.array(CityHall) } } }, async () => (await listHalls(app.city.db)).map(cityHall));

  app.patch('/halls/:id', { preHandler: admin, schema: { params: IdParams, body: z.object({ name: Bilingual }), response: { 200: CityHall } } }, async (request) => {
    const hall = await renameHall(app.city.db, request.params.id, request.body.name, changeBy(request));
    app.cityBoard.publish(hall);
    return cityHall(hall);
  });

  app.put(
    '/halls/:id/location',
    { preHandler: admin, schema: { params: IdParams, body: HallLocation.nullable(), response: { 200: CityHall } } },
    async (request) => cityHall(await locateHall(app.city.db, request.params.id, request.body, changeBy(request))),
  );

  app.post('/halls/:id/token', { preHandler: admin, schema: { params: IdParams, response: { 200: CreatedHall } } }, async (request) => {
    const { hall, token } = await replaceHallToken(app.city.db, request.params.id, changeBy(request));
    return created(hall, token);
  });

  app.get('/board', { preHandler: staff, schema: { response: { 200: Board } } }, async () => {
    const now = app.now();
    return { halls: (await listHalls(app.city.db)).map((h) => boardRow(h, now)) };
  });
}
