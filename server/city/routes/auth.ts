import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, tokenOf } from '../../plugins/auth.js';
import { ErrorBody, User } from '../../protocol/schemas.js';
import { LoginHeld, SESSION_LIFETIME_MS, logOut, staffLogIn } from '../../staff/log-in.js';
import { userView } from '../../staff/users.js';

const LoginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

/** City staff log in as on a hall (same answers, bearer and cookie), with the same rules (server/staff/). */
export default async function cityAuthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = app.city.staff;
  const logIn = await staffLogIn(store, () => app.now());

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { body: LoginBody, response: { 200: z.object({ token: z.string(), user: User }), 401: ErrorBody, 429: ErrorBody } },
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
