import type { FastifyRequest } from 'fastify';
import { actorOf } from '../auth/principal.js';
import type { Actor } from '../hall/effects.js';
import { hallIdOf } from '../plugins/auth.js';

/** The hall and the actor of an authorised request. */
export function who(request: FastifyRequest): { hallId: number; actor: Actor } {
  return { hallId: hallIdOf(request), actor: actorOf(request.principal) };
}
