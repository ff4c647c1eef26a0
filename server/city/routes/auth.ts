import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SESSION_COOKIE, tokenOf } from '../../plugins/auth.js';
import { User } from '../../protocol/schemas.js';
import { logOut, staffLogIn } from '../../staff/log-in.js';
import { loginRoute } from '../../staff/login-route.js';
import { userView } from '../../staff/users.js';

/** City staff log in as on a hall (same answers, bearer and cookie), with the same rules (server/staff/). */
export default async function cityAuthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = app.city.staff;
  const logIn = await staffLogIn(store, () => app.now());

  loginRoute(app, logIn);

  app.post('/logout', { preHandler: app.allow({ role: 'clerk' }) }, async (request, reply) => {
    const carried = tokenOf(request);
    if (carried) await logOut(store, carried.token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/me', { preHandler: app.allow({ role: 'clerk' }), schema: { response: { 200: User } } }, async (request) => {
    const userId = request.caller?.kind === 'user' ? request.caller.userId : 0;
    return userView((await store.userById(userId))!);
  });
}
