import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tokenOf } from '../../plugins/auth.js';
import { IdParams, Role, User } from '../../protocol/schemas.js';
import { Password, Username, createUser, patchUser, userView } from '../../staff/users.js';
import { text } from '../../routes/admin/views.js';
import { changeBy } from './halls.js';

const CreateUser = z.object({ username: Username, password: Password, role: Role, displayName: text(100).nullish() });
const PatchUser = z.object({ role: Role.optional(), displayName: text(100).nullish(), active: z.boolean().optional(), password: Password.optional() });

/** The city's staff accounts (city admin), with the hall's rules (server/staff/users.ts). */
export default async function cityUserRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = app.city.staff;
  app.addHook('preHandler', app.allow({ role: 'admin' }));

  app.post('/users', { schema: { body: CreateUser, response: { 201: User } } }, async (request, reply) =>
    reply.status(201).send(userView(await createUser(store, request.body, changeBy(request)))),
  );

  app.get('/users', { schema: { response: { 200: z.array(User) } } }, async () => (await store.listUsers()).map(userView));

  app.patch('/users/:id', { schema: { params: IdParams, body: PatchUser, response: { 200: User } } }, async (request) => {
    const token = tokenOf(request)?.token ?? null;
    const { user } = await patchUser(store, request.params.id, request.body, { ...changeBy(request), token });
    return userView(user);
  });
}
