import { and, eq, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessions, users } from '../../db/schema.js';
import { LoginBackoff } from '../auth/login-backoff.js';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, tokenOf } from '../plugins/auth.js';
import { HttpError } from '../plugins/errors.js';
import { ErrorBody, User } from '../protocol/schemas.js';
import { hashPassword, hashToken, newToken, randomPassword, verifyPassword } from '../security.js';
import { userView } from './admin/views.js';

const LoginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

const LoginAnswer = z.object({ token: z.string(), user: User });

/** Staff log in for a session token, also set as an HttpOnly cookie for the browser apps. */
export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Unknown usernames are checked against this too, so timing does not tell which users exist.
  const dummyHash = await hashPassword(randomPassword());
  const backoff = new LoginBackoff();

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { body: LoginBody, response: { 200: LoginAnswer, 401: ErrorBody, 429: ErrorBody } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const wait = backoff.waitFor(username, app.now());
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        reply.header('retry-after', String(seconds));
        throw new HttpError(429, 'rate_limited', `too many wrong passwords for this user: try again in ${seconds} s`);
      }
      const user = app.conn.db.select().from(users).where(eq(users.username, username)).get();
      const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
      if (!user || !ok || !user.active) {
        backoff.failed(username, app.now());
        throw new HttpError(401, 'unauthorized', 'wrong username or password');
      }
      backoff.succeeded(username);

      const now = app.now();
      const token = newToken('stf');
      app.conn.db.delete(sessions).where(and(eq(sessions.userId, user.id), lte(sessions.expiresAt, now))).run();
      app.conn.db
        .insert(sessions)
        .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: now + SESSION_LIFETIME_MS })
        .run();
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
    if (carried) app.conn.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(carried.token))).run();
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
      return userView(app.conn.db.select().from(users).where(eq(users.id, userId)).get()!);
    },
  );
}
