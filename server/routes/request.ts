import type { FastifyRequest } from 'fastify';
import { actorOf } from '../auth/principal.js';
import type { Actor } from '../hall/effects.js';

/** The hall and the actor of an authorised request. */
export function who(request: FastifyRequest): { hallId: number; actor: Actor } {
  const p = request.principal;
  return { hallId: p?.hallId ?? request.server.hallId, actor: actorOf(p) };
}
