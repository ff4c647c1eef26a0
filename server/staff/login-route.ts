import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { ErrorBody, User } from '../protocol/schemas.js';
import { LoginHeld, SESSION_LIFETIME_MS, type staffLogIn } from './log-in.js';
import { userView } from './users.js';

// POST /login as a hall and the city both answer it: the session token in the body and as an
// HttpOnly cookie for the browser apps; rate-limited per address, held per username.

const LoginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

const LoginAnswer = z.object({ token: z.string(), user: User });

export function loginRoute(fastify: FastifyInstance, logIn: Awaited<ReturnType<typeof staffLogIn>>): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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
}
