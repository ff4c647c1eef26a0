import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hallStaffStore } from '../../hall/staff-store.js';
import { tokenOf } from '../../plugins/auth.js';
import { IdParams, Role, User } from '../../protocol/schemas.js';
import { Password, Username, createUser, patchUser, userView } from '../../staff/users.js';
import { changeBy } from './record.js';
import { text } from './views.js';

const CreateUser = z.object({
  username: Username,
  password: Password,
  role: Role,
  displayName: text(100).nullish(),
});

const PatchUser = z.object({
  role: Role.optional(),
  displayName: text(100).nullish(),
  active: z.boolean().optional(),
  /** A password reset: the user's other sessions end. */
  password: Password.optional(),
});

export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  /** The caller's hall's staff, and the admin making the change. */
  const staffOf = (request: FastifyRequest) => {
    const { hallId, ...by } = changeBy(request);
    return { store: hallStaffStore(app.conn, hallId), by };
  };

  app.post('/users', { schema: { body: CreateUser, response: { 201: User } } }, async (request, reply) => {
    const { store, by } = staffOf(request);
    return reply.status(201).send(userView(await createUser(store, request.body, by)));
  });

  app.get('/users', { schema: { response: { 200: z.array(User) } } }, async (request) =>
    (await staffOf(request).store.listUsers()).map(userView),
  );

  app.patch('/users/:id', { schema: { params: IdParams, body: PatchUser, response: { 200: User } } }, async (request) => {
    const { store, by } = staffOf(request);
    const { user, sessionsEnded } = await patchUser(store, request.params.id, request.body, { ...by, token: tokenOf(request)?.token ?? null });
    // Its sockets reconnect at once if their session still stands; ended ones stay out.
    if (sessionsEnded) app.realtime.disconnect({ userId: user.id });
    return userView(user);
  });
}
