import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hallStaffStore } from '../hall/staff-store.js';
import { SESSION_COOKIE, hallIdOf, tokenOf } from '../plugins/auth.js';
import { User } from '../protocol/schemas.js';
import { logOut, staffLogIn } from '../staff/log-in.js';
import { loginRoute } from '../staff/login-route.js';
import { userView } from '../staff/users.js';

/** Staff log in for a session token, also set as an HttpOnly cookie for the browser apps. */
export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = hallStaffStore(app.conn, app.hallId);
  const logIn = await staffLogIn(staff, () => app.now());

  loginRoute(app, logIn);

  app.post('/logout', { preHandler: app.authorize({ role: 'clerk' }) }, async (request, reply) => {
    const carried = tokenOf(request);
    if (carried) await logOut(staff, carried.token);
    // The user's other sessions reconnect their sockets; this one's cannot.
    if (request.principal?.kind === 'user') app.realtime.disconnect({ userId: request.principal.userId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/me',
    { preHandler: app.authorize({ role: 'clerk' }), schema: { response: { 200: User } } },
    async (request) => {
      const userId = request.principal?.kind === 'user' ? request.principal.userId : 0;
      return userView((await hallStaffStore(app.conn, hallIdOf(request)).userById(userId))!);
    },
  );
}
