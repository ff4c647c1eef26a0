import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hallStaffStore } from '../hall/staff-store.js';
import { SESSION_COOKIE, hallIdOf, tokenOf } from '../plugins/auth.js';
import { ErrorBody, User } from '../protocol/schemas.js';
import { LoginHeld, SESSION_LIFETIME_MS, logOut, staffLogIn } from '../staff/log-in.js';
import { userView } from '../staff/users.js';

const LoginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

const LoginAnswer = z.object({ token: z.string(), user: User });

/** Staff log in for a session token, also set as an HttpOnly cookie for the browser apps. */
export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = hallStaffStore(app.conn, app.hallId);
  const logIn = await staffLogIn(staff, () => app.now());

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { body: LoginBody, response: { 200: LoginAnswer, 401: ErrorBody, 429: ErrorBody } },
    },
    async (request, reply) => {
      const { token, user } = await logIn(request.body).catch((err: unknown) => {
        if (err instanceof LoginHeld) reply.header('retry-after', String(err.seconds));
        throw err;
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        maxAge: SESSION_LIFETIME_MS / 1000,
      });
      return { token, user: userView(user) };
    },
  );

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
