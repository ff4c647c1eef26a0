import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { devices } from '../../db/schema.js';
import { allows, authenticateToken, type AccessRule, type Principal } from '../auth/principal.js';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, resolved once per request; null when anonymous or the token is bad. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** A preHandler that lets through only principals the rule allows: 401 anonymous, 403 others. */
    authorize(rule: AccessRule): (request: FastifyRequest) => Promise<void>;
  }
}

export const SESSION_COOKIE = 'dawr_session';

const LAST_SEEN_EVERY_MS = 60_000;
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token a request carries: the bearer header first, else the session cookie. */
export function tokenOf(request: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? { token: match[1], via: 'bearer' } : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** The hall a request acts on: the caller's, else the hall this server runs. */
export function hallIdOf(request: FastifyRequest): number {
  return request.principal?.hallId ?? request.server.hallId;
}

const withoutDefaultPort = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/** Does the request's Origin (or, without one, its Referer) name the host it was sent to? */
export function isSameOrigin(request: FastifyRequest): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  const host = request.headers.host;
  if (!source || !host) return false;
  try {
    return withoutDefaultPort(new URL(source).host) === withoutDefaultPort(host);
  } catch {
    return false; // `Origin: null` and other garbage
  }
}

export default fp(
  async (app) => {
    const lastSeen = new Map<number, number>();

    app.decorateRequest('principal', null);

    app.addHook('onRequest', async (request) => {
      const carried = tokenOf(request);
      if (!carried) return;
      const now = app.now();
      const principal = authenticateToken(app.conn, carried.token, now, carried.via);
      if (!principal) return;
      // The cookie rides along on any request the browser sends, including forged cross-site
      // ones: writes on its authority must come from our own pages (SameSite is the first guard).
      if (carried.via === 'cookie' && !SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
        throw new HttpError(403, 'forbidden', 'cross-site request refused');
      }
      request.principal = principal;
      if (principal.kind === 'device' && now - (lastSeen.get(principal.deviceId) ?? -Infinity) >= LAST_SEEN_EVERY_MS) {
        lastSeen.set(principal.deviceId, now);
        app.conn.db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, principal.deviceId)).run();
      }
    });

    app.decorate('authorize', (rule: AccessRule) => async (request: FastifyRequest) => {
      const p = request.principal;
      if (!p) throw new HttpError(401, 'unauthorized', 'a valid staff or device token is required');
      if (!allows(rule, p)) {
        const who = p.kind === 'user' ? `role ${p.role}` : `a ${p.deviceKind} device`;
        throw new HttpError(403, 'forbidden', `${who} may not do this`);
      }
    });
  },
  { name: 'auth', dependencies: ['db', 'clock'] },
);
