import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBackoff } from '../../auth/login-backoff.js';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, tokenOf } from '../../plugins/auth.js';
import { HttpError } from '../../plugins/errors.js';
import { ErrorBody, User } from '../../protocol/schemas.js';
import { hashPassword, hashToken, newToken, randomPassword, verifyPassword } from '../../security.js';
import type { StaffUserRow } from '../../staff/store.js';

// City staff log in as on a hall (same answers, bearer and cookie). Stand-in until the shared
// staff use cases (server/staff/) land: the rules are the hall's, over the city's StaffStore.

const LoginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

const userView = (u: StaffUserRow): User => ({ id: u.id, username: u.username, role: u.role, displayName: u.displayName, active: u.active });

export default async function cityAuthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = app.city.staff;
  // Unknown usernames are checked against this too, so timing does not tell which users exist.
  const dummyHash = await hashPassword(randomPassword());
  const backoff = new LoginBackoff();

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { body: LoginBody, response: { 200: z.object({ token: z.string(), user: User }), 401: ErrorBody, 429: ErrorBody } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const wait = backoff.waitFor(username, app.now());
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        reply.header('retry-after', String(seconds));
        throw new HttpError(429, 'rate_limited', `too many wrong passwords for this user: try again in ${seconds} s`);
      }
      const user = await store.userByUsername(username);
      const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
      if (!user || !ok || !user.active) {
        backoff.failed(username, app.now());
        throw new HttpError(401, 'unauthorized', 'wrong username or password');
      }
      backoff.succeeded(username);
      const now = app.now();
      const token = newToken('stf');
      await store.openSession(user.id, hashToken(token), now + SESSION_LIFETIME_MS, now);
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
    if (carried) await store.closeSession(hashToken(carried.token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/me', { preHandler: app.allow({ role: 'clerk' }), schema: { response: { 200: User } } }, async (request) => {
    const userId = request.caller?.kind === 'user' ? request.caller.userId : 0;
    return userView((await store.userById(userId))!);
  });
}
