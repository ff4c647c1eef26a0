import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasRole } from '../../auth/principal.js';
import { SAFE_METHODS, isSameOrigin, tokenOf } from '../../plugins/auth.js';
import { HttpError } from '../../plugins/errors.js';
import type { Role } from '../../protocol/schemas.js';
import { hashToken } from '../../security.js';
import { hallByToken } from '../halls.js';

// Who calls the city: its staff (session token or cookie, as on a hall) or a hall (its token,
// bearer only). A hall may only ship its events and pull the catalogue; staff may do neither.

export type CityPrincipal =
  | { kind: 'user'; userId: number; role: Role; username: string; via: 'bearer' | 'cookie' }
  | { kind: 'hall'; hallId: number };

/** City staff of at least `role`, or a hall. */
export type CityRule = { role: Role } | 'hall';

declare module 'fastify' {
  interface FastifyRequest {
    caller: CityPrincipal | null;
  }
  interface FastifyInstance {
    /** The principal a token stands for; null when unknown or expired. */
    cityPrincipal(token: string, via: 'bearer' | 'cookie'): Promise<CityPrincipal | null>;
    /** A preHandler: 401 anonymous, 403 anyone the rule does not let through. */
    allow(rule: CityRule): (request: FastifyRequest) => Promise<void>;
  }
}

export default fp(
  async (app) => {
    app.decorate('cityPrincipal', async (token: string, via: 'bearer' | 'cookie'): Promise<CityPrincipal | null> => {
      if (token.startsWith('hall_') && via === 'bearer') {
        const hall = await hallByToken(app.city.db, token);
        return hall ? { kind: 'hall', hallId: hall.id } : null;
      }
      if (!token.startsWith('stf_')) return null;
      const user = await app.city.staff.sessionUser(hashToken(token), app.now());
      return user ? { kind: 'user', userId: user.id, role: user.role, username: user.username, via } : null;
    });
    app.decorateRequest('caller', null);
    app.addHook('onRequest', async (request) => {
      const carried = tokenOf(request);
      if (!carried) return;
      const principal = await app.cityPrincipal(carried.token, carried.via);
      if (principal && carried.via === 'cookie' && !SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
        throw new HttpError(403, 'forbidden', 'cross-site request refused');
      }
      request.caller = principal;
    });
    app.decorate('allow', (rule: CityRule) => async (request: FastifyRequest) => {
      const p = request.caller;
      if (!p) throw new HttpError(401, 'unauthorized', rule === 'hall' ? 'a valid hall token is required' : 'a valid staff token is required');
      if (rule === 'hall' && p.kind !== 'hall') throw new HttpError(403, 'forbidden', 'only a hall may do this, with its token');
      if (rule !== 'hall' && p.kind === 'hall') throw new HttpError(403, 'forbidden', 'a hall token may only ship events and read the catalogue');
      if (rule !== 'hall' && p.kind === 'user' && !hasRole(p.role, rule.role)) throw new HttpError(403, 'forbidden', `role ${p.role} may not do this`);
    });
  },
  { name: 'city-auth', dependencies: ['city-database', 'clock'] },
);
